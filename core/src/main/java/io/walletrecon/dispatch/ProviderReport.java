package io.walletrecon.dispatch;

/**
 * A provider's signed report about money we sent, as it arrived at one of our accounts: the object's id at the
 * provider, our payment order id if the object carries it (Stripe {@code metadata[payment_id]}), what it says was
 * moved, and the outcome. It can only settle an order of that account and channel.
 */
public record ProviderReport(long accountId, DispatchChannel channel, String providerObjectId, Long paymentOrderId,
        long amountMinor, String currency, ProviderOutcome outcome, String detail) {
}
