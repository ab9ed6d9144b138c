package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The statement-import function reading from (fake) S3 inside the native executable: the AWS SDK, SigV4, streaming
 * GetObject.
 */
@QuarkusIntegrationTest
class StatementImportFromS3IT extends StatementImportFromS3Test {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
