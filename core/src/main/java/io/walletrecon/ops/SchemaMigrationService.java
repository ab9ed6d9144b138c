package io.walletrecon.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the pending Flyway migrations on demand. Deployed functions do not migrate at start (a cold start of
 * every function would race for the schema), so the cloud runs this once per release, from the migrate function.
 */
@ApplicationScoped
public class SchemaMigrationService {

    private final Flyway flyway;

    public SchemaMigrationService(Flyway flyway) {
        this.flyway = flyway;
    }

    /** Blocking (JDBC); Flyway's own lock table keeps two concurrent runs from applying a migration twice. */
    public SchemaMigration migrate() {
        String before = version(flyway.info().current());
        MigrateResult result = flyway.migrate();
        return new SchemaMigration(before, version(flyway.info().current()), result.migrationsExecuted);
    }

    private static String version(MigrationInfo current) {
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }
}
