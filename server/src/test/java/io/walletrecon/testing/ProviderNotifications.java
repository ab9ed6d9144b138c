package io.walletrecon.testing;

import io.restassured.response.ValidatableResponse;
import io.walletrecon.security.PublicKeys;

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

/**
 * Wallet accounts whose provider keys the test generates, and notifications signed with them the way each provider
 * signs (Stripe HMAC, WeChat Pay RSA over an AES-GCM envelope, Alipay RSA2 over sorted form parameters), posted to
 * the real webhook routes. Business times are the caller's; the signing time is now, as a provider's would be.
 */
public final class ProviderNotifications {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ProviderNotifications() {
    }

    /** A Stripe account and its webhook secret. */
    public record Stripe(String code, String secret) {

        public static Stripe create(String company, String currency, String zone) {
            String code = TestData.unique("stripe");
            String secret = "whsec_" + Signing.randomAlphanumeric(32);
            Accounts.create(Map.of("code", code, "company", company, "provider", "stripe", "name", "Stripe " + code,
                    "currency", currency, "timeZone", zone, "credentials", Map.of("webhookSecrets", List.of(secret))));
            return new Stripe(code, secret);
        }

        /** {@code payment_intent.succeeded} for an intent whose metadata names the invoice. */
        public ValidatableResponse paymentSucceeded(String intent, String charge, long amountMinor, String currency,
                String customer, String invoice, Instant at) {
            String object = "{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"amount\":" + amountMinor
                    + ",\"amount_received\":" + amountMinor + ",\"currency\":\"" + currency.toLowerCase()
                    + "\",\"customer\":\"" + customer + "\",\"description\":\"Invoice " + invoice + "\","
                    + "\"latest_charge\":\"" + charge + "\",\"created\":" + at.getEpochSecond()
                    + ",\"metadata\":{\"reference\":\"" + invoice + "\"},\"status\":\"succeeded\"}";
            return post("payment_intent.succeeded", object, at);
        }

        /** {@code refund.updated} of a succeeded refund of an intent. */
        public ValidatableResponse refundSucceeded(String refund, String intent, String charge, long amountMinor,
                String currency, Instant at) {
            String object = "{\"id\":\"" + refund + "\",\"object\":\"refund\",\"amount\":" + amountMinor
                    + ",\"currency\":\"" + currency.toLowerCase() + "\",\"payment_intent\":\"" + intent
                    + "\",\"charge\":\"" + charge + "\",\"created\":" + at.getEpochSecond()
                    + ",\"reason\":\"requested_by_customer\",\"status\":\"succeeded\"}";
            return post("refund.updated", object, at);
        }

