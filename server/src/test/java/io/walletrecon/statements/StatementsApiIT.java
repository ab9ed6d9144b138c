package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link StatementsApiTest} against the packaged server (the native executable with {@code -Dnative}): every statement
 * format, parsed and COPY'd over the JDBC datasource.
 */
@QuarkusIntegrationTest
class StatementsApiIT extends StatementsApiTest {
}
