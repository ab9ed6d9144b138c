package io.walletrecon.statements;

import java.time.LocalDate;

/**
 * What one statement of a file says about itself; balances and period are null where the format has none.
 *
 * @param format the message type stored in statements.format (e.g. {@code camt052} read by the camt parser)
 * @param sequence the statement's number in the bank's series (MT940 :28C:, camt ElctrncSeqNb), part of its identity
 * @param accountInFile the account number or IBAN the statement names, as written; routes it to one of our accounts
 * @param line the file line where the statement begins, for messages about it
 * @param balancesOnly a report that states only the opening and closing balance of its period, without the lines
 *     between them (Stripe's balance summary): the sink accepts it without lines instead of requiring that the lines
 *     add up from opening to closing, and refuses it with any line or without a period
 */
public record StatementHeader(String format, String reference, String sequence, String accountInFile, String currency,
        LocalDate periodStart, LocalDate periodEnd, Long openingBalanceMinor, Long closingBalanceMinor,
        long line, boolean balancesOnly) {

    /** A statement with its lines (every format but a balances-only report). */
    public StatementHeader(String format, String reference, String sequence, String accountInFile, String currency,
            LocalDate periodStart, LocalDate periodEnd, Long openingBalanceMinor, Long closingBalanceMinor,
            long line) {
        this(format, reference, sequence, accountInFile, currency, periodStart, periodEnd, openingBalanceMinor,
                closingBalanceMinor, line, false);
    }

    /** A bill or report without balances or statement numbering. */
    public static StatementHeader bill(String format, String accountInFile, String currency, LocalDate periodStart,
            LocalDate periodEnd) {
        return bill(format, accountInFile, currency, periodStart, periodEnd, null, null);
    }

    /** A bill that states the account's balance (account-flow bills): opening and closing, null where unknown. */
    public static StatementHeader bill(String format, String accountInFile, String currency, LocalDate periodStart,
            LocalDate periodEnd, Long openingBalanceMinor, Long closingBalanceMinor) {
        return new StatementHeader(format, null, null, accountInFile, currency, periodStart, periodEnd,
                openingBalanceMinor, closingBalanceMinor, 1);
    }

    /**
     * A report of the balance at the start and at the end of a period and nothing between ({@code balancesOnly}); its
     * period is the one the uploader gives. {@code line}: where the report of this currency ends, for messages.
     */
    public static StatementHeader balancesOnly(String format, String currency, long openingBalanceMinor,
            long closingBalanceMinor, long line) {
        return new StatementHeader(format, null, null, null, currency, null, null, openingBalanceMinor,
                closingBalanceMinor, line, true);
    }

    /** This statement covering {@code start} to {@code end}. */
    public StatementHeader withPeriod(LocalDate start, LocalDate end) {
        return new StatementHeader(format, reference, sequence, accountInFile, currency, start, end,
                openingBalanceMinor, closingBalanceMinor, line, balancesOnly);
    }

    public boolean hasBalances() {
        return openingBalanceMinor != null && closingBalanceMinor != null;
    }
}
