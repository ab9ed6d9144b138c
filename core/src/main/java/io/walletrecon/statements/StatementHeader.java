package io.walletrecon.statements;

import java.time.LocalDate;

/**
 * What one statement of a file says about itself; balances and period are null where the format has none.
 *
 * @param format the message type stored in statements.format (e.g. {@code camt052} read by the camt parser)
 * @param sequence the statement's number in the bank's series (MT940 :28C:, camt ElctrncSeqNb), part of its identity
 * @param accountInFile the account number or IBAN the statement names, as written; routes it to one of our accounts
 * @param line the file line where the statement begins, for messages about it
 */
public record StatementHeader(String format, String reference, String sequence, String accountInFile, String currency,
        LocalDate periodStart, LocalDate periodEnd, Long openingBalanceMinor, Long closingBalanceMinor,
        long line) {

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

    /** This statement covering {@code start} to {@code end}. */
    public StatementHeader withPeriod(LocalDate start, LocalDate end) {
        return new StatementHeader(format, reference, sequence, accountInFile, currency, start, end,
                openingBalanceMinor, closingBalanceMinor, line);
    }

    public boolean hasBalances() {
        return openingBalanceMinor != null && closingBalanceMinor != null;
    }
}
