package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ReconciliationStatementTest} against the packaged server (the native executable with {@code -Dnative}): JSON,
 * CSV, XLSX and the PDF with OpenPDF's fonts.
 */
@QuarkusIntegrationTest
class ReconciliationStatementIT extends ReconciliationStatementTest {
}
