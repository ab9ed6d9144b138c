package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Stripe and Standard Webhooks: the endpoint secrets ({@code whsec_...}); several while one rotates. Stripe only:
 * {@code livemode}, whether the endpoint receives live (true, the default) or test-mode events; an event of the
 * other mode is refused.
 */
@RegisterForReflection
public record WebhookSecretCredentials(List<String> webhookSecrets, Boolean livemode) {

    /** Whether the account takes live-mode events (absent means live). */
    public boolean live() {
        return livemode == null || livemode;
    }
}
