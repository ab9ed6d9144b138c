package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.WebhookSecretCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}: HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the
 * whole {@code whsec_...} string. Any listed {@code v1} matching any configured secret is enough, which is how a
 * secret rotates without downtime; {@code v0} (test-mode legacy) is ignored. An event is bound to the mode the
 * account is for: a signed event whose {@code livemode} differs is refused.
 */
@ApplicationScoped
public class StripeVerifier implements WebhookVerifier {

    private final Clock clock;
    private final AccountService accounts;

    public StripeVerifier(@IntakeClock Clock clock, AccountService accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public Provider provider() {
        return Provider.STRIPE;
    }

    @Override
    public AuthenticEvent verify(Account account, WebhookRequest request) {
        WebhookSecretCredentials credentials = accounts.credentials(account, WebhookSecretCredentials.class);
        verify(credentials.webhookSecrets(), request.require("stripe-signature"), request.body());
        JsonNode event = EventJson.tryParse(request.body());
        JsonNode livemode = event == null ? null : event.get("livemode");
        if (livemode != null && livemode.isBoolean() && livemode.booleanValue() != credentials.live()) {
            throw new WebhookRejectedException(RejectionReason.WRONG_MERCHANT,
                    (livemode.booleanValue() ? "a live-mode" : "a test-mode")
                            + " event reached an account configured for " + (credentials.live() ? "live" : "test")
                            + " mode");
        }
        String id = EventJson.text(event, "id");
        return new AuthenticEvent(id != null ? id : "sha256:" + Signatures.sha256Hex(request.body()),
                EventJson.text(event, "type"), WebhookVerifier.keep(request, "stripe-signature", "content-type"));
    }

    /** Verifies the header against the body; returns the signed timestamp. */
    public long verify(List<String> secrets, String header, byte[] body) {
        String timestamp = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = value;
            } else if (key.equals("v1")) {
                try {
                    candidates.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // a malformed entry cannot match; the others still may
                }
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED,
                    "Stripe-Signature must carry t= and at least one v1=");
        }
        byte[] signedPayloadPrefix = Signatures.utf8(timestamp + ".");
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = Signatures.hmacSha256(Signatures.utf8(secret), signedPayloadPrefix, body);
            for (byte[] candidate : candidates) {
                // no early exit: the time taken must not tell which secret or entry matched
                matched |= Signatures.constantTimeEquals(expected, candidate);
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                    "no v1 signature matches the body with any configured endpoint secret");
        }
        return Signatures.checkTimestamp(timestamp, clock, "Stripe-Signature t");
    }
}
