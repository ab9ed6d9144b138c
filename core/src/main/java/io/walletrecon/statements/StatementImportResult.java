package io.walletrecon.statements;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/**
 * Outcome of a statement upload. {@code created} is false when every statement of the file was imported before
 * (nothing changed); {@code alreadyPresent} counts lines another file had already brought in (same line key).
 * The top-level fields describe the file: the first statement's id and account, line totals, and the opening of
 * the first and the closing of the last statement when all statements belong to one account; {@code statements}
 * lists each statement the file held.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementImportResult(long statementId, String account, String format, boolean created, long lines,
        long inserted,
        long alreadyPresent, String currency, Long openingBalanceMinor, Long closingBalanceMinor,
        String fileSha256, List<Statement> statements) {

    /**
     * One statement of the file: where it went, what it states, and whether this upload created it; {@code confirmed}
     * counts the lines intraday reports had brought that this day's statement took over (part of {@code lines}, not
     * of {@code inserted}).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Statement(long id, String account, String accountInFile, String format, String reference,
            LocalDate periodStart,
            LocalDate periodEnd, String currency, Long openingBalanceMinor, Long closingBalanceMinor, long lines,
            long inserted, long confirmed, boolean created, Replaced replaced) {
    }

    /**
     * The statement a corrected re-issue replaced (same row): its file, line count and balances, and how many lines
     * the new one added and dropped (by line key).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Replaced(String fileName, long lines, Long openingBalanceMinor, Long closingBalanceMinor,
            long linesAdded, long linesDropped) {
    }

    static StatementImportResult of(List<Statement> statements, String sha) {
        Statement first = statements.get(0);
        Statement last = statements.get(statements.size() - 1);
        boolean oneAccount = statements.stream().map(Statement::account).distinct().count() == 1;
        boolean oneSeries = oneAccount
                && statements.stream().map(st -> String.valueOf(st.accountInFile())).distinct().count() == 1;
        boolean oneCurrency = statements.stream().map(Statement::currency).distinct().count() == 1;
        long lines = statements.stream().mapToLong(Statement::lines).sum();
        long inserted = statements.stream().mapToLong(Statement::inserted).sum();
        String format = statements.stream().map(Statement::format).distinct().count() == 1 ? first.format() : "mixed";
        return new StatementImportResult(first.id(), oneAccount ? first.account() : null, format,
                statements.stream().anyMatch(Statement::created), lines, inserted, lines - inserted,
                oneCurrency ? first.currency() : null,
                oneSeries ? first.openingBalanceMinor() : null, oneSeries ? last.closingBalanceMinor() : null, sha,
                statements);
    }
}
