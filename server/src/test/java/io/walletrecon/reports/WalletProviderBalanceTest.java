package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.statements.Samples;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A wallet's reconciliation statement compares our book with the balance the provider's own bill states: the
 * account-flow bills (Alipay 账务明细, WeChat Pay 资金账单) give the statement its opening and closing balance.
 * Known answers (CNY, minor units): 1000.00 in before the month; the WeChat Pay fund-flow bill of 31 March holds a
 * payment of 128.00 with a fee of 0.77, a refund of 28.00 and a withdrawal of 1000.00 and closes at 99.23.
 */
@QuarkusTest
class WalletProviderBalanceTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static final byte[] FUND_FLOW = Samples.bytes("wechatpay-flow.csv");

    static void upload(long account, byte[] bill) {
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", ReportFixtures.code(account)).body(bill)
                .when().post("/statements").then().statusCode(201);
    }

    static JsonPath reconciliation(long account, String from, String to) {
        return given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", ReportFixtures.code(account)).queryParam("from", from).queryParam("to", to)
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    /** The WeChat Pay account's book: everything the bill shows, except the refund when {@code withRefund} is false. */
    static long wechatAccount(boolean withRefund) {
        long a = ReportFixtures.account("wxflow", "wechatpay", "CNY", "Asia/Shanghai");
        ReportFixtures.txn(a, "in", 100000, null, "CNY", "succeeded", "2026-02-27", null);
        ReportFixtures.txn(a, "in", 12800, 77L, "CNY", "succeeded", "2026-03-31", null);
        if (withRefund) {
            ReportFixtures.txn(a, "out", 2800, null, "CNY", "succeeded", "2026-03-31", null);
        }
        ReportFixtures.txn(a, "out", 100000, null, "CNY", "succeeded", "2026-03-31", null);
        upload(a, FUND_FLOW);
        return a;
    }

    @Test
    void aWechatMonthWhoseFundFlowBillAgreesHasNoDifference() {
        JsonPath json = reconciliation(wechatAccount(true), "2026-03-01", "2026-03-31");
        assertEquals(100000, json.getInt("figures.openingBalanceMinor"));
        assertEquals(9923, json.getInt("figures.closingBalanceMinor"));
        assertEquals("2026-03-31", json.getString("figures.reportedAsOf"));
        assertEquals(9923, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals("99.23", json.getString("figures.reportedClosingBalance"));
        assertEquals(0, json.getInt("figures.differenceMinor"));
        assertEquals("0.00", json.getString("figures.difference"));
    }

    @Test
    void aRefundMissingFromOurBooksIsExactlyTheDifference() {
        JsonPath json = reconciliation(wechatAccount(false), "2026-03-01", "2026-03-31");
        assertEquals(9923, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals(12723, json.getInt("figures.computedAtReportedMinor"));
        assertEquals(2800, json.getInt("figures.differenceMinor"),
                "the 28.00 refund the provider booked and we did not");
    }

    @Test
    void anAlipayDayWhoseAccountFlowBillAgreesHasNoDifference() {
        long a = ReportFixtures.account("aliflow", "alipay", "CNY", "Asia/Shanghai");
        ReportFixtures.txn(a, "in", 100000, null, "CNY", "succeeded", "2026-02-27", null);
        ReportFixtures.txn(a, "in", 8888, 53L, "CNY", "succeeded", "2026-03-01", null);
        ReportFixtures.txn(a, "out", 1000, null, "CNY", "succeeded", "2026-03-01", null);
        upload(a, Samples.bytes("alipay-flow.gbk.csv"));
        JsonPath json = reconciliation(a, "2026-03-01", "2026-03-01");
        assertEquals("2026-03-01", json.getString("figures.reportedAsOf"));
        assertEquals(107835, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals(107835, json.getInt("figures.computedAtReportedMinor"));
        assertEquals(0, json.getInt("figures.differenceMinor"));
    }
}
