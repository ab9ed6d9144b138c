package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.MatchingRuns;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import io.walletrecon.testing.WalletBills;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.testing.WalletBills.alipayFlow;
import static io.walletrecon.testing.WalletBills.alipayFlowRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payout and settlement breakdown over HTTP, from files imported and matched as a finance team does it: a Stripe
 * payout itemised by its balance report (charges with fees, a refund, a dispute with its fee), an Alipay 提现 that
 * pays out the balance since the previous one, and a withdrawal the bank never showed. Each adds up to the cent and
 * names the bank line it arrived as, or says why there is none.
 */
@QuarkusTest
class PayoutBreakdownTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");

    final TestCompanies.Company company = TestCompanies.create("payouts");
    final String tag = TestData.unique("p").replaceAll("[^A-Za-z0-9]", "").toUpperCase();

    private String bank(String currency, String zone) {
        String bank = TestData.unique("bank");
        Accounts.create(Map.of("code", bank, "company", company.code(), "provider", "bank", "name", "Bank " + bank,
                "currency", currency, "timeZone", zone));
        return bank;
    }

    private static void settleInto(String wallet, String bank) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("settlementAccount", bank, "settlementAfterDays", 3))
                .when().put("/matching/config/" + wallet).then().statusCode(200);
    }

    private static void upload(String account, byte[] file, String format) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "bill.csv").queryParam("account", account).body(file);
        if (format != null) {
            req = req.queryParam("format", format);
        }
        if ("stripe".equals(format)) {
            req = req.queryParam("from", "2026-10-01").queryParam("to", "2026-10-31");
        }
        req.when().post("/statements").then().log().ifValidationFails().statusCode(201);
    }

    /** The bank's camt.053 of October: one credit of {@code minor} on {@code day}. */
    private static byte[] camt(String bank, String currency, String day, long minor, String remittance) {
        return WalletBills.camt(bank, currency, "2026-10-01T00:00:00", "2026-10-31T23:59:59", 0, minor, day, minor,
                remittance).getBytes(StandardCharsets.UTF_8);
    }

    private static String stripeRow(String id, String created, String gross, String fee, String net, String category,
            String source, String payout) {
        return String.join(",", id, created, created, "eur", gross, fee, net, category, source, category + " " + id,
                payout);
    }

    private static byte[] stripeBalance(List<String> rows) {
        return ("balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,"
                + "source_id,description,automatic_payout_id\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonPath payout(String account, String id, String lang) {
        return given().header("Authorization", FINANCE).accept("application/json").queryParam("account", account)
                .queryParam("lang", lang).when().get("/reports/payouts/" + id).then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath payouts(String account) {
        return given().header("Authorization", FINANCE).accept("application/json").queryParam("account", account)
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").when().get("/reports/payouts")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private static byte[] file(String path, String account, String accept, String lang) {
        return given().header("Authorization", FINANCE).accept(accept).queryParam("account", account)
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").queryParam("lang", lang)
                .when().get(path).then().statusCode(200).contentType(accept).extract().asByteArray();
    }

    /** The minor units of the figures gross, fees, refunds, disputes, adjustments, net, difference of a payout. */
    private static List<Long> figures(JsonPath p, String prefix) {
        return List.of("gross", "fees", "refunds", "disputes", "adjustments", "net", "difference").stream()
                .map(f -> p.getLong(prefix + f + ".amountMinor")).toList();
    }

    @Test
    void aStripePayoutBreaksDownIntoGrossFeesRefundsAndDisputesToTheCentAndNamesTheBankLineItArrivedAs() {
        var stripe = ProviderNotifications.Stripe.create(company.code(), "EUR", "Europe/Berlin");
        String bank = bank("EUR", "Europe/Berlin");
        settleInto(stripe.code(), bank);
        String po = "po_" + tag;
        upload(stripe.code(), stripeBalance(List.of(
                stripeRow("txn_" + tag + "1", "2026-10-02 15:00:05", "100.00", "3.20", "96.80", "charge",
                        "ch_" + tag + "1", po),
                stripeRow("txn_" + tag + "2", "2026-10-03 15:00:05", "250.00", "7.55", "242.45", "charge",
                        "ch_" + tag + "2", po),
                stripeRow("txn_" + tag + "3", "2026-10-04 15:00:05", "-30.00", "0.00", "-30.00", "refund",
                        "re_" + tag + "3", po),
                stripeRow("txn_" + tag + "4", "2026-10-05 09:00:00", "-50.00", "15.00", "-65.00", "dispute",
                        "dp_" + tag + "4", po),
                stripeRow("txn_" + tag + "5", "2026-10-06 02:00:00", "-244.25", "0.00", "-244.25", "payout", po,
                        ""))),
                "stripe");
        upload(bank, camt(bank, "EUR", "2026-10-08", 24425, "STRIPE PAYOUT " + po), null);
        assertEquals("succeeded", MatchingRuns.run(stripe.code(), "2026-10-01", "2026-10-31").getString("state"));

        JsonPath p = payout(stripe.code(), po, "en");

        // 350.00 gross − 25.75 fees (3.20 + 7.55 + the dispute's 15.00) − 30.00 refunded − 50.00 disputed = 244.25
        assertEquals(List.of(35000L, 2575L, 3000L, 5000L, 0L, 24425L, 0L), figures(p, ""));
        assertEquals(24425, p.getLong("amount.amountMinor"));
        assertEquals("244.25", p.getString("net.amount"));
        assertEquals(4, p.getInt("itemCount"));
        assertEquals(List.of("gross", "gross", "refunds", "disputes"), p.getList("items.component"));
        assertEquals("arrived", p.getString("arrival.status"));
        assertNull(p.getString("arrival.reason"));
        assertEquals(bank, p.getString("arrival.bankLine.account"));
        assertEquals("2026-10-08", p.getString("arrival.bankLine.date"));
        assertEquals(24425, p.getLong("arrival.bankLine.amountMinor"));
        assertEquals("confirmed", p.getString("arrival.bankLine.matchStatus"));

        JsonPath list = payouts(stripe.code());
        assertEquals(1, list.getLong("total"));
        assertEquals(po, list.getString("payouts[0].id"));
        assertEquals(List.of(35000L, 2575L, 3000L, 5000L, 0L, 24425L, 0L), figures(list, "payouts[0]."));
        assertNull(list.get("payouts[0].items"));
    }

    @Test
    void theBreakdownFilesAreLabelledInTheLanguageAskedFor() {
        var stripe = ProviderNotifications.Stripe.create(company.code(), "EUR", "Europe/Berlin");
        String po = "po_" + tag;
        upload(stripe.code(), stripeBalance(List.of(
                stripeRow("txn_" + tag + "1", "2026-10-02 15:00:05", "1200.00", "3.20", "1196.80", "charge",
                        "ch_" + tag + "1", po),
                stripeRow("txn_" + tag + "2", "2026-10-06 02:00:00", "-1196.80", "0.00", "-1196.80", "payout", po,
                        ""))),
                "stripe");

        String zh = new String(file("/reports/payouts", stripe.code(), "text/csv", "zh-CN"), StandardCharsets.UTF_8);
        String en = new String(file("/reports/payouts/" + po, stripe.code(), "text/csv", "en"),
                StandardCharsets.UTF_8);

        assertTrue(zh.contains("提现/结算单号,日期,币种,提现/结算金额,交易总额,手续费,退款,争议/拒付,调整,净额,差额"), zh);
        assertTrue(zh.contains(po + ",2026-10-06,EUR,1196.80,1200.00,3.20,0.00,0.00,0.00,1196.80,0.00,1,尚未到账"), zh);
        assertTrue(en.contains("Date,Item type,Item,Kind,Counts under"), en);
        assertTrue(en.contains("2026-10-02,statement_line,"), en);
        assertTrue(en.contains(",payment,Gross,"), en);
        byte[] pdf = file("/reports/payouts/" + po, stripe.code(), "application/pdf", "zh-CN");
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        byte[] xlsx = file("/reports/payouts", stripe.code(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "en");
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void anAlipayWithdrawalPaysOutTheFlowSinceThePreviousOneAndAWithdrawalTheBankNeverShowedSaysWhy() {
        var ali = ProviderNotifications.Alipay.create(company.code());
        String bank = bank("CNY", "Asia/Shanghai");
        settleInto(ali.code(), bank);
        String first = "20261001200040011100" + tag;
        String second = "20261005200040011100" + tag;
        upload(ali.code(), alipayFlow(List.of(
                alipayFlowRow("A1", "2026100122001" + tag, "", "2026-10-01 09:00:00", "50.00", "0.00", "50.00", "在线支付"),
                alipayFlowRow("A2", first, "", "2026-10-01 18:00:00", "0.00", "-50.00", "0.00", "提现"),
                alipayFlowRow("A3", "2026100222001" + tag, "", "2026-10-02 10:00:00", "100.00", "0.00", "100.00",
                        "在线支付"),
                alipayFlowRow("A4", "2026100222001" + tag, "", "2026-10-02 10:00:00", "0.00", "-0.60", "99.40", "收费"),
                alipayFlowRow("A5", "2026100322001" + tag, "", "2026-10-03 11:00:00", "200.00", "0.00", "299.40",
                        "在线支付"),
                alipayFlowRow("A6", "2026100322001" + tag, "", "2026-10-03 11:00:00", "0.00", "-1.20", "298.20", "收费"),
                alipayFlowRow("A7", "2026100422001" + tag, "", "2026-10-04 12:00:00", "0.00", "-20.00", "278.20",
                        "交易退款"),
                alipayFlowRow("A8", second, "", "2026-10-05 10:00:00", "0.00", "-278.20", "0.00", "提现")),
                "#支出合计：5笔，共-350.00元\n#收入合计：3笔，共350.00元\n"), "alipay-flow");
        upload(bank, camt(bank, "CNY", "2026-10-07", 27820, "支付宝提现 " + second), null);
        assertEquals("succeeded", MatchingRuns.run(ali.code(), "2026-10-01", "2026-10-31").getString("state"));

        JsonPath p = payout(ali.code(), second, "zh-CN");
        // 300.00 received − 1.80 service fees − 20.00 refunded = 278.20 withdrawn; the first withdrawal's lines stay out
        assertEquals(List.of(30000L, 180L, 2000L, 0L, 0L, 27820L, 0L), figures(p, ""));
        assertEquals("提现/结算金额", p.getString("amount.label"));
        assertEquals(5, p.getInt("itemCount"));
        assertEquals("arrived", p.getString("arrival.status"));
        assertEquals(bank, p.getString("arrival.bankLine.account"));
        assertEquals(27820, p.getLong("arrival.bankLine.amountMinor"));

        JsonPath missing = payout(ali.code(), first, "en");
        assertEquals(List.of(5000L, 0L, 0L, 0L, 0L, 5000L, 0L), figures(missing, ""));
        assertEquals("not_arrived", missing.getString("arrival.status"));
        assertNull(missing.get("arrival.bankLine"));
        assertNotNull(missing.get("arrival.exceptionId"));
        assertTrue(missing.getString("arrival.reason").startsWith("no bank line shows it after the configured days"));
    }

    @Test
    void aBankAccountHasNoPayoutsOfItsOwnAndAnUnknownPayoutIsNotFound() {
        String bank = bank("EUR", "Europe/Berlin");
        given().header("Authorization", FINANCE).queryParam("account", bank).queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-31").when().get("/reports/payouts").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("account"));
        var stripe = ProviderNotifications.Stripe.create(company.code(), "EUR", "Europe/Berlin");
        given().header("Authorization", FINANCE).queryParam("account", stripe.code()).when()
                .get("/reports/payouts/po_nothing").then().statusCode(404);
        given().header("Authorization", FINANCE).queryParam("account", stripe.code()).queryParam("to", "2026-10-31")
                .when().get("/reports/payouts").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
    }
}
