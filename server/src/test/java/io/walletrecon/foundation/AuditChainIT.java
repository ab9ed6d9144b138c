package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuditChainTest} against the packaged server (the native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class AuditChainIT extends AuditChainTest {
}
