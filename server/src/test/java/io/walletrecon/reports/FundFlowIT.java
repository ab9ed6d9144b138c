package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link FundFlowTest} against the packaged server (the native executable with {@code -Dnative}): charts as PNG and SVG
 * through AWT.
 */
@QuarkusIntegrationTest
class FundFlowIT extends FundFlowTest {
}
