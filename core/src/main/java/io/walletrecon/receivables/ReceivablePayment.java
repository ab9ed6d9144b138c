package io.walletrecon.receivables;

/**
 * The one rule for a receivable's status after a payment (or after one was taken back): nothing paid is open; paid
 * up to within the tolerance of the amount is paid; anything in between is partially paid. The repository's paying
 * UPDATE writes the same rule in SQL ({@link ReceivableRepository#PAY}); a test holds the two to the
 * same answers.
 */
public final class ReceivablePayment {

    private ReceivablePayment() {
    }

    public static ReceivableStatus statusAfter(long amountMinor, long paidMinor, PaymentTolerance tolerance) {
        if (paidMinor <= 0) {
            return ReceivableStatus.OPEN;
        }
        if (paidMinor >= amountMinor - tolerance.allowance(amountMinor)) {
            return ReceivableStatus.PAID;
        }
        return ReceivableStatus.PARTIALLY_PAID;
    }
}
