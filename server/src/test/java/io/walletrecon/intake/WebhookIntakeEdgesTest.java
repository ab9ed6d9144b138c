package io.walletrecon.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.Signing;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.StoredIntake;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Size limit, unknown providers, events we do not understand, the replay and rejection-count endpoints. */
@QuarkusTest
class WebhookIntakeEdgesTest {

    private static final String ADMIN = TestJwt.bearer("ops-admin", "admin");
    private final String secret = Signing.whsecBase64(32);
    private String account;
    private long accountId;

    @BeforeEach
    void standardAccount() {
        account = TestData.unique("std-edge");
        Accounts.create(Map.of("code", account, "provider", "standard", "name", "Edge " + account, "currency", "EUR",
                "timeZone", "Europe/Berlin", "credentials", Map.of("webhookSecrets", List.of(secret))));
        accountId = StoredIntake.accountId(account);
    }

    private io.restassured.response.ValidatableResponse post(String eventId, byte[] body) {
        return given().headers(StandardWebhookTest.sign(secret, eventId, Instant.now().getEpochSecond(), body))
                .contentType("application/json").body(body)
                .when().post("/webhooks/standard/" + account).then();
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413FromItsContentLength() {
        byte[] big = new byte[256 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        post(TestData.unique("msg"), big).statusCode(413).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("the body is larger than 262144 bytes"));
        assertEquals(0, StoredIntake.events(accountId));
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        String eventId = TestData.unique("msg");
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create("http://localhost:" + RestAssured.port + "/webhooks/standard/" + account))
                .header("Content-Type", "application/json")
                // an InputStream publisher has no length, so the body goes chunked and only reading can find its size
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        StandardWebhookTest.sign(secret, eventId, Instant.now().getEpochSecond(), big).forEach(request::header);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(0, StoredIntake.events(accountId));
    }

    @Test
    void bodyOfExactlyTheLimitIsRead() {
        String prefix = "{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"limit\",\"amount\":1,\"currency\":\"EUR\",\"occurred_at\":\"2026-03-01T10:00:00Z\"},\"pad\":\"";
        String suffix = "\"}";
        byte[] body = new byte[256 * 1024];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(prefix.getBytes(StandardCharsets.UTF_8), 0, body, 0, prefix.length());
        System.arraycopy(suffix.getBytes(StandardCharsets.UTF_8), 0, body, body.length - suffix.length(),
                suffix.length());
        post(TestData.unique("msg"), body).statusCode(200).body("state", equalTo("processed"));
    }

    @Test
    void unknownProviderIsRefused() {
        given().contentType("application/json").body("{}").when().post("/webhooks/paypal/" + account)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body("{}").when().post("/webhooks/bank/" + account)
                .then().statusCode(404);
    }

    @Test
    void accountOfAnotherProviderIsAnUnknownAccount() {
        String eventId = TestData.unique("msg");
        byte[] body = StandardWebhookTest.body(TestData.unique("txn"), WebhookContract.Stage.SUCCEEDED)
                .getBytes(StandardCharsets.UTF_8);
        given().headers(StandardWebhookTest.sign(secret, eventId, Instant.now().getEpochSecond(), body))
                .contentType("application/json").body(body)
                .when().post("/webhooks/stripe/" + account)
                .then().statusCode(400).body("detail", equalTo(RejectionReason.NOT_AUTHENTICATED));
    }

    @Test
    void missingSignatureHeadersAreRejected() {
        given().contentType("application/json").body("{}").when().post("/webhooks/standard/" + account)
                .then().statusCode(400).body("detail", equalTo(RejectionReason.NOT_AUTHENTICATED));
    }

