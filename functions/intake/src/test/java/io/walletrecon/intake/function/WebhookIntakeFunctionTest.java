package io.walletrecon.intake.function;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.security.PublicKeys;
import io.walletrecon.testing.SeededAccounts;
import io.walletrecon.testing.Signing;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * The webhook-intake function as providers reach it: RestAssured requests become API Gateway HTTP API (v2) events,
 * one signed notification per provider with keys generated here. A JSON body travels as text and a form body as
 * base64, and both must reach the verifier byte for byte or the signature fails. The function serves intake only.
 */
@QuarkusTest
class WebhookIntakeFunctionTest {

    private static final String ADMIN = TestJwt.bearer("intake-admin", "admin");

    @Test
    void signedStandardWebhookWithChineseTextIsStoredByteForByte() throws Exception {
        byte[] key = new byte[32];
        Signing.RANDOM.nextBytes(key);
        String account = TestData.unique("std-intake");
        SeededAccounts.create(account, "standard", "CNY", "Asia/Shanghai",
                Map.of("webhookSecrets", List.of("whsec_" + Base64.getEncoder().encodeToString(key))));

        String eventId = TestData.unique("msg");
        String txnId = TestData.unique("txn");
        byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + txnId
                + "\",\"amount\":8888,\"currency\":\"CNY\","
                + "\"occurred_at\":\"2026-03-01T16:30:00Z\",\"reference\":\"发票-42\",\"description\":\"客户 张三 — 月费\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        String signature = "v1," + Base64.getEncoder()
                .encodeToString(Signing.hmac(key, Signing.concat(eventId + "." + ts + ".", body, "")));

        given().header("webhook-id", eventId).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature)
                .contentType("application/json; charset=utf-8").body(body)
                .when().post("/webhooks/standard/" + account)
                .then().statusCode(200).body("state", equalTo("processed"));