        private ValidatableResponse post(String type, String object, Instant at) {
            long now = Instant.now().getEpochSecond();
            String body = "{\"id\":\"" + TestData.unique("evt")
                    + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
                    + "\"created\":" + at.getEpochSecond() + ",\"type\":\"" + type + "\",\"livemode\":true,"
                    + "\"data\":{\"object\":" + object + "}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String signature = Signing.hex(
                    Signing.hmac(secret.getBytes(StandardCharsets.UTF_8), Signing.concat(now + ".", bytes, "")));
            return given().header("Stripe-Signature", "t=" + now + ",v1=" + signature)
                    .contentType("application/json; charset=utf-8").body(bytes)
                    .when().post("/webhooks/stripe/" + code).then();
        }
    }

    /** A WeChat Pay account with its platform key and APIv3 key. */
    public record WechatPay(String code, String merchantId, String serial, KeyPair platform, String apiV3Key) {

        public static WechatPay create(String company) {
            String code = TestData.unique("wechatpay");
            String serial = "PUB_KEY_ID_" + Signing.randomAlphanumeric(24);
            KeyPair platform = Signing.rsa();
            String apiV3Key = Signing.randomAlphanumeric(32);
            Accounts.create(Map.of("code", code, "company", company, "provider", "wechatpay", "name", "WeChat " + code,
                    "currency", "CNY", "timeZone", "Asia/Shanghai", "credentials",
                    Map.of("merchantId", "1900000109", "apiV3Key", apiV3Key, "platformPublicKeys",
                            Map.of(serial, PublicKeys.toPem(platform.getPublic())))));
            return new WechatPay(code, "1900000109", serial, platform, apiV3Key);
        }

        /** TRANSACTION.SUCCESS; {@code successTime} in WeChat's format, e.g. 2026-10-02T10:00:00+08:00. */
        public ValidatableResponse paid(String transactionId, String outTradeNo, long totalFen, String openid,
                String successTime) {
            String plaintext = "{\"mchid\":\"" + merchantId + "\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\""
                    + outTradeNo + "\",\"transaction_id\":\"" + transactionId + "\",\"trade_type\":\"JSAPI\","
                    + "\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\","
                    + "\"attach\":\"\",\"success_time\":\"" + successTime + "\",\"payer\":{\"openid\":\"" + openid
                    + "\"},\"amount\":{\"total\":" + totalFen + ",\"payer_total\":" + totalFen
                    + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
            return post("TRANSACTION.SUCCESS", "transaction", plaintext);
        }

        /** REFUND.SUCCESS of part of a payment. */
        public ValidatableResponse refunded(String transactionId, String outTradeNo, String refundId,
                String outRefundNo, long totalFen, long refundFen, String successTime) {
            String plaintext = "{\"mchid\":\"" + merchantId + "\",\"out_trade_no\":\"" + outTradeNo
                    + "\",\"transaction_id\":\"" + transactionId + "\",\"out_refund_no\":\"" + outRefundNo
                    + "\",\"refund_id\":\"" + refundId + "\",\"refund_status\":\"SUCCESS\",\"success_time\":\""
                    + successTime + "\",\"user_received_account\":\"招商银行信用卡0403\",\"amount\":{\"total\":"
                    + totalFen + ",\"refund\":" + refundFen + ",\"payer_total\":" + totalFen + ",\"payer_refund\":"
                    + refundFen + "}}";
            return post("REFUND.SUCCESS", "refund", plaintext);
        }

        private ValidatableResponse post(String eventType, String associatedData, String plaintext) {
            String nonce = Signing.randomAlphanumeric(12);
            String body = "{\"id\":\"" + TestData.unique("evt") + "\",\"create_time\":\"2026-10-01T00:00:00+08:00\","
                    + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType
                    + "\",\"summary\":\"通知\",\"resource\":{\"original_type\":\"" + associatedData
                    + "\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
                    + Signing.aesGcm(apiV3Key, nonce, associatedData, plaintext) + "\",\"associated_data\":\""
                    + associatedData + "\",\"nonce\":\"" + nonce + "\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            String headerNonce = Signing.randomAlphanumeric(32);
            String signature = Signing.sha256WithRsa(platform.getPrivate(),
                    Signing.concat(now + "\n" + headerNonce + "\n", bytes, "\n"));
            return given().header("Wechatpay-Timestamp", Long.toString(now)).header("Wechatpay-Nonce", headerNonce)
                    .header("Wechatpay-Signature", signature).header("Wechatpay-Serial", serial)
                    .header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                    .contentType("application/json").body(bytes)
                    .when().post("/webhooks/wechatpay/" + code).then();
        }
    }

    /** An Alipay account whose Alipay key pair the test holds. */
    public record Alipay(String code, String appId, KeyPair alipay) {

        public static Alipay create(String company) {
            String code = TestData.unique("alipay");
            KeyPair alipay = Signing.rsa();
            String appId = "2021000117650139";
            Accounts.create(Map.of("code", code, "company", company, "provider", "alipay", "name", "Alipay " + code,
                    "currency", "CNY", "timeZone", "Asia/Shanghai", "credentials", Map.of("appId", appId,
                            "alipayPublicKeys",
                            List.of(Base64.getEncoder().encodeToString(alipay.getPublic().getEncoded())))));
            return new Alipay(code, appId, alipay);
        }

        /** trade_status_sync with TRADE_SUCCESS; {@code paidAt} is Beijing time as Alipay writes it. */
        public ValidatableResponse paid(String tradeNo, String outTradeNo, String yuan, String buyerId,
                String paidAt) {
            Map<String, String> p = new TreeMap<>();
            p.put("notify_time", BEIJING.format(Instant.now()));
            p.put("notify_type", "trade_status_sync");
            p.put("notify_id", TestData.unique("ntf"));
            p.put("app_id", appId);
            p.put("charset", "utf-8");
            p.put("version", "1.0");
            p.put("sign_type", "RSA2");
            p.put("trade_no", tradeNo);
            p.put("out_trade_no", outTradeNo);
            p.put("buyer_id", buyerId);
            p.put("seller_id", "2088101106499364");
            p.put("total_amount", yuan);
            p.put("receipt_amount", yuan);
            p.put("subject", "货款 " + outTradeNo);
            p.put("gmt_create", paidAt);
            p.put("gmt_payment", paidAt);
            p.put("trade_status", "TRADE_SUCCESS");
            String signing = p.entrySet().stream().filter(e -> !e.getKey().equals("sign_type"))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            p.put("sign", Signing.sha256WithRsa(alipay.getPrivate(), signing.getBytes(StandardCharsets.UTF_8)));
            String form = p.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                    // RestAssured sends a form body only as text; URL-encoded, it is ASCII byte for byte
                    .body(form)
                    .when().post("/webhooks/alipay/" + code).then();
        }
    }
}
