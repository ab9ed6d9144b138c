package io.walletrecon.dispatch;

/** What an adapter needs to send one order. {@code idempotencyKey} is derived from the payment id only. */
public record OutboundPayment(long paymentId, String type, long amountMinor, String currency, String reference,
                              String destination, String refundOf) {

    public String idempotencyKey() {
        return idempotencyKeyOf(paymentId);
    }

    public static String idempotencyKeyOf(long paymentId) {
        return "payment-" + paymentId;
    }
}
