package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/** Flyway and its migration scripts inside the native executable: the migrate function as deployed. */
@QuarkusIntegrationTest
class MigrateHandlerIT extends MigrateHandlerTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
