package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AccountsApiTest} against the packaged server (the native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class AccountsApiIT extends AccountsApiTest {
}
