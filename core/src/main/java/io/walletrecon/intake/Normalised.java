package io.walletrecon.intake;

/**
 * The transaction an event is about, and for a refund reported on its own (WeChat Pay) the payment it refunds,
 * which is created or advanced first.
 */
public record Normalised(TransactionFacts primary, TransactionFacts parent) {

    public static Normalised of(TransactionFacts primary) {
        return new Normalised(primary, null);
    }
}
