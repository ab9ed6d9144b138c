package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every report format from the reports function's native executable: JSON, CSV, XLSX, PDF (OpenPDF and its fonts), PNG
 * and SVG charts (AWT), QR images, exports.
 */
@QuarkusIntegrationTest
class ReportsThroughLambdaIT extends ReportsThroughLambdaTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
