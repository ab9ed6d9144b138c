package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The REST resources, JSON mapping, JWT checks and the reactive data layer inside the packaged function; with
 * {@code -Dnative} inside the native executable (run by .github/workflows/native.yml).
 */
@QuarkusIntegrationTest
class AccountsThroughLambdaIT extends AccountsThroughLambdaTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
