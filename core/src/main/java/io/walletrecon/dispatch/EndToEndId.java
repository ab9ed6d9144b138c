package io.walletrecon.dispatch;

import java.util.Locale;

/**
 * The one identifier of a bank-file order outside walletrecon: the pain.001 EndToEndId (and InstrId) of its credit
 * transfer, the order's {@code providerPaymentId}, and what a bank statement line's end-to-end id is compared with to
 * find the order it debits. At most 35 characters (ISO 20022 Max35Text), letters, digits and '-' only.
 */
public final class EndToEndId {

    /** What every end-to-end id we write begins with: lets a bank line's free text be searched for one. */
    public static final String PREFIX = "e2e-";

    /**
     * A PostgreSQL regular expression that finds one of our end-to-end ids in upper-cased free text (a remittance
     * line), not inside a longer word or number; group 1 is the id, upper-cased.
     */
    public static final String IN_TEXT_REGEX = "(?:^|[^A-Z0-9])(" + PREFIX.toUpperCase(Locale.ROOT)
            + "[0-9]+)(?![0-9])";

    private EndToEndId() {
    }

    /** The end-to-end id of payment order {@code paymentId}. */
    public static String of(long paymentId) {
        return PREFIX + paymentId;
    }
}
