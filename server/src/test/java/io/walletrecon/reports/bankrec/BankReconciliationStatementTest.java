package io.walletrecon.reports.bankrec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bank reconciliation statement (余额调节表) over real files: the bank's camt.053 of March 2031, the company's
 * bank journal as its ERP exports it (CSV, with the opening balance booked the day before the first statement), and
 * a matching run. Three accounts, planted once for the class: a month where journal and bank agree, one with an item
 * on each of the four sides, and one whose journal opening is 10.00 short (a gap no item explains).
 */
@QuarkusTest
public class BankReconciliationStatementTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String DATE = "2031-03-31";

    /** Bank side of every month: the customer's credit and the supplier payment, both booked by the company. */
    public static final String BOOKED_CREDIT = entry("CRDT", "1234.56", "2031-03-03", "BR-0303-1", "上海示例贸易有限公司",
            "INV-2031-0042");
    public static final String BOOKED_DEBIT = entry("DBIT", "500.00", "2031-03-10", "BR-0310-1", "Globex Ltd",
            "PAY-2031-0310");
    static final String JOURNAL_HEAD = "日期,凭证号,对方单位,摘要,借方金额,贷方金额\n";
    static final String JOURNAL_MONTH = JOURNAL_HEAD
            + "2031-03-03,记-0012,上海示例贸易有限公司,收货款 INV-2031-0042,\"1,234.56\",\n"
            + "2031-03-10,记-0020,Globex Ltd,付货款 PAY-2031-0310,,500.00\n";

    private static Accounts planted;

    record Accounts(String balanced, String fourSides, String gap, String wallet) {
    }

    /** The three months, planted on first use (the class shares them; every test only reads). */
    static synchronized Accounts accounts() {
        if (planted == null) {
            String balanced = bankAccount();
            camt(balanced, 1_000_000, List.of(BOOKED_CREDIT, BOOKED_DEBIT), 1_073_456);
            journal(balanced, "2031-02-28,记-0001,,期初余额,\"10,000.00\",\n" + JOURNAL_MONTH.substring(
                    JOURNAL_HEAD.length()));
            run(balanced);

            String fourSides = bankAccount();
            camt(fourSides, 1_000_000, List.of(BOOKED_CREDIT, BOOKED_DEBIT,
                    entry("CRDT", "888.00", "2031-03-20", "BR-0320-1", "杭州云栖科技有限公司", "货款 0320"),
                    entry("DBIT", "15.00", "2031-03-25", "BR-0325-1", "ICBC", "手续费")), 1_160_756);
            journal(fourSides, "2031-02-28,记-0001,,期初余额,\"10,000.00\",\n"
                    + JOURNAL_MONTH.substring(JOURNAL_HEAD.length())
                    + "2031-03-29,记-0031,深圳供应商有限公司,支票 CHQ-77,,300.00\n"
                    + "2031-03-30,记-0032,北京客户有限公司,存入支票 DEP-88,\"2,000.00\",\n");
            run(fourSides);

            String gap = bankAccount();
            camt(gap, 1_000_000, List.of(BOOKED_CREDIT, BOOKED_DEBIT), 1_073_456);
            journal(gap, "2031-02-28,记-0001,,期初余额,\"9,990.00\",\n" + JOURNAL_MONTH.substring(
                    JOURNAL_HEAD.length()));
            run(gap);

            planted = new Accounts(balanced, fourSides, gap, account("stripe"));
        }
        return planted;
    }

    @Test
    void aMonthWhereJournalAndBankAgreeBalancesWithNoItems() {
        JsonPath s = statement(accounts().balanced(), "en");

        assertEquals("Bank reconciliation statement", s.getString("title"));
        assertEquals("10734.56", s.getString("journal.balance.amount"));
        assertEquals("10734.56", s.getString("bank.balance.amount"));
        assertEquals("2031-03-31", s.getString("bankStatementDate"));
        for (String group : List.of("journal.add", "journal.less", "bank.add", "bank.less")) {
            assertEquals(0, s.getInt(group + ".count"), group);
        }
        assertEquals("10734.56", s.getString("journal.adjustedBalance.amount"));
        assertEquals("10734.56", s.getString("bank.adjustedBalance.amount"));
        assertEquals("0.00", s.getString("unexplainedDifference.amount"));
        assertTrue(s.getBoolean("balanced"));
    }

    @Test
    void anItemOnEachOfTheFourSidesIsListedAndTheAdjustedBalancesAgree() {
        JsonPath s = statement(accounts().fourSides(), "en");

        assertEquals("12434.56", s.getString("journal.balance.amount"));
        assertEquals("11607.56", s.getString("bank.balance.amount"));
        assertItem(s, "journal.add", "2031-03-20", 88800, "杭州云栖科技有限公司");
        assertItem(s, "journal.less", "2031-03-25", -1500, "ICBC");
        assertItem(s, "bank.add", "2031-03-30", 200000, "北京客户有限公司");
        assertItem(s, "bank.less", "2031-03-29", -30000, "深圳供应商有限公司");
        assertEquals("记-0031", s.getString("bank.less.items[0].reference"));
        assertEquals("13307.56", s.getString("journal.adjustedBalance.amount"));
        assertEquals("13307.56", s.getString("bank.adjustedBalance.amount"));
        assertEquals(0, s.getInt("unexplainedDifference.amountMinor"));
        assertTrue(s.getBoolean("balanced"));
    }

    @Test
    void aBankCreditNotBookedCarriesTheExceptionOpenOnIt() {
        JsonPath s = statement(accounts().fourSides(), "en");

        long line = s.getLong("journal.add.items[0].id");
        Long open = TestDb.count("select count(*) from recon_exceptions where statement_line_id = ? "
                + "and status in ('open', 'in_review')", line) == 0
                        ? null
                        : TestDb.count("select max(id) from recon_exceptions where statement_line_id = ? "
                                + "and status in ('open', 'in_review')", line);
        assertNotNull(open, "the run reports the unidentified credit");
        assertEquals(open, s.getLong("journal.add.items[0].exceptionId"));
        assertNull(s.get("bank.add.items[0].exceptionId"), "a journal entry is a reconciling item, not an exception");
    }

    @Test
    void aGapNoItemExplainsIsShownAsTheUnexplainedDifference() {
        JsonPath s = statement(accounts().gap(), "zh-CN");

        assertEquals("银行存款余额调节表", s.getString("title"));
        assertEquals("10724.56", s.getString("journal.adjustedBalance.amount"));
        assertEquals("10734.56", s.getString("bank.adjustedBalance.amount"));
        assertEquals("未达账项以外的差额", s.getString("unexplainedDifference.label"));
        assertEquals("10.00", s.getString("unexplainedDifference.amount"));
        assertFalse(s.getBoolean("balanced"));
    }

    @Test
    void thePdfInChineseShowsBothColumnsTheItemsAndTheGap() throws Exception {
        byte[] body = given().header("Authorization", FINANCE).accept("application/pdf")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .queryParam("account", accounts().fourSides()).queryParam("date", DATE)
                .when().get("/reports/bank-reconciliation").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(body)) {
            String text = new PDFTextStripper().getText(pdf);
            for (String expected : List.of("银行存款余额调节表", "企业银行存款日记账余额", "银行对账单余额",
                    "加：银行已收、企业未收", "减：企业已付、银行未付", "调节后余额", "未达账项以外的差额",
                    "杭州云栖科技有限公司", "12,434.56", "11,607.56", "13,307.56", "2,000.00")) {
                assertTrue(text.contains(expected), expected + " in\n" + text);
            }
        }
    }

    @Test
    void theWorkbookHasTheFiguresAndEveryItemWithLabelsAndNumbers() throws Exception {
        byte[] body = given().header("Authorization", FINANCE)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("account", accounts().fourSides()).queryParam("date", DATE).queryParam("lang", "en")
                .when().get("/reports/bank-reconciliation").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Totals", "Items"), sheets.stream().map(Sheet::getName).toList());
            List<Row> items = sheets.get(1).read();
            assertEquals(List.of("Item", "Date", "Currency", "Amount", "Counterparty", "Reference", "Memo",
                    "Exception"), items.get(0).stream().map(c -> c.getText()).toList());
            assertEquals(5, items.size(), "a header and four items");
            assertEquals(0, new BigDecimal("888.00").compareTo(items.get(1).getCellAsNumber(3).orElseThrow()));
        }
    }

    @Test
    void anUnknownAccountIsNotFound() {
        given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", "no-such-account").queryParam("date", DATE)
                .when().get("/reports/bank-reconciliation")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWalletAccountIsRefused() {
        given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", accounts().wallet()).queryParam("date", DATE)
                .when().get("/reports/bank-reconciliation")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("is a stripe account"));
    }

    @Test
    void aBadOrMissingDateIsRefused() {
        given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", accounts().balanced()).queryParam("date", "2031-02-30")
                .when().get("/reports/bank-reconciliation")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", accounts().balanced())
                .when().get("/reports/bank-reconciliation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("date"));
    }

    @Test
    void aDateBeforeAnyBankStatementIsRefused() {
        given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", accounts().balanced()).queryParam("date", "2031-02-28")
                .when().get("/reports/bank-reconciliation")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("import the bank's statement"));
    }

    private static void assertItem(JsonPath s, String group, String date, long minor, String counterparty) {
        assertEquals(1, s.getInt(group + ".count"), group);
        assertEquals(minor, s.getLong(group + ".totalMinor"), group);
        assertEquals(date, s.getString(group + ".items[0].date"), group);
        assertEquals(minor, s.getLong(group + ".items[0].amountMinor"), group);
        assertEquals(counterparty, s.getString(group + ".items[0].counterparty"), group);
    }

    private static JsonPath statement(String account, String lang) {
        return given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .queryParam("account", account).queryParam("date", DATE).queryParam("lang", lang)
                .when().get("/reports/bank-reconciliation").then().statusCode(200).extract().jsonPath();
    }

    public static String bankAccount() {
        return account("bank");
    }

    private static String account(String provider) {
        String code = TestData.unique("tj-" + provider);
        TestDb.count("insert into accounts (company_id, code, provider, name, currency, time_zone) "
                + "values (?, ?, ?, ?, 'CNY', 'Asia/Shanghai') returning id",
                TestCompanies.create("co-tj").id(), code, provider, "工商银行 " + code);
        return code;
    }

    /** One booked camt.053 entry: CRDT or DBIT, amount, day, the bank's reference, the other party, remittance. */
    public static String entry(String sign, String amount, String day, String ref, String party, String remittance) {
        String role = sign.equals("CRDT") ? "Dbtr" : "Cdtr";
        return """
                  <Ntry>
                    <NtryRef>%4$s</NtryRef><Amt Ccy="CNY">%2$s</Amt><CdtDbtInd>%1$s</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt>
                    <AcctSvcrRef>%4$s</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <RltdPties><%5$s><Pty><Nm>%6$s</Nm></Pty></%5$s></RltdPties>
                      <RmtInf><Ustrd>%7$s</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                """.formatted(sign, amount, day, ref, role, party, remittance);
    }

    /** Imports the bank's camt.053 of March 2031 for {@code account}: opening, these entries, closing. */
    public static void camt(String account, long opening, List<String> entries, long closing) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2031-04-01T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-2031-03</Id><ElctrncSeqNb>3</ElctrncSeqNb>
                      <FrToDt><FrDtTm>2031-03-01T00:00:00</FrDtTm><ToDtTm>2031-03-31T23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%2$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2031-03-01</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%3$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2031-03-31</Dt></Dt></Bal>
                %4$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(account, BigDecimal.valueOf(opening, 2), BigDecimal.valueOf(closing, 2),
                String.join("", entries));
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "camt053-2031-03.xml").queryParam("account", account)
                .body(xml.getBytes(StandardCharsets.UTF_8))
                .when().post("/statements").then().log().ifValidationFails().statusCode(201);
    }

    public static void journal(String account, String rows) {
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body((JOURNAL_HEAD + rows).getBytes(StandardCharsets.UTF_8))
                .when().post("/ledger-entries/import?account=" + account).then().log().ifValidationFails()
                .statusCode(200);
    }

    public static void run(String account) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", "2031-03-01", "to", "2031-03-31"))
                .when().post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String state = given().header("Authorization", FINANCE).when().get("/matching/runs/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                assertEquals("succeeded", state);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
