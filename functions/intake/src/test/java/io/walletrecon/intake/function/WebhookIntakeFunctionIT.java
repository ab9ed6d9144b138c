package io.walletrecon.intake.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every provider's signed webhook against the packaged function; with {@code -Dnative} against the native executable
 * that ships in function.zip (run by .github/workflows/native.yml).
 */
@QuarkusIntegrationTest
class WebhookIntakeFunctionIT extends WebhookIntakeFunctionTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
