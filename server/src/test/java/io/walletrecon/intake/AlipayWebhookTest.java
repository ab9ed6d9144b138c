package io.walletrecon.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.security.PublicKeys;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.Signing;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.StoredIntake;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AlipayWebhookTest extends WebhookContract {

    static final KeyPair ALIPAY = Signing.rsa();
    static final KeyPair APP = Signing.rsa();
    static final String BUYER = "2088102122524333";
    static final String APP_ID = "2021000117650139";

    @Override
    String provider() {
        return "alipay";
    }

    @Override
    void createAccount(String code) {
        // the console shows the Alipay public key as bare base64 DER
        String bare = java.util.Base64.getEncoder().encodeToString(ALIPAY.getPublic().getEncoded());
        Accounts.create(Map.of("code", code, "provider", "alipay", "name", "Alipay " + code, "currency", "CNY",
                "timeZone", "Asia/Shanghai", "credentials",
                Map.of("appId", APP_ID, "alipayPublicKeys", List.of(bare))));
    }

    /** Alipay's notify_time tolerance covers its 25-hour retry schedule. */
    @Override
    long staleBySeconds() {
        return 27 * 3600;
    }

    static String beijing(long epochSecond) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.Instant.ofEpochSecond(epochSecond).atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    static Map<String, String> params(String notifyId, String tradeNo, Stage stage) {
        return params(notifyId, tradeNo, stage, now());
    }

    static Map<String, String> params(String notifyId, String tradeNo, Stage stage, long timestamp) {
        Map<String, String> p = new TreeMap<>();
        p.put("notify_time", beijing(timestamp));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", notifyId);
        p.put("app_id", APP_ID);
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", tradeNo);
        p.put("out_trade_no", REFERENCE);
        p.put("buyer_id", BUYER);
        p.put("buyer_logon_id", "159****5620");
        p.put("seller_id", "2088101106499364");
        p.put("total_amount", "88.88");
        p.put("receipt_amount", "88.88");
        p.put("subject", "订单 42");
        p.put("body", "客户 张三 & Co = 42");
        p.put("gmt_create", "2026-03-02 00:29:00");
        p.put("passback_params", "");
        switch (stage) {
            case PENDING -> p.put("trade_status", "WAIT_BUYER_PAY");
            case SUCCEEDED -> {
                p.put("trade_status", "TRADE_SUCCESS");
                p.put("gmt_payment", "2026-03-02 00:30:00");
            }
            case REFUNDED -> {
                p.put("trade_status", "TRADE_CLOSED");
                p.put("gmt_payment", "2026-03-02 00:30:00");
                p.put("gmt_refund", "2026-03-03 10:00:00.123");
                p.put("gmt_close", "2026-03-03 10:00:00");
                p.put("refund_fee", "88.88");
            }
        }
        return p;
    }

    static String signingString(Map<String, String> p) {
        return p.entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static String form(Map<String, String> p) {
        return p.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    Delivery event(String eventId, String txnId, Stage stage, long timestamp, boolean wrongKey) {
        Map<String, String> p = params(eventId, txnId, stage, timestamp);
        p.put("sign", Signing.sha256WithRsa((wrongKey ? APP : ALIPAY).getPrivate(),
                signingString(p).getBytes(StandardCharsets.UTF_8)));
        return new Delivery("application/x-www-form-urlencoded; charset=utf-8", Map.of(),
                form(p).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    byte[] tamper(byte[] body) {
        return new String(body, StandardCharsets.US_ASCII).replace("total_amount=88.88", "total_amount=98.88")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    String currency() {
        return "CNY";
    }

    @Override
    String payerKind() {
        return "alipay_buyer_id";
    }

    @Override
    String payer() {
        return BUYER;
    }

    @Override
    LocalDate expectedValueDate() {
        return LocalDate.of(2026, 3, 2);
    }

    @Override
    void assertAccepted(ValidatableResponse response) {
        response.statusCode(200).body(equalTo("success"));
    }

    @Override
    void assertRejected(ValidatableResponse response, int status) {
        response.statusCode(status).body(equalTo("failure"));
    }

    @Test
    void decodedValuesWithAmpersandsAndChineseVerifyAndAreStored() {
        String txnId = TestData.unique("txn");
        assertAccepted(post(event(TestData.unique("nid"), txnId, Stage.SUCCEEDED, now(), false), account));
        assertEquals("客户 张三 & Co = 42", transaction(txnId).description());
    }

    @Test
    void retryWithinAlipaysRetryWindowIsStillAccepted() {
        String txnId = TestData.unique("txn");
        assertAccepted(post(event(TestData.unique("nid"), txnId, Stage.SUCCEEDED, now() - 20 * 3600, false), account));
        assertEquals(1, transactions(txnId));
    }

    @Test
    void notificationForAnotherAppIsRejected() {
        Map<String, String> p = params(TestData.unique("nid"), TestData.unique("txn"), Stage.SUCCEEDED);
        p.put("app_id", "2021000000000000");
        p.put("sign", Signing.sha256WithRsa(ALIPAY.getPrivate(), signingString(p).getBytes(StandardCharsets.UTF_8)));
        assertRejected(post(new Delivery("application/x-www-form-urlencoded", Map.of(),
                form(p).getBytes(StandardCharsets.US_ASCII)), account), 400);
        assertEquals(0, events());
    }

    @Test
    void notificationForAnotherSellerIsRejectedWhenTheAccountNamesItsSeller() {
        String seller = TestData.unique("acct");
        String bare = java.util.Base64.getEncoder().encodeToString(ALIPAY.getPublic().getEncoded());
        Accounts.create(Map.of("code", seller, "provider", "alipay", "name", "Alipay " + seller, "currency", "CNY",
                "timeZone", "Asia/Shanghai", "credentials", Map.of("appId", APP_ID, "alipayPublicKeys", List.of(bare),
                        "sellerId", "2088101106499999")));
        long sellerAccount = StoredIntake.accountId(seller);
        Map<String, String> p = params(TestData.unique("nid"), TestData.unique("txn"), Stage.SUCCEEDED);
        p.put("sign", Signing.sha256WithRsa(ALIPAY.getPrivate(), signingString(p).getBytes(StandardCharsets.UTF_8)));
        assertRejected(post(new Delivery("application/x-www-form-urlencoded", Map.of(),
                form(p).getBytes(StandardCharsets.US_ASCII)), seller), 400);
        assertEquals(0, StoredIntake.events(sellerAccount));

        Map<String, String> ours = params(TestData.unique("nid"), TestData.unique("txn"), Stage.SUCCEEDED);
        ours.put("seller_id", "2088101106499999");
        ours.put("sign",
                Signing.sha256WithRsa(ALIPAY.getPrivate(), signingString(ours).getBytes(StandardCharsets.UTF_8)));
        assertAccepted(post(new Delivery("application/x-www-form-urlencoded", Map.of(),
                form(ours).getBytes(StandardCharsets.US_ASCII)), seller));
    }
}
