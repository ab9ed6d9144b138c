package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same invocation against the packaged function; with {@code -Dnative} against the native executable that
 * ships in function.zip (run by .github/workflows/native.yml).
 */
@QuarkusIntegrationTest
class DbStatusHandlerIT extends DbStatusHandlerTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
