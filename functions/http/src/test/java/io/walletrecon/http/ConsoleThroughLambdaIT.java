package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The console's pages, templates, message bundles and static files inside the packaged function; with
 * {@code -Dnative} inside the native executable (run by .github/workflows/native.yml).
 */
@QuarkusIntegrationTest
class ConsoleThroughLambdaIT extends ConsoleThroughLambdaTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
