package io.walletrecon.customers;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link CustomersApiTest} against the packaged server (the native executable with {@code -Dnative}): encrypted
 * personal data and the collection code's QR image as PNG and SVG.
 */
@QuarkusIntegrationTest
class CustomersApiIT extends CustomersApiTest {
}
