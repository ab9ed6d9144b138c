package io.walletrecon.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.StoredIntake;
import io.walletrecon.testing.Signing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StripeWebhookTest extends WebhookContract {

    /** 2026-03-02T03:30:00Z, which is still 1 March in New York. */
    static final long CREATED = 1772422200L;

    private final String secret = "whsec_" + Signing.randomAlphanumeric(32);
    private final String otherSecret = "whsec_" + Signing.randomAlphanumeric(32);

    @Override
    String provider() {
        return "stripe";
    }

    @Override
    void createAccount(String code) {
        // the second secret is an older one still being rotated out: both must verify
        Accounts.createStripe(code, "whsec_" + Signing.randomAlphanumeric(32), secret);
    }

    @Override
    Delivery event(String eventId, String txnId, Stage stage, long timestamp, boolean wrongKey) {
        String type;
        String object;
        String common = "\"currency\":\"usd\",\"customer\":\"cus_T1\",\"description\":\"Order 42\","
                + "\"metadata\":{\"reference\":\"" + REFERENCE + "\"}";
        switch (stage) {
            case PENDING -> {
                type = "payment_intent.processing";
                object = "{\"id\":\"" + txnId
                        + "\",\"object\":\"payment_intent\",\"amount\":8888,\"amount_received\":0,"
                        + common + ",\"status\":\"processing\"}";
            }
            case SUCCEEDED -> {
                type = "payment_intent.succeeded";
                object = "{\"id\":\"" + txnId
                        + "\",\"object\":\"payment_intent\",\"amount\":8888,\"amount_received\":8888,"
                        + common + ",\"status\":\"succeeded\"}";
            }
            default -> {
                type = "charge.refunded";
                object = "{\"id\":\"ch_" + txnId + "\",\"object\":\"charge\",\"payment_intent\":\"" + txnId + "\","
                        + "\"amount\":8888,\"amount_refunded\":8888,\"refunded\":true," + common + "}";
            }
        }
        String body = "{\n  \"id\": \"" + eventId
                + "\",\n  \"object\": \"event\",\n  \"api_version\": \"2024-06-20\",\n"
                + "  \"created\": " + CREATED + ",\n  \"type\": \"" + type + "\",\n  \"data\": {\"object\": " + object
                + "}\n}";
        return signed(body, wrongKey ? otherSecret : secret, timestamp);
    }

    static Delivery signed(String body, String secret, long timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Signing
                .hex(Signing.hmac(secret.getBytes(StandardCharsets.UTF_8), Signing.concat(timestamp + ".", bytes, "")));
        // Stripe lists one v1 per active secret; a stale or unknown one beside the right one must not matter
        String header = "t=" + timestamp + ",v1=" + Signing.hex(new byte[32]) + ",v1=" + signature + ",v0=deadbeef";
        return new Delivery("application/json; charset=utf-8", Map.of("Stripe-Signature", header), bytes);
    }

    static String inMode(Delivery d, boolean livemode) {
        return new String(d.body(), StandardCharsets.UTF_8).replace("\"object\": \"event\",",
                "\"object\": \"event\", \"livemode\": " + livemode + ",");
    }

    @Test
    void testModeEventAtALiveAccountIsRejectedAndNotStored() {
        String txnId = TestData.unique("pi");
        String body = inMode(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false), false);
        assertRejected(post(signed(body, secret, now()), account), 400);
        assertEquals(0, events());
        assertEquals(0, transactions(txnId));
        String live = inMode(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false), true);
        assertAccepted(post(signed(live, secret, now()), account));
        assertEquals(1, transactions(txnId));
    }

    @Test
    void testModeAccountTakesTestModeEventsOnly() {
        String code = TestData.unique("stripe-test");
        String testSecret = "whsec_" + Signing.randomAlphanumeric(32);
        Accounts.create(Map.of("code", code, "provider", "stripe", "name", "Stripe test " + code, "currency", "USD",
                "timeZone", "America/New_York", "credentials",
                Map.of("webhookSecrets", List.of(testSecret), "livemode", false)));
        String txnId = TestData.unique("pi");
        assertRejected(post(signed(inMode(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false), true),
                testSecret, now()), code), 400);
        assertAccepted(post(signed(inMode(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false), false),
                testSecret, now()), code));
        assertEquals(1, StoredIntake.transactionsOf(StoredIntake.accountId(code)));
    }

    @Override
    byte[] tamper(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("8888", "9888").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    String currency() {
        return "USD";
    }

    @Override
    String payerKind() {
        return "stripe_customer";
    }

    @Override
    String payer() {
        return "cus_T1";
    }

    @Override
    LocalDate expectedValueDate() {
        return LocalDate.of(2026, 3, 1);
    }

    @Override
    void assertAccepted(ValidatableResponse response) {
        response.statusCode(200).body("duplicate", org.hamcrest.Matchers.notNullValue());
    }

    @Override
    void assertRejected(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status));
    }
}
