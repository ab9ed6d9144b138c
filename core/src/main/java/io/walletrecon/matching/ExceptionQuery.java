package io.walletrecon.matching;

import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;

import java.time.LocalDate;
import java.util.List;

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

    /**
     * The repository's filter of a query: the age bucket narrows the business dates (as of {@code today}), the amount
     * range is converted exactly into minor units of its currency.
     */
    ExceptionRepository.Filter filter(LocalDate today) {
        LocalDate from = from();
        LocalDate to = to();
        if (age() != null) {
            ExceptionAge age = ExceptionAge.ofOrNull(age());
            if (age == null) {
                throw ApiException.invalid("age must be one of " + ExceptionAge.codes(),
                        List.of(ProblemError.field("age", "unknown age '" + age() + "'")));
            }
            from = later(from, age.earliest(today));
            to = earlier(to, age.latest(today));
        }
        if ((minAmount() != null || maxAmount() != null) && currency() == null) {
            throw ApiException.invalid("an amount range needs its currency",
                    List.of(ProblemError.field("currency", "is required with minAmount or maxAmount")));
        }
        if (currency() != null && !Money.isCurrency(currency())) {
            throw ApiException.invalid("currency must be an ISO 4217 code such as EUR",
                    List.of(ProblemError.field("currency", "unknown currency '" + currency() + "'")));
        }
        return new ExceptionRepository.Filter(null, account(), type(), status(), from, to, assignee(),
                run(), currency(), minor(minAmount(), currency(), "minAmount"),
                minor(maxAmount(), currency(), "maxAmount"));
    }

    private static Long minor(String amount, String currency, String field) {
        if (amount == null) {
            return null;
        }
        try {
            return Money.parse(amount, currency).abs().minorUnits();
        } catch (RuntimeException e) {
            throw ApiException.invalid(field + " must be an amount in " + currency + " such as 100.00",
                    List.of(ProblemError.field(field, "is not an amount in " + currency + ": '" + amount + "'")));
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

}
