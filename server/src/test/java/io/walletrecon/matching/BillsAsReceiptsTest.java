package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.security.PublicKeys;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.Signing;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The provider-id model end to end: signed notifications and bills uploaded as the providers write them meet as one
 * match per real payment or refund; a bill payment nobody notified is recorded from the bill and pays its invoice;
 * the bill's fee reaches the transaction and the fund flow.
 */
@QuarkusTest
class BillsAsReceiptsTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final KeyPair PLATFORM = Signing.rsa();
    static final String MCHID = "1900000109";
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    static final String WECHAT_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
            + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    final String serial = "PUB_KEY_ID_" + Signing.randomAlphanumeric(24);
    final String apiV3Key = Signing.randomAlphanumeric(32);

    @Test
    void aStripeNotificationAndItsChargeInTheBalanceReportAreOneMatchAndTheFeeReachesTheFundFlow() {
        TestCompanies.Company company = TestCompanies.create("co-ids");
        String secret = "whsec_" + Signing.randomAlphanumeric(32);
        String account = Accounts.create(Map.of("code", TestData.unique("stripe"), "provider", "stripe", "name",
                "Stripe", "currency", "USD", "timeZone", "Europe/London", "company", company.code(),
                "credentials", Map.of("webhookSecrets", List.of(secret))));
        String pi = "pi_" + Signing.randomAlphanumeric(20);
        String ch = "ch_" + Signing.randomAlphanumeric(20);
        stripe(account, secret, "{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":10000,"
                + "\"amount_received\":10000,\"currency\":\"usd\",\"customer\":\"cus_1\",\"status\":\"succeeded\","
                + "\"latest_charge\":\"" + ch + "\",\"metadata\":{\"reference\":\"INV-S1\"}}");
        upload(account,
                """
                        balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description,payment_intent_id,charge_id,automatic_payout_id
                        txn_%1$s,2031-03-02 12:00:00,2031-03-04 00:00:00,usd,100.00,3.20,96.80,charge,%2$s,Order,%3$s,%2$s,
                        """
                        .formatted(Signing.randomAlphanumeric(12), ch, pi));

        JsonPath run = run(account, "2031-03-01", "2031-03-03");

        assertEquals(1, run.getInt("counts.matches.provider_txn_id"), "one payment, one match");
        assertNull(run.get("counts.exceptions.missing_in_provider"));
        assertNull(run.get("counts.exceptions.missing_in_records"));
        long txn = TestDb.count("select id from transactions where provider_txn_id = ?", pi);
        assertEquals(320, TestDb.count("select fee_minor from transactions where id = ?", txn));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'transactions.fees-from-bill' "
                + "and entity_id = ?", String.valueOf(run.getLong("id"))));
        Map<String, Object> total = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("from", "2031-03-01").queryParam("to", "2031-03-31")
                .queryParam("period", "month").queryParam("groupBy", "account")
                .when().get("/reports/fund-flow").then().statusCode(200).extract().jsonPath()
                .getList("totals", Map.class).get(0);
        assertEquals(10000, total.get("inflowMinor"));
        assertEquals(320, total.get("feesMinor"));
        assertEquals(9680, total.get("netMinor"));
    }

    @Test
    void aWechatRefundNotificationMeetsTheBillsRefundRow() {
        String account = wechatAccount(TestCompanies.create("co-ids"));
        String txn = "42000" + Signing.randomAlphanumeric(20);
        String refundId = "50300" + Signing.randomAlphanumeric(20);
        wechat(account, "TRANSACTION.SUCCESS", payment(txn, "ORD-1", 8888, "2031-03-02T10:00:00+08:00"));
        wechat(account, "REFUND.SUCCESS", refund(txn, refundId, 8888, 3000));
        upload(account, WECHAT_HEADER + "\n"
                + row("2031-03-02 10:00:00", txn, "ORD-1", "SUCCESS", "88.88", "", "", "0.00", "0.53") + "\n"
                + row("2031-03-03 10:00:00", txn, "ORD-1", "REFUND", "0.00", refundId, "RF-1", "30.00", "0.00") + "\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
                + "`2,`88.88,`30.00,`0.00,`0.53000,`88.88,`30.00\n");

        JsonPath run = run(account, "2031-03-01", "2031-03-04");

        assertEquals(2, run.getInt("counts.matches.provider_txn_id"), "the payment and the refund, one match each");
        assertNull(run.get("counts.exceptions.missing_in_records"));
        assertNull(run.get("counts.exceptions.missing_in_provider"));
        assertEquals(1, TestDb.count("select count(*) from matches m join match_items i on i.match_id = m.id "
                + "join transactions t on t.id = i.item_id where i.item_type = 'transaction' and t.provider_txn_id = ? "
                + "and m.kind = 'record_statement' and m.difference_minor = 0", refundId));
    }

    @Test
    void aBillPaymentNeverNotifiedPaysItsInvoiceOnceAndALaterNotificationJoinsIt() {
        TestCompanies.Company company = TestCompanies.create("co-ids");
        String account = wechatAccount(company);
        long customer = customer(company, "张三贸易");
        String invoice = TestData.unique("INV");
        long receivable = receivable(customer, invoice, 8888);
        String txn = "42000" + Signing.randomAlphanumeric(20);
        upload(account, WECHAT_HEADER + "\n"
                + row("2031-03-02 10:00:00", txn, invoice, "SUCCESS", "88.88", "", "", "0.00", "0.53") + "\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
                + "`1,`88.88,`0.00,`0.00,`0.53000,`88.88,`0.00\n");

        JsonPath run = run(account, "2031-03-01", "2031-03-03");

        long t = TestDb.count("select id from transactions where provider_txn_id = ?", txn);
        assertEquals("bill", TestDb.scalar("select source from transactions where id = ?", t));
        assertEquals(53, TestDb.count("select fee_minor from transactions where id = ?", t));
        assertEquals("paid", TestDb.scalar("select status from receivables where id = ?", receivable));
        assertEquals(1, run.getInt("counts.matches.reference"));
        assertEquals(1, run.getInt("counts.matches.provider_txn_id"), "the recorded transaction meets its line");
        assertEquals(customer, TestDb.count("select customer_id from transactions where id = ?", t),
                "paid by reference: the customer's payment");
        Map<String, Object> statement = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("customer", customer).queryParam("from", "2031-03-01").queryParam("to", "2031-03-31")
                .when().get("/reports/customer-statement").then().statusCode(200).extract().jsonPath()
                .getList("totals", Map.class).get(0);
        assertEquals(8888, statement.get("paymentsMinor"), "on the customer's statement");
        assertEquals(1, statement.get("paymentCount"));
        assertEquals(Map.of("missing_in_records", 1), run.getMap("counts.exceptions"));
        assertEquals(1, TestDb.count("select count(*) from recon_exceptions where type = 'missing_in_records' "
                + "and transaction_id = ? and actual_minor = 8835 and status = 'open'", t), "net: 88.88 less 0.53");
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'transactions.recorded-from-bill' "
                + "and actor = 'matching' and entity_id = ?", String.valueOf(run.getLong("id"))));

        JsonPath again = run(account, "2031-03-01", "2031-03-03");
        assertEquals(Map.of(), again.getMap("counts.matches"), "a rerun records nothing twice");
        assertEquals(Map.of(), again.getMap("counts.exceptions"));

        wechat(account, "TRANSACTION.SUCCESS", payment(txn, invoice, 8888, "2031-03-02T10:00:00+08:00"));
        assertEquals(1, TestDb.count("select count(*) from transactions where provider_txn_id = ?", txn),
                "the late notification joins the transaction recorded from the bill");
        assertEquals("webhook", TestDb.scalar("select source from transactions where id = ?", t));
        run(account, "2031-03-01", "2031-03-03");
        assertEquals("resolved", TestDb.scalar("select status from recon_exceptions where transaction_id = ? "
                + "and type = 'missing_in_records'", t));
        assertEquals(8888, TestDb.count("select paid_minor from receivables where id = ?", receivable));
    }

    @Test
    void aBillPaymentByAKnownPayerPaysTheInvoiceOfThatAmountAndBecomesTheCustomersPayment() {
        TestCompanies.Company company = TestCompanies.create("co-ids");
        String account = wechatAccount(company);
        long customer = customer(company, "Li Hardware");
        TestDb.update("insert into payer_identities (customer_id, kind, identity_key, masked) "
                + "values (?, 'wechat_openid', ?, '***')", customer, OPENID);
        long receivable = receivable(customer, TestData.unique("INV"), 5000);
        String txn = "42000" + Signing.randomAlphanumeric(20);
        upload(account, WECHAT_HEADER + "\n"
                + row("2031-03-02 10:00:00", txn, "no-invoice-named", "SUCCESS", "50.00", "", "", "0.00", "0.30")
                + "\n总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
                + "`1,`50.00,`0.00,`0.00,`0.30000,`50.00,`0.00\n");

        JsonPath run = run(account, "2031-03-01", "2031-03-03");

        assertEquals(1, run.getInt("counts.matches.payer_amount"));
        assertEquals("paid", TestDb.scalar("select status from receivables where id = ?", receivable));
        assertEquals(customer, TestDb.count("select customer_id from transactions where provider_txn_id = ?", txn));
        assertEquals("wechat_openid", TestDb.scalar("select payer_kind from transactions where provider_txn_id = ?",
                txn));
    }

    static long customer(TestCompanies.Company company, String name) {
        return TestDb.count("insert into customers (company_id, external_id, name) values (?, ?, ?) returning id",
                company.id(), TestData.unique("c"), name);
    }

    /** A CNY receivable due on 1 March 2031. */
    static long receivable(long customer, String reference, long amount) {
        return TestDb.count("insert into receivables (customer_id, reference, amount_minor, currency, issue_date, "
                + "due_date) values (?, ?, ?, 'CNY', ?, ?) returning id", customer, reference, amount,
                LocalDate.parse("2031-02-01"), LocalDate.parse("2031-03-01"));
    }

    // --- Stripe

    static void stripe(String account, String secret, String paymentIntent) {
        long created = Instant.parse("2031-03-02T12:00:00Z").getEpochSecond();
        String body = "{\"id\":\"" + TestData.unique("evt") + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + created + ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
                + paymentIntent + "}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = Signing.hex(
                Signing.hmac(secret.getBytes(StandardCharsets.UTF_8), Signing.concat(now + ".", bytes, "")));
        given().header("Stripe-Signature", "t=" + now + ",v1=" + signature).contentType("application/json")
                .body(bytes).when().post("/webhooks/stripe/" + account).then().statusCode(200);
    }

    // --- WeChat Pay

    String wechatAccount(TestCompanies.Company company) {
        return Accounts.create(Map.of("code", TestData.unique("wx"), "provider", "wechatpay", "name", "WeChat",
                "currency", "CNY", "timeZone", "Asia/Shanghai", "company", company.code(), "credentials",
                Map.of("merchantId", MCHID, "apiV3Key", apiV3Key, "platformPublicKeys",
                        Map.of(serial, PublicKeys.toPem(PLATFORM.getPublic())))));
    }

    static String payment(String txn, String outTradeNo, long total, String successTime) {
        return "{\"mchid\":\"" + MCHID + "\",\"out_trade_no\":\"" + outTradeNo + "\",\"transaction_id\":\"" + txn
                + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"success_time\":\"" + successTime
                + "\",\"payer\":{\"openid\":\"" + OPENID + "\"},\"amount\":{\"total\":" + total
                + ",\"payer_total\":" + total + ",\"currency\":\"CNY\"}}";
    }

    static String refund(String txn, String refundId, long total, long refund) {
        return "{\"mchid\":\"" + MCHID + "\",\"out_trade_no\":\"ORD-1\",\"transaction_id\":\"" + txn
                + "\",\"out_refund_no\":\"RF-1\",\"refund_id\":\"" + refundId + "\",\"refund_status\":\"SUCCESS\","
                + "\"success_time\":\"2031-03-03T10:00:00+08:00\",\"amount\":{\"total\":" + total + ",\"refund\":"
                + refund + ",\"payer_total\":" + total + ",\"payer_refund\":" + refund + "}}";
    }

    void wechat(String account, String eventType, String plaintext) {
        String nonce = Signing.randomAlphanumeric(12);
        String aad = eventType.startsWith("REFUND") ? "refund" : "transaction";
        String body = "{\"id\":\"" + TestData.unique("evt") + "\",\"create_time\":\"2031-03-02T10:00:05+08:00\","
                + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType + "\",\"summary\":\"ok\","
                + "\"resource\":{\"original_type\":\"" + aad + "\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
                + Signing.aesGcm(apiV3Key, nonce, aad, plaintext) + "\",\"associated_data\":\"" + aad
                + "\",\"nonce\":\"" + nonce + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signNonce = Signing.randomAlphanumeric(32);
        given().header("Wechatpay-Timestamp", timestamp).header("Wechatpay-Nonce", signNonce)
                .header("Wechatpay-Signature", Signing.sha256WithRsa(PLATFORM.getPrivate(),
                        Signing.concat(timestamp + "\n" + signNonce + "\n", bytes, "\n")))
                .header("Wechatpay-Serial", serial).header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                .contentType("application/json").body(bytes).when().post("/webhooks/wechatpay/" + account)
                .then().statusCode(204);
    }

    /** A trade bill row: every value prefixed with a backtick, as WeChat Pay writes it. */
    static String row(String time, String txn, String outTradeNo, String state, String settled, String refundId,
            String outRefundNo, String refund, String fee) {
        return String.join(",", List.of(time, "wx81be3101902f7cb2", MCHID, "0", "", txn, outTradeNo, OPENID, "JSAPI",
                state, "OTHERS", "CNY", settled, "0.00", refundId, outRefundNo, refund, "0.00", "", "", "goods", "",
                fee, "0.60%", "88.88", refund, "")).replaceAll("(^|,)", "$1`");
    }

    // --- bills and runs

    static void upload(String account, String text) {
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "bill.csv").queryParam("account", account)
                .body(text.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then().statusCode(201);
    }

    static JsonPath run(String account, String from, String to) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", from, "to", to)).when().post("/matching/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath run = Fixtures.await(id);
        assertEquals("succeeded", run.getString("state"), () -> run.prettify());
        return run;
    }
}
