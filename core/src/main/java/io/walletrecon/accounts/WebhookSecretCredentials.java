package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Stripe and Standard Webhooks: the endpoint secrets ({@code whsec_...}); several while one rotates. */
@RegisterForReflection
public record WebhookSecretCredentials(List<String> webhookSecrets) {
}
