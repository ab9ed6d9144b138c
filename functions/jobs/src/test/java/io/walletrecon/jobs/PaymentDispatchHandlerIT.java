package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/** One dispatch cycle inside the native executable: the outbox claim, the pain.001 bank file, the result. */
@QuarkusIntegrationTest
class PaymentDispatchHandlerIT extends PaymentDispatchHandlerTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
