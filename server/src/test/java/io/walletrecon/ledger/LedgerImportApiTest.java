package io.walletrecon.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code POST /ledger-entries/import} and {@code GET /ledger-entries}: the company's bank journal, as its ERP exports
 * it.
 */
@QuarkusTest
class LedgerImportApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static String bank() {
        return Accounts.createBank(TestData.unique("journal"), "CNY", "Asia/Shanghai");
    }

    static ValidatableResponse upload(String account, byte[] file) {
        return given().header("Authorization", FINANCE).contentType("text/csv").body(file)
                .when().post("/ledger-entries/import?account=" + account).then();
    }

    static JsonPath entries(String account) {
        return given().header("Authorization", FINANCE).when().get("/ledger-entries?account=" + account)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long stored(String account) {
        return TestDb.count(
                "select count(*) from ledger_entries e join accounts a on a.id = e.account_id where a.code = ?",
                account);
    }

    private static long imports(String account) {
        return TestDb.count(
                "select count(*) from ledger_imports i join accounts a on a.id = i.account_id where a.code = ?",
                account);
    }

    private static final String UTF8_JOURNAL = """
            日期,凭证号,对方户名,摘要,金额（元）
            2031-03-02,记-0001,上海甲乙贸易有限公司,收货款,"10,000.00"
            2031/3/3,记-0002,苏州丙丁供应链有限公司,付材料款,-2500.50
            20310304 09:30:00,记-0003,,银行手续费,-12.00
            """;

    @Test
    void aUtf8JournalWithChineseHeadersIsImportedWithExactSignedAmounts() {
        String account = bank();

        upload(account, UTF8_JOURNAL.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("rows", equalTo(3)).body("inserted", equalTo(3)).body("unchanged", equalTo(0))
                .body("charset", equalTo("UTF-8"));

        JsonPath list = entries(account);
        assertEquals(3, list.getInt("total"));
        assertEquals(List.of("2031-03-02", "2031-03-03", "2031-03-04"), list.getList("items.date"));
        assertEquals(List.of(1000000L, -250050L, -1200L), list.getList("items.amountMinor", Long.class));
        assertEquals(List.of("记-0001", "记-0002", "记-0003"), list.getList("items.voucher"));
        assertEquals("上海甲乙贸易有限公司", list.getString("items[0].counterparty"));
        assertEquals("付材料款", list.getString("items[1].memo"));
        assertEquals(List.of("unmatched", "unmatched", "unmatched"), list.getList("items.matchState"));
        assertEquals("CNY", list.getString("items[0].currency"));
    }

    @Test
    void aGbkJournalWithDebitAndCreditColumnsIsReadAsGbkDebitsInCreditsOut() {
        String account = bank();
        String journal = """
                记账日期,凭证字号,对方单位,摘要,借方金额,贷方金额,余额
                2031-03-05,银收-12,杭州戊己科技有限公司,收到货款,8800.00,,108800.00
                2031-03-06,银付-07,深圳庚辛物流有限公司,支付运费,,1200.00,107600.00
                """;

        upload(account, journal.getBytes(Charset.forName("GBK"))).statusCode(200)
                .body("inserted", equalTo(2)).body("charset", equalTo("GBK"));

        JsonPath list = entries(account);
        assertEquals(List.of(880000L, -120000L), list.getList("items.amountMinor", Long.class));
        assertEquals(List.of("杭州戊己科技有限公司", "深圳庚辛物流有限公司"), list.getList("items.counterparty"));
        assertEquals(List.of("收到货款", "支付运费"), list.getList("items.memo"));
    }

    @Test
    void englishHeadersWithAnAmountAndADirectionColumnAreRead() {
        String account = bank();
        String journal = """
                Booking Date,Voucher No,Reference,Counterparty,Description,Amount,Direction
                2031-03-07,BV-1001,INV-4001,Acme GmbH,Customer payment,500.00,Debit
                2031-03-07,BV-1002,,Bank,Account fee,3.50,Credit
                """;

        upload(account, journal.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("inserted", equalTo(2));

        JsonPath list = entries(account);
        assertEquals(List.of(50000L, -350L), list.getList("items.amountMinor", Long.class));
        assertEquals("INV-4001", list.getString("items[0].reference"));
    }

    @Test
    void aBadLineIsRefusedWithItsLineNumberAndNothingIsStored() {
        String account = bank();
        String journal = """
                日期,凭证号,摘要,金额
                2031-03-02,记-0001,收货款,100.00
                2031-03-03,记-0002,付款,12.345
                2031-02-30,记-0003,付款,-1.00
                """;

        upload(account, journal.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail",
                        containsString("2 error(s) in the file; nothing was imported. First: line 3, column 金额"))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("金额"))
                .body("errors[0].message", containsString("more than 2 decimals"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("日期"));

        assertEquals(0, stored(account), "the good line 2 is not stored either");
        assertEquals(0, imports(account));
    }

    @Test
    void aHeaderWithoutAmountColumnsIsRefusedOnLineOne() {
        String account = bank();

        upload(account, "日期,凭证号,摘要\n2031-03-02,记-1,x\n".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].line", equalTo(1)).body("errors[0].column", equalTo("amount"));

        assertEquals(0, stored(account));
    }

    @Test
    void reImportingTheSameJournalAddsNothing() {
        String account = bank();
        byte[] file = UTF8_JOURNAL.getBytes(StandardCharsets.UTF_8);
        upload(account, file).statusCode(200).body("inserted", equalTo(3));

        upload(account, file).statusCode(200).body("rows", equalTo(3)).body("inserted", equalTo(0))
                .body("unchanged", equalTo(3));

        assertEquals(3, stored(account));
        assertEquals(2, TestDb.count("select count(*) from audit_log where action = 'ledger.imported' "
                + "and details like ?", "%\"account\":\"" + account + "\"%"), "both imports audited");
    }

    @Test
    void twoIdenticalRowsWithoutVoucherAreTwoEntriesAndStayTwoOnReImport() {
        String account = bank();
        byte[] file = """
                date,memo,amount
                2031-03-08,Card terminal fee,-5.00
                2031-03-08,Card terminal fee,-5.00
                """.getBytes(StandardCharsets.UTF_8);

        upload(account, file).statusCode(200).body("inserted", equalTo(2));
        upload(account, file).statusCode(200).body("inserted", equalTo(0));

        assertEquals(2, stored(account));
    }

    @Test
    void aWalletAccountHasNoBankJournal() {
        String stripe = TestData.unique("journal-w");
        TestDb.update("insert into accounts (company_id, code, provider, name, currency, time_zone) "
                + "values (?, ?, 'stripe', 'Stripe', 'USD', 'UTC')", TestCompanies.create("journal-w").id(), stripe);

        upload(stripe, UTF8_JOURNAL.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("detail", containsString("is a stripe account"));
    }

    @Test
    void theListFiltersByPeriod() {
        String account = bank();
        upload(account, UTF8_JOURNAL.getBytes(StandardCharsets.UTF_8)).statusCode(200);

        given().header("Authorization", FINANCE)
                .when().get("/ledger-entries?account=" + account + "&from=2031-03-03&to=2031-03-03")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].voucher", equalTo("记-0002"));
        given().header("Authorization", FINANCE)
                .when().get("/ledger-entries?account=" + account + "&from=2031-03-04&to=2031-03-03")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
