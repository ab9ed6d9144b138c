package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;

import java.time.Instant;

/** An HTTP payment provider adapter: sends one order with its idempotency key, answers status polls and searches. */
public interface PaymentProvider {

    /** Never fails the Uni for provider or network trouble: that is a {@link ProviderResult.Transient}. */
    Uni<ProviderResult> send(OutboundPayment payment);

    /**
     * The provider's object {@code providerPaymentId} as it stands now; fails the Uni when the provider cannot be
     * asked.
     */
    Uni<Found> poll(String type, String providerPaymentId);

    /**
     * Looks for the object an earlier send of {@code payment} may have created, when its answer was lost: by the
     * idempotency key or our payment id the adapter put into the object. Null when the provider has none; fails
     * the Uni when the provider cannot be asked.
     */
    Uni<Found> find(OutboundPayment payment, Instant firstSentAt);

    /**
     * An object at the provider: its id, status, the outcome when final (null while pending), and what it moves
     * ({@code amountMinor} and {@code currency} null when the provider's answer does not say).
     */
    record Found(String providerPaymentId, String providerStatus, ProviderOutcome outcome, Long amountMinor,
            String currency) {
    }
}
