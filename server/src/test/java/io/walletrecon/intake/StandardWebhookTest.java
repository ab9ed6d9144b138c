package io.walletrecon.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.Signing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class StandardWebhookTest extends WebhookContract {

    private final String secret = Signing.whsecBase64(32);
    private final String otherSecret = Signing.whsecBase64(32);

    @Override
    String provider() {
        return "standard";
    }

    @Override
    void createAccount(String code) {
        Accounts.create(Map.of("code", code, "provider", "standard", "name", "Standard " + code, "currency", "EUR",
                "timeZone", "Pacific/Auckland", "credentials", Map.of("webhookSecrets", List.of(secret))));
    }

    /** The documented shape (docs/intake.md). */
    static String body(String txnId, Stage stage) {
        String type = switch (stage) {
            case PENDING -> "payment.pending";
            case SUCCEEDED -> "payment.succeeded";
            case REFUNDED -> "payment.refunded";
        };
        return "{\"type\":\"" + type + "\",\"timestamp\":\"2026-03-01T16:31:00Z\",\"data\":{\"id\":\"" + txnId + "\","
                + "\"amount\":8888,\"currency\":\"EUR\",\"fee\":120,"
                + (stage == Stage.REFUNDED ? "\"refunded\":8888," : "")
                + "\"occurred_at\":\"2026-03-01T16:30:00Z\",\"payer\":{\"kind\":\"email\",\"id\":\"payer@example.com\"},"
                + "\"reference\":\"" + REFERENCE + "\",\"description\":\"Rechnung 42 – Müller\"}}";
    }

    static Map<String, String> sign(String secret, String eventId, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signature = Base64.getEncoder()
                .encodeToString(Signing.hmac(key, Signing.concat(eventId + "." + timestamp + ".", body, "")));
        return Map.of("webhook-id", eventId, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
                "v1," + signature);
    }

    @Override
    Delivery event(String eventId, String txnId, Stage stage, long timestamp, boolean wrongKey) {
        byte[] bytes = body(txnId, stage).getBytes(StandardCharsets.UTF_8);
        return new Delivery("application/json", sign(wrongKey ? otherSecret : secret, eventId, timestamp, bytes),
                bytes);
    }

    @Override
    byte[] tamper(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("8888", "9888").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    String currency() {
        return "EUR";
    }

    @Override
    String payerKind() {
        return "email";
    }

    @Override
    String payer() {
        return "payer@example.com";
    }

    @Override
    LocalDate expectedValueDate() {
        // 16:30 UTC is already the next morning in Auckland
        return LocalDate.of(2026, 3, 2);
    }

    @Override
    void assertAccepted(ValidatableResponse response) {
        response.statusCode(200).body("state", equalTo("processed")).body("webhookEventId", notNullValue());
    }

    @Override
    void assertRejected(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status));
    }
}
