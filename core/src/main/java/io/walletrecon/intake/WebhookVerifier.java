package io.walletrecon.intake;

import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;

/**
 * Proves that a delivery comes from the provider, over the raw bytes and before anything parses them, or throws
 * {@link WebhookRejectedException}. Verifiers never log or return a secret.
 */
public interface WebhookVerifier {

    Provider provider();

    AuthenticEvent verify(Account account, WebhookRequest request);

    /** Keeps only the headers worth storing next to the raw body (identification and signature, no secrets). */
    static java.util.Map<String, String> keep(WebhookRequest request, String... names) {
        java.util.Map<String, String> kept = new java.util.TreeMap<>();
        for (String name : names) {
            String value = request.header(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }
}
