package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.security.PublicKeys;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The webhook-intake function: RestAssured requests become API Gateway HTTP API (v2) events. A JSON body travels
 * as text and a form body as base64, and both must reach the verifier byte for byte or the signature fails.
 */
@QuarkusTest
class WebhookThroughLambdaTest {

    private static final String ADMIN = TestJwt.bearer("lambda-admin", "admin");

    @Test
    void signedStandardWebhookWithNonAsciiTextIsStoredThroughTheLambdaAdapter() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String account = TestData.unique("std-lambda");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", account, "provider", "standard", "name", "Standard via Lambda", "currency", "CNY",
                        "timeZone", "Asia/Shanghai", "credentials", Map.of("webhookSecrets", List.of(secret))))
                .when().post("/accounts").then().statusCode(201);

        String eventId = TestData.unique("msg");
        String txnId = TestData.unique("txn");
        byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + txnId + "\",\"amount\":8888,\"currency\":\"CNY\","
                + "\"occurred_at\":\"2026-03-01T16:30:00Z\",\"reference\":\"发票-42\",\"description\":\"客户 张三 — 月费\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((eventId + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));

        given().header("webhook-id", eventId).header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature)
                .contentType("application/json; charset=utf-8").body(body)
                .when().post("/webhooks/standard/" + account)
                .then().statusCode(200).body("state", equalTo("processed"));

        assertArrayEquals(body, TestDb.<byte[]>scalar("select body from webhook_events where provider_event_id = ?", eventId));
        assertEquals(8888L, TestDb.count("select amount_minor from transactions where provider_txn_id = ?", txnId));
        assertEquals("发票-42", TestDb.scalar("select merchant_reference from transactions where provider_txn_id = ?", txnId));
        assertEquals("客户 张三 — 月费", TestDb.scalar("select description from transactions where provider_txn_id = ?", txnId));
        assertEquals(java.sql.Date.valueOf("2026-03-02"), TestDb.scalar("select value_date from transactions where provider_txn_id = ?", txnId));
    }

    @Test
    void signedAlipayFormTravelsBase64AndVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair alipay = generator.generateKeyPair();
        String account = TestData.unique("ali-lambda");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", account, "provider", "alipay", "name", "Alipay via Lambda", "currency", "CNY",
                        "timeZone", "Asia/Shanghai", "credentials", Map.of("appId", "2021000117650139",
                                "alipayPublicKeys", List.of(PublicKeys.toPem(alipay.getPublic())))))
                .when().post("/accounts").then().statusCode(201);

        String tradeNo = TestData.unique("2026");
        Map<String, String> p = new TreeMap<>();
        p.put("notify_id", TestData.unique("nid"));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_time", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        p.put("app_id", "2021000117650139");
        p.put("charset", "utf-8");
        p.put("sign_type", "RSA2");
        p.put("trade_no", tradeNo);
        p.put("out_trade_no", "INV-42");
        p.put("buyer_id", "2088102122524333");
        p.put("trade_status", "TRADE_SUCCESS");
        p.put("total_amount", "88.88");
        p.put("subject", "订单 42 & 其他");
        p.put("gmt_payment", "2026-03-02 00:30:00");
        String signing = p.entrySet().stream().filter(e -> !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(alipay.getPrivate());
        rsa.update(signing.getBytes(StandardCharsets.UTF_8));
        p.put("sign", Base64.getEncoder().encodeToString(rsa.sign()));
        String form = p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        given().contentType("application/x-www-form-urlencoded; charset=utf-8").body(form)
                .when().post("/webhooks/alipay/" + account)
                .then().statusCode(200).body(equalTo("success"));

        assertEquals(8888L, TestDb.count("select amount_minor from transactions where provider_txn_id = ?", tradeNo));
        assertEquals("succeeded", TestDb.scalar("select status from transactions where provider_txn_id = ?", tradeNo));
        assertEquals("订单 42 & 其他", TestDb.scalar("select description from transactions where provider_txn_id = ?", tradeNo));
    }

    @Test
    void forgedWebhookIsRejectedThroughTheLambdaAdapterToo() {
        given().header("webhook-id", "msg_x").header("webhook-timestamp", "1").header("webhook-signature", "v1,AAAA")
                .contentType("application/json").body("{}")
                .when().post("/webhooks/standard/no-such-account")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
