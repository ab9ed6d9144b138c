package io.walletrecon.dispatch;

import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Provider notifications about money we sent, signed the way each provider signs them, posted to the real intake. */
final class Webhooks {

    /** The webhook secret of every account {@link DispatchFixtures#stripeAccount} makes. */
    static final String STRIPE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String STANDARD_SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("standard-webhooks-test-key-32-by".getBytes(StandardCharsets.UTF_8));

    private Webhooks() {
    }

    /**
     * A Stripe event {@code type} about {@code objectJson}, signed with the account's secret, to
     * {@code /webhooks/stripe/{account}}.
     */
    static ValidatableResponse stripe(String account, String type, String objectJson) {
        long t = Instant.now().getEpochSecond();
        String body = "{\"id\":\"" + TestData.unique("evt") + "\",\"type\":\"" + type + "\",\"created\":" + t
                + ",\"data\":{\"object\":" + objectJson + "}}";
        String signature = java.util.HexFormat.of()
                .formatHex(hmac(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8), t + "." + body));
        return given().header("Stripe-Signature", "t=" + t + ",v1=" + signature)
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/webhooks/stripe/" + account).then();
    }

    /** A Stripe payout object as its events carry it. */
    static String payout(String id, long amount, String currency, String status, Long paymentId) {
        return "{\"id\":\"" + id + "\",\"object\":\"payout\",\"amount\":" + amount + ",\"currency\":\""
                + currency.toLowerCase() + "\",\"arrival_date\":"
                + Instant.now().getEpochSecond() + ",\"status\":\"" + status + "\""
                + (paymentId == null ? "" : ",\"metadata\":{\"payment_id\":\"" + paymentId + "\"}") + "}";
    }

    /** A {@code standard} account (our own Standard Webhooks shape) with {@link #STANDARD_SECRET}. */
    static String standardAccount(String currency) {
        String code = TestData.unique("std");
        Accounts.create(Map.of("code", code, "provider", "standard", "name", "Standard " + code, "currency", currency,
                "timeZone", "Europe/Berlin", "credentials", Map.of("webhookSecrets", List.of(STANDARD_SECRET))));
        return code;
    }

    /**
     * A Standard Webhooks event of the documented shape, signed with {@link #STANDARD_SECRET}, to
     * {@code /webhooks/standard/{account}}.
     */
    static ValidatableResponse standard(String account, String type, String id, long amount, String currency) {
        String eventId = TestData.unique("msg");
        long t = Instant.now().getEpochSecond();
        String body = "{\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"" + id
                + "\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"occurred_at\":\"" + Instant.now() + "\"}}";
        byte[] key = Base64.getDecoder().decode(STANDARD_SECRET.substring("whsec_".length()));
        String signature = Base64.getEncoder().encodeToString(hmac(key, eventId + "." + t + "." + body));
        return given().header("webhook-id", eventId).header("webhook-timestamp", Long.toString(t))
                .header("webhook-signature", "v1," + signature)
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/webhooks/standard/" + account).then();
    }

    private static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
