package io.walletrecon.intake;

/**
 * The transaction an event is about, and for a refund reported on its own (WeChat Pay) the payment it refunds,
 * which is created or advanced first. {@code paymentOrderId} is our own payment order id when the provider object
 * carries it (Stripe {@code metadata[payment_id]} on payouts and refunds we sent), else null.
 */
public record Normalised(TransactionFacts primary, TransactionFacts parent, Long paymentOrderId) {

    public Normalised(TransactionFacts primary, TransactionFacts parent) {
        this(primary, parent, null);
    }

    public static Normalised of(TransactionFacts primary) {
        return new Normalised(primary, null, null);
    }

    public Normalised withPaymentOrderId(Long id) {
        return new Normalised(primary, parent, id);
    }
}
