package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;

/** An HTTP payment provider adapter: sends one order with its idempotency key, and answers status polls. */
public interface PaymentProvider {

    /** Never fails the Uni for provider or network trouble: that is a {@link ProviderResult.Transient}. */
    Uni<ProviderResult> send(OutboundPayment payment);

    /** The provider's current status of a payment, as an outcome, or null while it is still pending. */
    Uni<ProviderOutcome> poll(String type, String providerPaymentId);
}
