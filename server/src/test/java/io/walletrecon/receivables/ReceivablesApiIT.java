package io.walletrecon.receivables;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ReceivablesApiTest} against the packaged server (the native executable with {@code -Dnative}): the CSV import
 * through COPY and its problem documents.
 */
@QuarkusIntegrationTest
class ReceivablesApiIT extends ReceivablesApiTest {
}
