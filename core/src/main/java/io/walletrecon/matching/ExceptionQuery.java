package io.walletrecon.matching;

import java.time.LocalDate;

/**
 * The filters of the exceptions list, each null for "any", as the API and the console's queue bind them: the
 * company, account, type, status, business dates (inclusive), assignee, run, age bucket ({@link ExceptionAge} code)
 * and an amount range in {@code currency} (decimal strings, the exception's amount being what it is about: the
 * receipt, line or receivable amount, without sign).
 */
public record ExceptionQuery(String company, String account, String type, String status, LocalDate from, LocalDate to,
        String assignee, Long run, String age, String currency, String minAmount, String maxAmount) {

    /** No filter: every exception. */
    public static ExceptionQuery any() {
        return new ExceptionQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
