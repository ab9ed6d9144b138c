package io.walletrecon.statements;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Outcome of a statement upload. {@code created} is false when the same file was imported before (nothing
 * changed); {@code alreadyPresent} counts lines another file had already brought in (same line key).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementImportResult(long statementId, String account, String format, boolean created, long lines, long inserted,
                                   long alreadyPresent, String currency, Long openingBalanceMinor, Long closingBalanceMinor,
                                   String fileSha256) {
}
