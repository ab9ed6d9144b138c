package io.walletrecon.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.util.Map;

/**
 * The intake function has no Flyway (the migrate function migrates), so its tests build the schema from core's
 * migrations before the function starts, as the other modules' tests do at application start: an empty schema
 * migrated to the latest version, as the schema owner.
 */
public class SchemaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Flyway flyway = Flyway.configure()
                .dataSource(
                        System.getenv().getOrDefault("WALLETRECON_DB_URL",
                                "jdbc:postgresql://127.0.0.1:5432/walletrecon"),
                        System.getenv().getOrDefault("WALLETRECON_DB_OWNER_USER", "walletrecon"),
                        System.getenv().getOrDefault("WALLETRECON_DB_OWNER_PASSWORD", "walletrecon"))
                .locations("classpath:db/migration")
                // As the other applications migrate: as the schema owner, granting the application's role its rights.
                .placeholders(
                        Map.of("app_role", System.getenv().getOrDefault("WALLETRECON_DB_USER", "walletrecon_app")))
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
