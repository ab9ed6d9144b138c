package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TransactionsApiTest} against the packaged server (the native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class TransactionsApiIT extends TransactionsApiTest {
}
