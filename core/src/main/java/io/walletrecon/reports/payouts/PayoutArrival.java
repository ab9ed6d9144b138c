package io.walletrecon.reports.payouts;

import io.walletrecon.matching.MatchStatus;

import java.util.Locale;

/**
 * Where a payout stands at the bank, decided from its settlement match ({@code settlement_bank}) and its open
 * exception:
 * <ul>
 * <li>{@code arrived}: a confirmed match pairs it with the bank line it arrived as;</li>
 * <li>{@code suggested}: a run proposes a bank line (by amount and date, or in another currency off the reference
 * rate); a person confirms or rejects it;</li>
 * <li>{@code ambiguous}: several bank lines fit it, or its line fits several payouts; a person untangles them;</li>
 * <li>{@code not_arrived}: a full run found no bank line after the configured days, with the bank's statements of
 * those days in;</li>
 * <li>{@code pending}: no bank line shows it yet, and it is not known to be missing (the bank's statements of its
 * days are not all in, or no run has looked).</li>
 * </ul>
 */
public enum PayoutArrival {
    ARRIVED, SUGGESTED, AMBIGUOUS, NOT_ARRIVED, PENDING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label key of the sentence that says why there is no bank line ({@code arrived} has none). */
    public String reasonKey() {
        return this == ARRIVED ? null : "arrival." + code();
    }

    /**
     * The payout's standing from the status of its live settlement match (null: none) and the type of its open
     * settlement exception (null: none).
     */
    public static PayoutArrival of(String matchStatus, String openExceptionType) {
        if (MatchStatus.CONFIRMED.code().equals(matchStatus)) {
            return ARRIVED;
        }
        if (MatchStatus.SUGGESTED.code().equals(matchStatus)) {
            return SUGGESTED;
        }
        if ("ambiguous".equals(openExceptionType)) {
            return AMBIGUOUS;
        }
        if ("settlement_not_arrived".equals(openExceptionType)) {
            return NOT_ARRIVED;
        }
        return PENDING;
    }
}
