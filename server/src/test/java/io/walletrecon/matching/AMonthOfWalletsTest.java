package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import io.walletrecon.testing.WalletBills;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * October for a trading company that collects through WeChat Pay, Alipay and Stripe and is paid out by Stripe into a
 * euro bank account, as a finance team would run it: receivables, signed notifications, the providers' bills, the
 * bank statement, one run per account. Two discrepancies are planted (an invoice nobody paid; a payment the provider
 * booked for less than it notified); everything else is a good payment seen from several sides, and must come back
 * as one match each with nothing raised.
 */
@QuarkusTest
class AMonthOfWalletsTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    final TestCompanies.Company company = TestCompanies.create("month");
    final String tag = TestData.unique("m").replaceAll("[^A-Za-z0-9]", "").toUpperCase();

    @Test
    void theMonthComesBackWithExactlyThePlantedExceptionsAndEveryPaymentMatchedOnce() {
        long zhang = customer("上海示例贸易有限公司");
        long li = customer("李四商行");
        long acme = customer("Acme Inc.");
        String openidZhang = "oUpF8u" + tag;
        String openidLi = "oUpF8v" + tag;

        // WeChat Pay
        var wx = ProviderNotifications.WechatPay.create(company.code());
        String w1 = "INV-W1-" + tag, w2 = "INV-W2-" + tag, w3 = "INV-W3-" + tag, w4 = "INV-W4-" + tag,
                w5 = "INV-W5-" + tag;
        long rw1 = receivable(zhang, w1, "CNY", 12800);
        long rw2 = receivable(li, w2, "CNY", 20000);
        long rw3 = receivable(zhang, w3, "CNY", 5000);
        long rw4 = receivable(li, w4, "CNY", 9900);
        long rw5 = receivable(zhang, w5, "CNY", 6600);
        String tw1 = "42000" + tag + "01", tw2 = "42000" + tag + "02", tw3 = "42000" + tag + "03",
                tw5 = "42000" + tag + "05", rf2 = "50300" + tag + "02";
        wx.paid(tw1, w1, 12800, openidZhang, "2026-10-02T10:00:00+08:00").statusCode(204);
        wx.paid(tw2, w2, 20000, openidLi, "2026-10-03T11:00:00+08:00").statusCode(204);
        wx.refunded(tw2, w2, rf2, "RF-" + w2, 20000, 2000, "2026-10-05T09:00:00+08:00").statusCode(204);
        wx.paid(tw5, w5, 6600, openidZhang, "2026-10-06T16:30:00+08:00").statusCode(204);
        String wxBill = wechatBill(List.of(
                wechatRow("2026-10-02 10:00:00", tw1, w1, openidZhang, "SUCCESS", "128.00", "", "", "0.00", "0.77"),
                wechatRow("2026-10-03 11:00:00", tw2, w2, openidLi, "SUCCESS", "200.00", "", "", "0.00", "1.20"),
                wechatRow("2026-10-04 08:15:00", tw3, w3, openidZhang, "SUCCESS", "50.00", "", "", "0.00", "0.30"),
                wechatRow("2026-10-05 09:00:00", tw2, w2, openidLi, "REFUND", "0.00", rf2, "RF-" + w2, "20.00",
                        "-0.12"),
                // planted: WeChat booked 65.00 for the 66.00 it notified
                wechatRow("2026-10-06 16:30:00", tw5, w5, openidZhang, "SUCCESS", "65.00", "", "", "0.00", "0.39")),
                "`5,`443.00,`20.00,`0.00,`2.54,`443.00,`20.00");
        // a trade bill states no period: the finance team says it covers October (quiet days included)
        upload(wx.code(), wxBill.getBytes(StandardCharsets.UTF_8), "wechatpay", FIRST, LAST).statusCode(201);
        // the fund-flow bill (资金账单) lists the same money again with the balance after each row
        upload(wx.code(), wechatFundFlow(List.of(
                flowRow("2026-10-02 10:00:00", tw1, "F1", "交易", "收入", "128.00", "128.00"),
                flowRow("2026-10-02 10:00:00", tw1, "F2", "扣除交易手续费", "支出", "0.77", "127.23"),
                flowRow("2026-10-03 11:00:00", tw2, "F3", "交易", "收入", "200.00", "327.23"),
                flowRow("2026-10-03 11:00:00", tw2, "F4", "扣除交易手续费", "支出", "1.20", "326.03"),
                flowRow("2026-10-04 08:15:00", tw3, "F5", "交易", "收入", "50.00", "376.03"),
                flowRow("2026-10-04 08:15:00", tw3, "F6", "扣除交易手续费", "支出", "0.30", "375.73"),
                flowRow("2026-10-05 09:00:00", rf2, "F7", "退款", "支出", "20.00", "355.73"),
                flowRow("2026-10-05 09:00:00", rf2, "F8", "退还手续费", "收入", "0.12", "355.85"),
                flowRow("2026-10-06 16:30:00", tw5, "F9", "交易", "收入", "65.00", "420.85"),
                flowRow("2026-10-06 16:30:00", tw5, "F10", "扣除交易手续费", "支出", "0.39", "420.46")),
                "`10,`5,`443.12,`5,`22.66"), "wechatpay-flow", null, null).statusCode(201);

        // Alipay
        var ali = ProviderNotifications.Alipay.create(company.code());
        String a1 = "INV-A1-" + tag, a2 = "INV-A2-" + tag;
        long ra1 = receivable(li, a1, "CNY", 8888);
        long ra2 = receivable(zhang, a2, "CNY", 20000);
        String ta1 = "2026100722001" + tag + "1", ta2 = "2026100822001" + tag + "2";
        ali.paid(ta1, a1, "88.88", "2088102122524333", "2026-10-07 10:15:42").statusCode(200);
        upload(ali.code(), alipayBill(List.of(
                alipayRow(ta1, a1, "交易", "2026-10-07 10:15:42", "88.88", "", "-0.53"),
                alipayRow(ta2, a2, "交易", "2026-10-08 23:50:09", "200.00", "", "-1.20"))), "alipay", null, null)
                .statusCode(201);
        upload(ali.code(), alipayFlow(List.of(
                alipayFlowRow("A1", ta1, a1, "2026-10-07 10:15:42", "88.88", "0.00", "88.88", "在线支付"),
                alipayFlowRow("A2", ta1, a1, "2026-10-07 10:15:42", "0.00", "-0.53", "88.35", "收费"),
                alipayFlowRow("A3", ta2, a2, "2026-10-08 23:50:09", "200.00", "0.00", "288.35", "在线支付"),
                alipayFlowRow("A4", ta2, a2, "2026-10-08 23:50:09", "0.00", "-1.20", "287.15", "收费")),
                "#支出合计：2笔，共-1.73元\n#收入合计：2笔，共288.88元\n"), "alipay-flow", null, null).statusCode(201);
        // the same business bill exported again an hour later is the same statement
        byte[] again = new String(alipayBill(List.of(
                alipayRow(ta1, a1, "交易", "2026-10-07 10:15:42", "88.88", "", "-0.53"),
                alipayRow(ta2, a2, "交易", "2026-10-08 23:50:09", "200.00", "", "-1.20"))), Charset.forName("GBK"))
                .replace("10:12:13", "11:12:13").getBytes(Charset.forName("GBK"));
        upload(ali.code(), again, "alipay", null, null).statusCode(200);

        // Stripe in USD, paid out into a euro bank account
        var stripe = ProviderNotifications.Stripe.create(company.code(), "USD", "America/New_York");
        String bank = TestData.unique("bank-eur");
        Accounts.create(Map.of("code", bank, "company", company.code(), "provider", "bank", "name", "Bank " + bank,
                "currency", "EUR", "timeZone", "Europe/Berlin"));
        config(stripe.code(), Map.of("settlementAccount", bank, "fxRates", Map.of("USD/EUR", "0.92")));
        String s1 = "INV-S1-" + tag, s2 = "INV-S2-" + tag;
        long rs1 = receivable(acme, s1, "USD", 10000);
        long rs2 = receivable(acme, s2, "USD", 25000);
        String pi1 = "pi_" + tag + "1", ch1 = "ch_" + tag + "1", pi2 = "pi_" + tag + "2", ch2 = "ch_" + tag + "2",
                re2 = "re_" + tag + "2", po = "po_" + tag;
        stripe.paymentSucceeded(pi1, ch1, 10000, "USD", "cus_" + tag, s1, Instant.parse("2026-10-02T15:00:00Z"))
                .statusCode(200);
        stripe.paymentSucceeded(pi2, ch2, 25000, "USD", "cus_" + tag, s2, Instant.parse("2026-10-03T15:00:00Z"))
                .statusCode(200);
        stripe.refundSucceeded(re2, pi2, ch2, 3000, "USD", Instant.parse("2026-10-04T15:00:00Z")).statusCode(200);
        upload(stripe.code(), stripeBalance(List.of(
                stripeRow("txn_" + tag + "1", "2026-10-02 15:00:05", "100.00", "3.20", "96.80", "charge", ch1, pi1,
                        s1, po),
                stripeRow("txn_" + tag + "2", "2026-10-03 15:00:05", "250.00", "7.55", "242.45", "charge", ch2, pi2,
                        s2, po),
                stripeRow("txn_" + tag + "3", "2026-10-04 15:00:05", "-30.00", "0.00", "-30.00", "refund", re2, pi2,
                        s2, po),
                stripeRow("txn_" + tag + "4", "2026-10-06 02:00:00", "-309.25", "0.00", "-309.25", "payout", po, "",
                        "", "")))
                .getBytes(StandardCharsets.UTF_8), "stripe", FIRST, LAST).statusCode(201);
        // 309.25 USD arrive as 285.00 EUR; the statement's times carry no offset: they are Berlin time
        upload(bank, camt(bank, "EUR", "2026-10-01T00:00:00", "2026-10-31T23:59:59", 100000, 128500,
                "2026-10-08", 28500, "STRIPE PAYOUT " + po).getBytes(StandardCharsets.UTF_8), null, null, null)
                .statusCode(201);

        for (String account : List.of(wx.code(), ali.code(), stripe.code(), bank)) {
            assertEquals("succeeded", run(account, FIRST, LAST).getString("state"), account);
        }

        // The planted discrepancies, and nothing else: the invoice nobody paid, the payment booked for less than was
        // notified, and the two payments we only learnt of from the bill (information, with what we actually got).
        // (an invoice is raised by the run of whichever account of its currency is reconciled last)
        List<String> raised = exceptions().stream()
                .map(e -> e.get("type") + ("unpaid_receivable".equals(e.get("type")) ? "" : " " + e.get("account")))
                .sorted().toList();
        assertEquals(List.of("amount_mismatch " + wx.code(), "missing_in_records " + ali.code(),
                "missing_in_records " + wx.code(), "unpaid_receivable"), raised,
                () -> "raised: " + exceptions().stream().map(e -> e.get("type") + ": " + e.get("detail")).toList());
        assertEquals(1, count("select count(*) from recon_exceptions where type = 'unpaid_receivable' "
                + "and receivable_id = ?", rw4));
        assertEquals(1, count("select count(*) from recon_exceptions e join transactions t on t.id = e.transaction_id "
                + "where e.type = 'amount_mismatch' and t.provider_txn_id = ? and e.expected_minor = 6600 "
                + "and e.actual_minor = 6500", tw5));
        assertEquals(List.of(4970L, 19880L), List.of(
                count("select actual_minor from recon_exceptions e join statement_lines l on l.id = e.statement_line_id "
                        + "where e.type = 'missing_in_records' and l.provider_txn_id = ?", tw3),
                count("select actual_minor from recon_exceptions e join statement_lines l on l.id = e.statement_line_id "
                        + "where e.type = 'missing_in_records' and l.provider_txn_id = ?", ta2)),
                "what we actually got: gross less the provider's fee");

        // Every invoice that was paid is paid, whether we heard of it by notification or from the bill alone.
        for (long r : List.of(rw1, rw2, rw3, rw5, ra1, ra2, rs1, rs2)) {
            assertEquals("paid", Fixtures.receivableStatus(r), "receivable " + r);
        }
        assertEquals("open", Fixtures.receivableStatus(rw4));

        // One real payment is one record↔bill match: the notification's id and the bill's ids line up.
        for (String[] pair : List.of(new String[]{wx.code(), tw1}, new String[]{wx.code(), tw2},
                new String[]{wx.code(), rf2}, new String[]{ali.code(), ta1}, new String[]{stripe.code(), pi1},
                new String[]{stripe.code(), pi2}, new String[]{stripe.code(), re2})) {
            assertEquals(1, count("select count(*) from match_items i join matches m on m.id = i.match_id "
                    + "join transactions t on t.id = i.item_id and i.item_type = 'transaction' "
                    + "join accounts a on a.id = t.account_id where m.kind = 'record_statement' and i.live "
                    + "and a.code = ? and t.provider_txn_id = ?", pair[0], pair[1]), pair[0] + " " + pair[1]);
        }

        // Fees come from the bills (a refund gives part of its payment's fee back): they add up to the bill's total.
        assertEquals(77 + 120 + 30 - 12 + 39, fees(wx.code()));
        assertEquals(53 + 120, fees(ali.code()));
        assertEquals(320 + 755, fees(stripe.code()));

        // The payout in USD is the euro credit, with its exchange difference shown, not a missing settlement.
        // 309.25 USD at the reference 0.92 is 284.51 EUR; the bank credited 285.00: +0.49 EUR shown on the match
        assertEquals(1, count("select count(*) from matches m where m.kind = 'settlement_bank' and m.account_id = "
                + "(select id from accounts where code = ?) and m.status = 'confirmed' and m.rule = 'payout_reference_fx' "
                + "and m.counter_currency = 'EUR' and m.fx_difference_minor = 49", stripe.code()));

        // Book against the provider's own balance: Alipay agrees to the cent; WeChat Pay's book is 1.00 above it,
        // which is exactly the planted payment it booked for less.
        JsonPath alipay = reconciliation(ali.code());
        assertEquals(List.of(28715, 28715, 0), List.of(alipay.getInt("figures.closingBalanceMinor"),
                alipay.getInt("figures.reportedClosingBalanceMinor"), alipay.getInt("figures.differenceMinor")));
        JsonPath wechat = reconciliation(wx.code());
        assertEquals(List.of(42146, 42046, 100), List.of(wechat.getInt("figures.closingBalanceMinor"),
                wechat.getInt("figures.reportedClosingBalanceMinor"), wechat.getInt("figures.differenceMinor")));
        List<Map<String, Object>> items = wechat.getList("reconcilingItems");
        assertEquals(1, items.size(), () -> "items: " + items);
        assertEquals(List.of("amount_mismatch", 100, "1.00"), List.of(items.get(0).get("type"),
                items.get(0).get("effectMinor"), items.get(0).get("effect")), "the item behind every cent of it");
        assertEquals(List.of(), alipay.getList("reconcilingItems"), "the bill-only payment is in the book");
    }

    static JsonPath reconciliation(String account) {
        return given().header("Authorization", FINANCE).accept("application/json").queryParam("account", account)
                .queryParam("from", FIRST.toString()).queryParam("to", LAST.toString())
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    static String flowRow(String time, String businessNo, String flowNo, String name, String direction, String yuan,
            String balance) {
        return String.join(",", "`" + time, "`" + businessNo, "`5000030001" + flowNo, "`" + name, "`" + name,
                "`" + direction, "`" + yuan, "`" + balance, "`system", "`", "`");
    }

    static byte[] wechatFundFlow(List<String> rows, String totals) {
        return ("\uFEFF记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),账户结余(元),资金变更提交申请人,备注,业务凭证号\n"
                + String.join("\n", rows) + "\n资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额\n" + totals + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String alipayFlowRow(String flowNo, String businessNo, String orderNo, String time, String in,
            String out, String balance, String type) {
        return WalletBills.alipayFlowRow(flowNo, businessNo, orderNo, time, in, out, balance, type);
    }

    static byte[] alipayFlow(List<String> rows, String totals) {
        return WalletBills.alipayFlow(rows, totals);
    }

    long customer(String name) {
        return count("insert into customers (company_id, external_id, name) values (?, ?, ?) returning id",
                company.id(), TestData.unique("c"), name);
    }

    long receivable(long customer, String reference, String currency, long amount) {
        return count("insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                + "values (?, ?, ?, ?, date '2026-09-20', date '2026-10-15') returning id",
                customer, reference, amount, currency);
    }

    static long count(String sql, Object... params) {
        return TestDb.count(sql, params);
    }

    long fees(String account) {
        return count("select coalesce(sum(fee_minor), 0) from transactions t join accounts a on a.id = t.account_id "
                + "where a.code = ?", account);
    }

    static io.restassured.response.ValidatableResponse upload(String account, byte[] file, String format,
            LocalDate from, LocalDate to) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "bill.csv").queryParam("account", account).body(file);
        if (format != null) {
            req = req.queryParam("format", format);
        }
        if (from != null) {
            req = req.queryParam("from", from.toString()).queryParam("to", to.toString());
        }
        return req.when().post("/statements").then().log().ifValidationFails();
    }

    static void config(String account, Map<String, Object> body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/matching/config/" + account).then().statusCode(200);
    }

    static JsonPath run(String account, LocalDate from, LocalDate to) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", from.toString(), "to", to.toString()))
                .when().post("/matching/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        return Fixtures.await(id);
    }

    List<Map<String, Object>> exceptions() {
        return given().header("Authorization", FINANCE).queryParam("company", company.code()).queryParam("size", 500)
                .when().get("/exceptions").then().statusCode(200).extract().jsonPath().getList("items");
    }

    static String wechatRow(String time, String transactionId, String outTradeNo, String openid, String state,
            String settled, String refundId, String outRefundNo, String refunded, String fee) {
        return String.join(",", "`" + time, "`wx2421b1c4370ec43b", "`1900000109", "`0", "`",
                "`" + transactionId, "`" + outTradeNo, "`" + openid, "`JSAPI", "`" + state, "`CMB_DEBIT", "`CNY",
                "`" + settled, "`0.00", "`" + (refundId.isEmpty() ? "0" : refundId),
                "`" + (outRefundNo.isEmpty() ? "0" : outRefundNo), "`" + refunded, "`0.00",
                "`" + (refundId.isEmpty() ? "" : "ORIGINAL"), "`" + (refundId.isEmpty() ? "" : "SUCCESS"), "`货款",
                "`", "`" + fee, "`0.60%", "`" + (refundId.isEmpty() ? settled : "0.00"),
                "`" + (refundId.isEmpty() ? "0.00" : refunded), "`");
    }

    static String wechatBill(List<String> rows, String totals) {
        return "\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,"
                + "订单金额,申请退款金额,费率备注\n" + String.join("\n", rows) + "\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n" + totals + "\n";
    }

    static String alipayRow(String tradeNo, String outTradeNo, String type, String finished, String amount,
            String requestNo, String fee) {
        return String.join("\t,", tradeNo, outTradeNo, type, "货款 " + outTradeNo, finished, finished, "", "", "",
                "", "客户(cus***@example.com)", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00",
                "0.00", requestNo, fee, "0.00", "") + "\t";
    }

    static byte[] alipayBill(List<String> rows) {
        String text = "#支付宝业务明细查询\n#账号：[20881234567890120156]\n"
                + "#起始日期：[2026年10月01日 00:00:00]   终止日期：[2026年11月01日 00:00:00]\n"
                + "#-----------------------------------------业务明细列表----------------------------------------\n"
                + "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,"
                + "商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,"
                + "卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注\n" + String.join("\n", rows) + "\n"
                + "#-----------------------------------------业务明细列表结束------------------------------------\n"
                + "#导出时间：[2026年11月01日 10:12:13]\n";
        return text.getBytes(Charset.forName("GBK"));
    }

    static String stripeRow(String id, String created, String gross, String fee, String net, String category,
            String source, String intent, String invoice, String payout) {
        return String.join(",", id, created, created, "usd", gross, fee, net, category, source,
                invoice.isEmpty() ? "STRIPE PAYOUT" : "Invoice " + invoice, gross, "usd", payout, "", invoice,
                intent);
    }

    static String stripeBalance(List<String> rows) {
        return "balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,"
                + "source_id,description,customer_facing_amount,customer_facing_currency,automatic_payout_id,"
                + "customer_id,payment_metadata[order_id],payment_intent_id\n" + String.join("\n", rows) + "\n";
    }

    static String camt(String account, String currency, String from, String to, long opening, long closing,
            String day, long credit, String remittance) {
        return WalletBills.camt(account, currency, from, to, opening, closing, day, credit, remittance);
    }

    static String decimal(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
