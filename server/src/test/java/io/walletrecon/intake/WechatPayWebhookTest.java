package io.walletrecon.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.security.PublicKeys;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.Signing;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.StoredIntake;
import io.walletrecon.testing.StoredIntake.StoredEvent;
import io.walletrecon.testing.StoredIntake.StoredTransaction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class WechatPayWebhookTest extends WebhookContract {

    static final KeyPair PLATFORM = Signing.rsa();
    static final KeyPair STRANGER = Signing.rsa();
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    final String serial = "PUB_KEY_ID_" + Signing.randomAlphanumeric(24);
    final String apiV3Key = Signing.randomAlphanumeric(32);

    @Override
    String provider() {
        return "wechatpay";
    }

    @Override
    void createAccount(String code) {
        Accounts.create(Map.of("code", code, "provider", "wechatpay", "name", "WeChat " + code, "currency", "CNY",
                "timeZone", "Asia/Shanghai", "credentials", Map.of("merchantId", "1900000109", "apiV3Key", apiV3Key,
                        "platformPublicKeys", Map.of(serial, PublicKeys.toPem(PLATFORM.getPublic())))));
    }

    static String transaction(String txnId, String state) {
        return "{\"mchid\":\"1900000109\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"" + REFERENCE + "\","
                + "\"transaction_id\":\"" + txnId + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"" + state + "\","
                + "\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\",\"attach\":\"客户 张三\","
                + (state.equals("SUCCESS") ? "\"success_time\":\"2026-03-02T00:30:00+08:00\"," : "")
                + "\"payer\":{\"openid\":\"" + OPENID + "\"},"
                + "\"amount\":{\"total\":8888,\"payer_total\":8888,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    }

    static String refund(String txnId) {
        return "{\"mchid\":\"1900000109\",\"out_trade_no\":\"" + REFERENCE + "\",\"transaction_id\":\"" + txnId + "\","
                + "\"out_refund_no\":\"RF-" + txnId + "\",\"refund_id\":\"50000" + txnId
                + "\",\"refund_status\":\"SUCCESS\","
                + "\"success_time\":\"2026-03-03T10:00:00+08:00\",\"user_received_account\":\"招商银行信用卡0403\","
                + "\"amount\":{\"total\":8888,\"refund\":8888,\"payer_total\":8888,\"payer_refund\":8888}}";
    }

    String envelope(String eventId, String eventType, String plaintext, String key) {
        String nonce = Signing.randomAlphanumeric(12);
        String aad = eventType.startsWith("REFUND") ? "refund" : "transaction";
        return "{\"id\":\"" + eventId
                + "\",\"create_time\":\"2026-03-02T00:30:05+08:00\",\"resource_type\":\"encrypt-resource\","
                + "\"event_type\":\"" + eventType + "\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"" + aad
                + "\","
                + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + Signing.aesGcm(key, nonce, aad, plaintext)
                + "\","
                + "\"associated_data\":\"" + aad + "\",\"nonce\":\"" + nonce + "\"}}";
    }

    Delivery signed(String body, long timestamp, boolean wrongKey) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String nonce = Signing.randomAlphanumeric(32);
        String signature = Signing.sha256WithRsa((wrongKey ? STRANGER : PLATFORM).getPrivate(),
                Signing.concat(timestamp + "\n" + nonce + "\n", bytes, "\n"));
        return new Delivery("application/json",
                Map.of("Wechatpay-Timestamp", Long.toString(timestamp), "Wechatpay-Nonce", nonce,
                        "Wechatpay-Signature", signature, "Wechatpay-Serial", serial, "Wechatpay-Signature-Type",
                        "WECHATPAY2-SHA256-RSA2048"),
                bytes);
    }

    @Override
    Delivery event(String eventId, String txnId, Stage stage, long timestamp, boolean wrongKey) {
        String body = switch (stage) {
            case PENDING -> envelope(eventId, "TRANSACTION.USERPAYING", transaction(txnId, "USERPAYING"), apiV3Key);
            case SUCCEEDED -> envelope(eventId, "TRANSACTION.SUCCESS", transaction(txnId, "SUCCESS"), apiV3Key);
            case REFUNDED -> envelope(eventId, "REFUND.SUCCESS", refund(txnId), apiV3Key);
        };
        return signed(body, timestamp, wrongKey);
    }

    @Override
    byte[] tamper(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("支付成功", "支付失败").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    String currency() {
        return "CNY";
    }

    @Override
    String payerKind() {
        return "wechat_openid";
    }

    @Override
    String payer() {
        return OPENID;
    }

    @Override
    LocalDate expectedValueDate() {
        return LocalDate.of(2026, 3, 2);
    }

    @Override
    void assertAccepted(ValidatableResponse response) {
        response.statusCode(204);
    }

    @Override
    void assertRejected(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWithJson()).body("code", equalTo("FAIL")).body("message",
                not(emptyString()));
    }

    private static org.hamcrest.Matcher<String> startsWithJson() {
        return org.hamcrest.Matchers.startsWith("application/json");
    }

    @Test
    void unknownSerialIsRejectedWithTheFailFormat() {
        Delivery d = event(TestData.unique("evt"), TestData.unique("txn"), Stage.SUCCEEDED, now(), false);
        Map<String, String> headers = new java.util.HashMap<>(d.headers());
        headers.put("Wechatpay-Serial", "PUB_KEY_ID_UNKNOWN");
        post(new Delivery(d.contentType(), headers, d.body()), account)
                .statusCode(400).body("code", equalTo("FAIL"))
                .body("message", equalTo(RejectionReason.NOT_AUTHENTICATED));
        assertEquals(0, events());
    }

    @Test
    void notificationForAnotherMerchantIsRejectedAndNotStored() {
        String txnId = TestData.unique("txn");
        String other = transaction(txnId, "SUCCESS").replace("\"mchid\":\"1900000109\"", "\"mchid\":\"1900000999\"");
        post(signed(envelope(TestData.unique("evt"), "TRANSACTION.SUCCESS", other, apiV3Key), now(), false), account)
                .statusCode(400).body("code", equalTo("FAIL"))
                .body("message", equalTo(RejectionReason.NOT_AUTHENTICATED));
        assertEquals(0, events());
        assertEquals(0, transactions(txnId));
    }

    @Test
    void refundIsItsOwnRowUnderThePaymentItRefunds() {
        String txnId = TestData.unique("txn");
        post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false), account).statusCode(204);
        post(event(TestData.unique("evt"), txnId, Stage.REFUNDED, now(), false), account).statusCode(204);
        String refundId = "50000" + txnId;
        StoredTransaction refund = transaction(refundId);
        assertEquals("refund", refund.kind());
        assertEquals("out", refund.direction());
        assertEquals(txnId, refund.parentTxnId());
        assertEquals(AMOUNT, refund.amountMinor());
        assertEquals("refunded", status(txnId));
    }

    /**
     * A notification that verifies but does not decrypt (wrong APIv3 key configured) is kept, then replayed once fixed.
     */
    @Test
    void undecryptableResourceIsKeptAndReplayedAfterTheKeyIsFixed() {
        String txnId = TestData.unique("txn");
        String eventId = TestData.unique("evt");
        String otherKey = Signing.randomAlphanumeric(32);
        post(signed(envelope(eventId, "TRANSACTION.SUCCESS", transaction(txnId, "SUCCESS"), otherKey), now(), false),
                account)
                .statusCode(204);
        StoredEvent stored = StoredIntake.event(eventId);
        assertEquals("unprocessable", stored.state());
        assertEquals("resource does not decrypt with the account's APIv3 key (check credentials.apiV3Key, then replay)",
                stored.error());
        assertEquals(0, transactions(txnId));
        long id = stored.id();

        String admin = io.walletrecon.testing.TestJwt.bearer("ops-admin", "admin");
        io.restassured.RestAssured.given().header("Authorization", admin).when()
                .post("/admin/webhook-events/" + id + "/replay")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("does not decrypt"));

        io.restassured.RestAssured.given().header("Authorization", admin).contentType("application/json")
                .body(Map.of("credentials", Map.of("merchantId", "1900000109", "apiV3Key", otherKey,
                        "platformPublicKeys", Map.of(serial, PublicKeys.toPem(PLATFORM.getPublic())))))
                .when().patch("/accounts/" + account).then().statusCode(200);
        io.restassured.RestAssured.given().header("Authorization", admin).when()
                .post("/admin/webhook-events/" + id + "/replay")
                .then().statusCode(200).body("state", equalTo("processed"))
                .body("error", org.hamcrest.Matchers.nullValue());

        assertEquals("succeeded", status(txnId));
        assertEquals(AMOUNT, transaction(txnId).amountMinor());
        assertEquals(1, StoredIntake.audited("webhook_event.replayed", id));
        io.restassured.RestAssured.given().header("Authorization", admin).when()
                .post("/admin/webhook-events/" + id + "/replay")
                .then().statusCode(409);
    }
}
