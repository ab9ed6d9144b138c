package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same invocation against the packaged function; with {@code -Dnative} against the native executable that
 * ships in function.zip (run by .github/workflows/native.yml).
 */
@QuarkusIntegrationTest
class DbStatusHandlerIT extends DbStatusHandlerTest {
}
