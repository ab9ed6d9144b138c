package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/** The matching handler inside the native executable: set-based SQL on the reactive pool, the run's JSON result. */
@QuarkusIntegrationTest
class MatchingHandlerIT extends MatchingHandlerTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
