package io.walletrecon.intake;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.data.WebhookEvent;

import java.time.Instant;

/** A stored webhook event without its body (which may carry personal data). */
@RegisterForReflection
public record WebhookEventView(long id, long accountId, String provider, String providerEventId, String eventType,
        String state, String error, Long transactionId, Instant receivedAt, Instant processedAt) {

    public static WebhookEventView of(WebhookEvent e) {
        return new WebhookEventView(e.id, e.accountId, e.provider.code(), e.providerEventId, e.eventType, e.state,
                e.error, e.transactionId, e.receivedAt, e.processedAt);
    }
}
