package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OpenApiTest} against the packaged server (the native executable with {@code -Dnative}). */
@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {
}
