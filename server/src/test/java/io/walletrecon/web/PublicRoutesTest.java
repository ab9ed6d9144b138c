package io.walletrecon.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes anyone can call refuse early: a bogus statement link before its body is read, an oversized or stalled
 * body on a link or a webhook without a worker thread waiting on it; the server stays healthy afterwards.
 */
@QuarkusTest
class PublicRoutesTest {

    static final long FIFTY_MB = 50L * 1024 * 1024;
    static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String ADMIN = TestJwt.bearer("ops-admin", "admin");

    private String token;
    private long linkId;

    @BeforeEach
    void sendALink() {
        String external = TestData.unique("cust");
        TestDb.update(
                "insert into customers (company_id, external_id, name) values ((select id from companies where code = 'default'), ?, ?)",
                external, "Initech " + external);
        long customer = TestDb.count("select id from customers where external_id = ?", external);
        Map<String, Object> link = given().header("Authorization", TestJwt.bearer("fiona", "finance"))
                .contentType(ContentType.JSON)
                .body(Map.of("customer", customer, "from", "2025-06-01", "to", "2025-06-30"))
                .when().post("/statement-links").then().statusCode(201).extract().jsonPath().getMap("");
        token = (String) link.get("token");
        linkId = ((Number) link.get("id")).longValue();
    }

    @Test
    void fiftyMegabytesToABogusLinkAreRefusedBeforeTheyAreReadAndTheServerStaysHealthy() throws Exception {
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http.send("POST", "/statement-links/bm90LWEtbGluaw.AAAA/confirmation", JSON,
                    FIFTY_MB, false, (byte) ' ').answer();
            assertEquals(403, answer.status());
            assertEquals("application/problem+json", answer.headers().get("content-type"));
            assertTrue(answer.body().contains("This statement link is not valid"), answer.body());
            assertTrue(answer.bodyBytesSentBeforeAnswer() < FIFTY_MB / 2,
                    "answered after " + answer.bodyBytesSentBeforeAnswer() + " of " + FIFTY_MB + " bytes were sent");
        }
        serverStillAnswers();
    }

    @Test
    void chunkedBodyToABogusLinkIsRefusedBeforeItIsRead() throws Exception {
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http
                    .send("POST", "/statement-links/bm90LWEtbGluaw.AAAA/disputes", JSON, FIFTY_MB, true, (byte) ' ')
                    .answer();
            assertEquals(403, answer.status());
            assertTrue(answer.bodyBytesSentBeforeAnswer() < FIFTY_MB / 2,
                    "answered after " + answer.bodyBytesSentBeforeAnswer() + " bytes");
        }
        serverStillAnswers();
    }

    @Test
    void oversizedBodyOnAValidLinkIsRefusedWith413AndNothingIsRecorded() throws Exception {
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http
                    .send("POST", "/statement-links/" + token + "/confirmation", JSON, 64 * 1024, true, (byte) ' ')
                    .answer();
            assertEquals(413, answer.status());
            assertEquals("application/problem+json", answer.headers().get("content-type"));
        }
        given().contentType(ContentType.JSON).body(Map.of("comment", "x".repeat(20_000)))
                .when().post("/statement-links/" + token + "/confirmation").then().statusCode(413);
        assertEquals("sent", TestDb.scalar("select state from customer_statement_links where id = ?", linkId));
        assertEquals(0, TestDb.count("select count(*) from customer_statement_answers where link_id = ?", linkId));
        serverStillAnswers();
    }

    @Test
    void bodyThatStopsArrivingOnALinkIsRefusedWith408() throws Exception {
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http.stall("POST", "/statement-links/" + token + "/confirmation", JSON, 200,
                    "{\"comment\":\"agr".getBytes(StandardCharsets.UTF_8)).answer();
            assertEquals(408, answer.status());
            assertEquals("close", answer.headers().get("connection"));
        }
        assertEquals("sent", TestDb.scalar("select state from customer_statement_links where id = ?", linkId));
        serverStillAnswers();
    }

    @Test
    void webhookBodyThatStopsArrivingIsRefusedInTheProvidersFormatAndCounted() throws Exception {
        String account = TestData.unique("std-slow");
        Accounts.create(Map.of("code", account, "provider", "standard", "name", "Slow " + account, "currency", "EUR",
                "timeZone", "Europe/Berlin", "credentials",
                Map.of("webhookSecrets", List.of("whsec_" + java.util.Base64.getEncoder()
                        .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))));
        long before = rejections("standard", "too_slow");
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http.stall("POST", "/webhooks/standard/" + account, JSON, 5000,
                    "{\"type\":\"payment.succeeded\",".getBytes(StandardCharsets.UTF_8)).answer();
            assertEquals(408, answer.status());
            assertEquals("application/problem+json", answer.headers().get("content-type"));
        }
        try (RawHttp http = new RawHttp()) {
            RawHttp.Answer answer = http
                    .stall("POST", "/webhooks/wechatpay/" + account, JSON, 5000, "{".getBytes(StandardCharsets.UTF_8))
                    .answer();
            assertEquals(408, answer.status());
            assertTrue(answer.body().startsWith("{\"code\":\"FAIL\""), answer.body());
        }
        assertTrue(rejections("standard", "too_slow") >= before + 1);
    }

    @Test
    void aClientThatAsksToUpgradeToCleartextHttp2GetsItsAnswerNotAServerError() throws Exception {
        // Java's HttpClient (and curl --http2) offer "Upgrade: h2c" on a plain http:// POST with its body.
        String account = TestData.unique("std-h2c");
        Accounts.create(Map.of("code", account, "provider", "standard", "name", "H2c " + account, "currency", "EUR",
                "timeZone", "Europe/Berlin", "credentials",
                Map.of("webhookSecrets", List.of("whsec_" + java.util.Base64.getEncoder()
                        .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String base = io.quarkus.test.common.http.TestHTTPResourceManager.getUri();
        for (String path : List.of("/webhooks/standard/" + account, "/statement-links/" + token + "/disputes")) {
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(base.replaceAll("/$", "") + path))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"payment.succeeded\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500,
                    () -> path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        serverStillAnswers();
    }

    private static long rejections(String provider, String reason) {
        List<Map<String, Object>> counts = given().header("Authorization", ADMIN).when()
                .get("/admin/webhook-events/rejections")
                .then().statusCode(200).extract().jsonPath().getList("counts");
        return counts.stream().filter(c -> provider.equals(c.get("provider")) && reason.equals(c.get("reason")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    private void serverStillAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/statement-links/" + token).then().statusCode(200).body("state", equalTo("sent"));
    }
}
