package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuthorizationTest} against the packaged server (the native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class AuthorizationIT extends AuthorizationTest {
}