    @Test
    void authenticEventOfUnknownTypeIsStoredAcknowledgedAndMarked() {
        String eventId = TestData.unique("msg");
        byte[] body = "{\"type\":\"invoice.created\",\"data\":{\"id\":\"in_1\"}}".getBytes(StandardCharsets.UTF_8);
        post(eventId, body).statusCode(200).body("state", equalTo("unprocessable"))
                .body("error", equalTo(
                        "event type 'invoice.created' is not understood; expected payment.<status> or payout.<status>"));
        assertEquals("invoice.created", StoredIntake.event(eventId).eventType());
        assertEquals(0, StoredIntake.transactionsOf(accountId));

        long id = StoredIntake.event(eventId).id();
        given().header("Authorization", ADMIN).when().post("/admin/webhook-events/" + id + "/replay")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("Webhook event " + id
                        + " is still unprocessable: event type 'invoice.created' is not understood; expected payment.<status> or payout.<status>"));
        given().header("Authorization", ADMIN).when().get("/admin/webhook-events/" + id)
                .then().statusCode(200).body("state", equalTo("unprocessable"))
                .body("providerEventId", equalTo(eventId));
        assertEquals(1, StoredIntake.audited("webhook_event.replay_failed", id));
    }

    @Test
    void fractionalAmountIsUnprocessableNotRounded() {
        String eventId = TestData.unique("msg");
        byte[] body = "{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"frac\",\"amount\":88.88,\"currency\":\"EUR\",\"occurred_at\":\"2026-03-01T10:00:00Z\"}}"
                .getBytes(StandardCharsets.UTF_8);
        post(eventId, body).statusCode(200).body("state", equalTo("unprocessable"))
                .body("error", equalTo("data.amount must be a non-negative integer in minor units, was 88.88"));
    }

    @Test
    void authenticEventWithANulCharacterIsStoredWithTheCharacterEscapedAndAcknowledged() {
        String eventId = TestData.unique("msg");
        String txnId = TestData.unique("nul");
        byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + txnId
                + "\",\"amount\":1200,\"currency\":\"EUR\","
                + "\"occurred_at\":\"2026-03-01T10:00:00Z\",\"reference\":\"INV\\u0000-7\",\"description\":\"coffee\\u0000beans\"}}")
                .getBytes(StandardCharsets.UTF_8);
        post(eventId, body).statusCode(200).body("state", equalTo("processed"));
        assertEquals("coffee\\u0000beans", StoredIntake.transaction(accountId, txnId).description());
        assertEquals("INV\\u0000-7", StoredIntake.transaction(accountId, txnId).merchantReference());
        org.junit.jupiter.api.Assertions.assertArrayEquals(body, StoredIntake.event(eventId).body());
    }

    @Test
    void authenticEventWhoseTransactionTheDatabaseRefusesIsKeptAsUnprocessableAndAcknowledged() {
        String eventId = TestData.unique("msg");
        String txnId = TestData.unique("refused");
        // stands in for any rule of the transactions table an authentic event may break
        String constraint = "refuses_" + txnId.replace('-', '_');
        TestDb.update("alter table transactions add constraint " + constraint + " check (provider_txn_id <> '" + txnId
                + "') not valid");
        try {
            byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + txnId
                    + "\",\"amount\":1200,\"currency\":\"EUR\","
                    + "\"occurred_at\":\"2026-03-01T10:00:00Z\"}}").getBytes(StandardCharsets.UTF_8);
            post(eventId, body).statusCode(200).body("state", equalTo("unprocessable"))
                    .body("error", org.hamcrest.Matchers.startsWith(
                            "the database refused this event's transaction (a value breaks a rule of the record)"))
                    .body("error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(constraint)));
            assertEquals("unprocessable", StoredIntake.event(eventId).state());
            assertEquals(0, StoredIntake.transactions(accountId, txnId));
            // a redelivery finds the stored event and is acknowledged as such
            post(eventId, body).statusCode(200).body("duplicate", equalTo(true));
        } finally {
            TestDb.update("alter table transactions drop constraint " + constraint);
        }
    }

    @Test
    void eventTimeOutsideAnyPlausibleYearIsUnprocessableNotClamped() {
        String eventId = TestData.unique("msg");
        String txnId = TestData.unique("bc");
        byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + txnId
                + "\",\"amount\":1200,\"currency\":\"EUR\","
                + "\"occurred_at\":\"-5000-01-01T00:00:00Z\"}}").getBytes(StandardCharsets.UTF_8);
        post(eventId, body).statusCode(200).body("state", equalTo("unprocessable"))
                .body("error", equalTo("the event happened at -5000-01-01T00:00:00Z, outside the years 1900 to 9999"));
        assertEquals(0, StoredIntake.transactions(accountId, txnId));
    }

    @Test
    void rejectionsAreCountedPerProviderAndReason() {
        long before = rejections("standard", "bad_signature");
        byte[] body = "{\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
        given().headers(StandardWebhookTest.sign(Signing.whsecBase64(32), TestData.unique("msg"),
                Instant.now().getEpochSecond(), body))
                .contentType("application/json").body(body)
                .when().post("/webhooks/standard/" + account).then().statusCode(400);
        assertTrue(rejections("standard", "bad_signature") >= before + 1);
        given().header("Authorization", TestJwt.bearer("fiona", "finance")).when()
                .get("/admin/webhook-events/rejections")
                .then().statusCode(403);
    }

    private static long rejections(String provider, String reason) {
        List<Map<String, Object>> counts = given().header("Authorization", ADMIN).when()
                .get("/admin/webhook-events/rejections")
                .then().statusCode(200).extract().jsonPath().getList("counts");
        return counts.stream().filter(c -> provider.equals(c.get("provider")) && reason.equals(c.get("reason")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }
}
