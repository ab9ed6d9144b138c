package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.walletrecon.testing.LambdaMockServer;
import org.junit.jupiter.api.BeforeEach;

/** A statement file imported by the native executable: the parsers, COPY over the JDBC datasource, the audit row. */
@QuarkusIntegrationTest
class StatementImportHandlerIT extends StatementImportHandlerTest {

    @BeforeEach
    void callTheFunctionThroughTheMockEventServer() {
        LambdaMockServer.useForRestAssured();
    }
}
