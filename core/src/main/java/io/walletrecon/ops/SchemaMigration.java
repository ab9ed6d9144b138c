package io.walletrecon.ops;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The outcome of one migration run: the schema version before and after, and how many migrations it applied. */
@RegisterForReflection
public record SchemaMigration(String versionBefore, String versionAfter, int migrationsApplied) {
}
