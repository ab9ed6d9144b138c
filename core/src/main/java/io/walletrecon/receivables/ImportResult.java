package io.walletrecon.receivables;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Outcome of a receivables import: rows read, rows inserted, rows that were already there unchanged. */
@RegisterForReflection
public record ImportResult(long rows, long inserted, long unchanged) {
}
