package io.walletrecon.matching;

import java.time.LocalDate;

/**
 * The filters of the exceptions list, each null for "any", as the API and the console's queue bind them: the
 * company, account, type, status, business dates (inclusive), assignee, run, age bucket ({@link ExceptionAge} code)
 * and an amount range in {@code currency} (decimal strings, compared with {@link #amountMinor}).
 */
public record ExceptionQuery(String company, String account, String type, String status, LocalDate from, LocalDate to,
        String assignee, Long run, String age, String currency, String minAmount, String maxAmount) {

    /**
     * An exception's amount as the queue shows and filters it: the larger of what was expected and what was found,
     * without sign (a receipt's amount, an unpaid receivable's, the larger side of a mismatch). The list's SQL filter
     * computes the same.
     */
    public static long amountMinor(Long expectedMinor, Long actualMinor) {
        return Math.max(Math.abs(expectedMinor == null ? 0 : expectedMinor),
                Math.abs(actualMinor == null ? 0 : actualMinor));
    }

    /** No filter: every exception. */
    public static ExceptionQuery any() {
        return new ExceptionQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
