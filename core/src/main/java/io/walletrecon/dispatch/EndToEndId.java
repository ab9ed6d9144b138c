package io.walletrecon.dispatch;

/**
 * The one identifier of a bank-file order outside walletrecon: the pain.001 EndToEndId (and InstrId) of its credit
 * transfer, the order's {@code providerPaymentId}, and what a bank statement line's end-to-end id is compared with to
 * find the order it debits. At most 35 characters (ISO 20022 Max35Text), letters, digits and '-' only.
 */
public final class EndToEndId {

    /** What every end-to-end id we write begins with: lets a bank line's free text be searched for one. */
    public static final String PREFIX = "e2e-";

    private EndToEndId() {
    }

    /** The end-to-end id of payment order {@code paymentId}. */
    public static String of(long paymentId) {
        return PREFIX + paymentId;
    }
}