        assertArrayEquals(body,
                TestDb.<byte[]>scalar("select body from webhook_events where provider_event_id = ?", eventId));
        assertEquals(8888L, TestDb.count("select amount_minor from transactions where provider_txn_id = ?", txnId));
        assertEquals("发票-42",
                TestDb.scalar("select merchant_reference from transactions where provider_txn_id = ?", txnId));
        assertEquals("客户 张三 — 月费",
                TestDb.scalar("select description from transactions where provider_txn_id = ?", txnId));
        assertEquals(java.sql.Date.valueOf("2026-03-02"),
                TestDb.scalar("select value_date from transactions where provider_txn_id = ?", txnId));
    }

    @Test
    void signedStripeEventIsVerifiedAndStored() throws Exception {
        String secret = "whsec_" + TestData.unique("stripe-secret");
        String account = TestData.unique("stripe-intake");
        SeededAccounts.create(account, "stripe", "USD", "America/New_York", Map.of("webhookSecrets", List.of(secret)));

        String eventId = TestData.unique("evt");
        String txnId = TestData.unique("pi");
        byte[] body = ("{\"id\":\"" + eventId
                + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":1772422200,"
                + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + txnId
                + "\",\"object\":\"payment_intent\","
                + "\"amount\":8888,\"amount_received\":8888,\"currency\":\"usd\",\"customer\":\"cus_T1\",\"description\":\"Order 42\","
                + "\"metadata\":{\"reference\":\"INV-42\"},\"status\":\"succeeded\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        String v1 = Signing
                .hex(Signing.hmac(secret.getBytes(StandardCharsets.UTF_8), Signing.concat(ts + ".", body, "")));

        given().header("Stripe-Signature", "t=" + ts + ",v1=" + v1).contentType("application/json; charset=utf-8")
                .body(body)
                .when().post("/webhooks/stripe/" + account)
                .then().statusCode(200).body("duplicate", equalTo(false));

        assertEquals("succeeded", TestDb.scalar("select status from transactions where provider_txn_id = ?", txnId));
        assertEquals(8888L, TestDb.count("select amount_minor from transactions where provider_txn_id = ?", txnId));
        assertEquals("USD", TestDb.scalar("select currency from transactions where provider_txn_id = ?", txnId));
    }

    @Test
    void encryptedWechatPayNotificationIsVerifiedDecryptedAndStored() throws Exception {
        KeyPair platform = Signing.rsa();
        String serial = TestData.unique("PUB_KEY_ID");
        String apiV3Key = Signing.randomAlphanumeric(32);
        String account = TestData.unique("wx-intake");
        SeededAccounts.create(account, "wechatpay", "CNY", "Asia/Shanghai",
                Map.of("merchantId", "1900000109", "apiV3Key", apiV3Key,
                        "platformPublicKeys", Map.of(serial, PublicKeys.toPem(platform.getPublic()))));

        String txnId = TestData.unique("4200");
        String transaction = "{\"mchid\":\"1900000109\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"INV-42\","
                + "\"transaction_id\":\"" + txnId + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\","
                + "\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\",\"attach\":\"客户 张三\","
                + "\"success_time\":\"2026-03-02T00:30:00+08:00\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
                + "\"amount\":{\"total\":8888,\"payer_total\":8888,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
        String nonce = Signing.randomAlphanumeric(12);
        String body = "{\"id\":\"" + TestData.unique("wx-evt") + "\",\"create_time\":\"2026-03-02T00:30:05+08:00\","
                + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\","
                + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
                + Signing.aesGcm(apiV3Key, nonce, "transaction", transaction)
                + "\",\"associated_data\":\"transaction\",\"nonce\":\"" + nonce + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        String headerNonce = Signing.randomAlphanumeric(32);
        String signature = Signing.sha256WithRsa(platform.getPrivate(),
                Signing.concat(ts + "\n" + headerNonce + "\n", bytes, "\n"));

        given().header("Wechatpay-Timestamp", ts).header("Wechatpay-Nonce", headerNonce)
                .header("Wechatpay-Signature", signature)
                .header("Wechatpay-Serial", serial).header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                .contentType("application/json").body(bytes)
                .when().post("/webhooks/wechatpay/" + account)
                .then().statusCode(204);

        assertEquals("succeeded", TestDb.scalar("select status from transactions where provider_txn_id = ?", txnId));
        assertEquals("客户 张三", TestDb.scalar("select description from transactions where provider_txn_id = ?", txnId));
    }

    @Test
    void signedAlipayFormTravelsBase64AndVerifies() throws Exception {
        KeyPair alipay = Signing.rsa();
        String account = TestData.unique("ali-intake");
        SeededAccounts.create(account, "alipay", "CNY", "Asia/Shanghai",
                Map.of("appId", "2021000117650139", "alipayPublicKeys", List.of(PublicKeys.toPem(alipay.getPublic()))));

        String tradeNo = TestData.unique("2026");
        Map<String, String> p = new TreeMap<>();
        p.put("notify_id", TestData.unique("nid"));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.now().atZone(ZoneId.of("Asia/Shanghai"))));
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
        p.put("sign", Signing.sha256WithRsa(alipay.getPrivate(), signing.getBytes(StandardCharsets.UTF_8)));
        String form = p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        given().contentType("application/x-www-form-urlencoded; charset=utf-8").body(form)
                .when().post("/webhooks/alipay/" + account)
                .then().statusCode(200).body(equalTo("success"));

        assertEquals(8888L, TestDb.count("select amount_minor from transactions where provider_txn_id = ?", tradeNo));
        assertEquals("succeeded", TestDb.scalar("select status from transactions where provider_txn_id = ?", tradeNo));
        assertEquals("订单 42 & 其他",
                TestDb.scalar("select description from transactions where provider_txn_id = ?", tradeNo));
    }

    @Test
    void forgedWebhookIsAProblemDocument() {
        given().header("webhook-id", "msg_x").header("webhook-timestamp", "1").header("webhook-signature", "v1,AAAA")
                .contentType("application/json").body("{}")
                .when().post("/webhooks/standard/no-such-account")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void adminReadsRejectedDeliveriesThroughThisFunction() {
        given().header("Authorization", ADMIN).when().get("/admin/webhook-events/rejections")
                .then().statusCode(200);
        given().when().get("/admin/webhook-events/rejections").then().statusCode(401);
    }

    @Test
    void theOtherFeaturesRoutesAreNotPartOfThisFunction() {
        given().header("Authorization", ADMIN).when().get("/accounts").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType("text/csv").body("x")
                .when().post("/statements?account=x").then().statusCode(404);
        given().header("Authorization", TestJwt.bearer("intake-finance", "finance"))
                .when().get("/reports/reconciliation?account=x&from=2026-01-01&to=2026-01-31").then().statusCode(404);
    }
}
