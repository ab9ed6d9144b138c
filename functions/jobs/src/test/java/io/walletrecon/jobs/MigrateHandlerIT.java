package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Flyway and its migration scripts inside the native executable: the migrate function as deployed. */
@QuarkusIntegrationTest
class MigrateHandlerIT extends MigrateHandlerTest {
}
