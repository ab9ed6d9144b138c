package io.walletrecon.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How old an exception is: whole days from its business date to today (UTC), in the buckets the overview counts
 * (0–1, 2–3, 4–7, more than 7 days). The exceptions queue filters by them; {@link #earliest} and {@link #latest} turn
 * a bucket into the business dates it covers.
 */
public enum ExceptionAge {
    DAYS_0_1("0-1", 0, 1), DAYS_2_3("2-3", 2, 3), DAYS_4_7("4-7", 4, 7), OVER_7("over-7", 8, null);

    private final String code;
    private final int minDays;
    private final Integer maxDays;

    ExceptionAge(String code, int minDays, Integer maxDays) {
        this.code = code;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    public String code() {
        return code;
    }

    /** The earliest business date of the bucket as of {@code today}; null when the bucket has no upper age. */
    public LocalDate earliest(LocalDate today) {
        return maxDays == null ? null : today.minusDays(maxDays);
    }

    /** The latest business date of the bucket as of {@code today}. */
    public LocalDate latest(LocalDate today) {
        return today.minusDays(minDays);
    }

    /** The bucket of {@code code}, or null when there is none of that name. */
    public static ExceptionAge ofOrNull(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst().orElse(null);
    }

    /** Every code, comma-separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(ExceptionAge::code).collect(Collectors.joining(", "));
    }
}
