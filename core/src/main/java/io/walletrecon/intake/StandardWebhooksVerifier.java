package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.WebhookSecretCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks (standardwebhooks.com, as sent by Svix and others): HMAC-SHA256 over
 * {@code "<webhook-id>.<webhook-timestamp>.<raw body>"} keyed with the base64-decoded part of the secret after
 * {@code whsec_}; {@code webhook-signature} is a space-separated list of {@code v1,<base64>} entries (other
 * versions such as {@code v1a} are skipped). The event id is {@code webhook-id}.
 */
@ApplicationScoped
public class StandardWebhooksVerifier implements WebhookVerifier {

    private final Clock clock;
    private final AccountService accounts;

    public StandardWebhooksVerifier(@IntakeClock Clock clock, AccountService accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public Provider provider() {
        return Provider.STANDARD;
    }

    @Override
    public AuthenticEvent verify(Account account, WebhookRequest request) {
        List<String> secrets = accounts.credentials(account, WebhookSecretCredentials.class).webhookSecrets();
        String id = request.require("webhook-id");
        verify(secrets, id, request.require("webhook-timestamp"), request.require("webhook-signature"), request.body());
        JsonNode event = EventJson.tryParse(request.body());
        return new AuthenticEvent(id, EventJson.text(event, "type"),
                WebhookVerifier.keep(request, "webhook-id", "webhook-timestamp", "webhook-signature", "content-type"));
    }

    /** Verifies one delivery; throws {@link WebhookRejectedException} when no signature matches or it is stale. */
    public void verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body) {
        List<byte[]> candidates = new ArrayList<>();
        for (String entry : signatureHeader.trim().split("\\s+")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                try {
                    candidates.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match, the other entries still may
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED,
                    "webhook-signature carries no v1,<base64> entry");
        }
        byte[] prefix = Signatures.utf8(id + "." + timestamp.trim() + ".");
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = Signatures.hmacSha256(key(secret), prefix, body);
            for (byte[] candidate : candidates) {
                matched |= Signatures.constantTimeEquals(expected, candidate);
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                    "no v1 signature matches the body with any configured secret");
        }
        Signatures.checkTimestamp(timestamp, clock, "webhook-timestamp");
    }

    private static byte[] key(String secret) {
        String base64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        return Base64.getDecoder().decode(base64);
    }
}
