package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.MatchingRuns;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The reconciliation statement of a bank account, from a camt.053 of March 2026 uploaded as a bank sends it (opening
 * 1,000.00; a customer's transfer of 800.00, a supplier payment of 120.00 and the bank's charge of 4.50): its movements
 * are the bank's lines, and where the company imports its bank journal the book is the journal and every difference
 * is a reconciling item.
 */
@QuarkusTest
class ReconciliationStatementOfABankAccountTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static final String TRANSFER = entry("800.00", "CRDT", "2026-03-05", "BR-0001", "Rechnung INV-2026-0301", null);
    static final String PAYMENT = entry("120.00", "DBIT", "2026-03-10", "BR-0002", "PAY-2026-0310 Lieferant", null);
    static final String CHARGE = entry("4.50", "DBIT", "2026-03-31", "BR-0003", null, "ACMT/MDOP/CHRG");
    static final String UNKNOWN_PAYER = entry("50.00", "CRDT", "2026-03-20", "BR-0004", "Danke", null);

    static final String JOURNAL_HEADER = "日期,凭证号,参考号,摘要,金额\n";
    static final String BOOKED_TRANSFER = "2026-03-05,记-0001,INV-2026-0301,收货款,800.00\n";
    static final String BOOKED_PAYMENT = "2026-03-10,记-0002,PAY-2026-0310,付材料款,-120.00\n";
    static final String BOOKED_CHARGE = "2026-03-31,记-0003,,银行手续费,-4.50\n";
    static final String CHEQUE_NOT_PRESENTED = "2026-03-28,记-0004,CHQ-778812,支票付款,-300.00\n";

    @Inject
    BalanceRepository balances;

    /** One ISO 20022 entry, booked and valued on {@code date}. */
    static String entry(String amount, String sign, String date, String ref, String remittance, String bankCode) {
        StringBuilder b = new StringBuilder("<Ntry><Amt Ccy=\"EUR\">").append(amount).append("</Amt><CdtDbtInd>")
                .append(sign).append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").append(date)
                .append("</Dt></BookgDt><ValDt><Dt>").append(date).append("</Dt></ValDt><AcctSvcrRef>").append(ref)
                .append("</AcctSvcrRef>");
        if (bankCode != null) {
            String[] c = bankCode.split("/");
            b.append("<BkTxCd><Domn><Cd>").append(c[0]).append("</Cd><Fmly><Cd>").append(c[1])
                    .append("</Cd><SubFmlyCd>").append(c[2]).append("</SubFmlyCd></Fmly></Domn></BkTxCd>");
        }
        if (remittance != null) {
            b.append("<NtryDtls><TxDtls><RmtInf><Ustrd>").append(remittance)
                    .append("</Ustrd></RmtInf></TxDtls></NtryDtls>");
        }
        return b.append("</Ntry>\n").toString();
    }

    /** A camt.053 covering March 2026 from 1,000.00 to {@code closing} with these entries. */
    static String march(String account, String closing, String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
                + "<GrpHdr><MsgId>M-" + account + "</MsgId><CreDtTm>2026-04-01T06:00:00+02:00</CreDtTm></GrpHdr>\n"
                + "<Stmt><Id>" + account + "-2026-03</Id><ElctrncSeqNb>3</ElctrncSeqNb>"
                + "<FrToDt><FrDtTm>2026-03-01T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>"
                + "<Acct><Id><Othr><Id>" + account + "-ACCT</Id></Othr></Id><Ccy>EUR</Ccy></Acct>\n"
                + balance("OPBD", "1000.00", "2026-03-01") + balance("CLBD", closing, "2026-03-31")
                + String.join("", entries) + "</Stmt></BkToCstmrStmt></Document>\n";
    }

    private static String balance(String code, String amount, String day) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount
                + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>\n";
    }

    static String bankWith(String statement) {
        String account = Accounts.createBank(TestData.unique("bank-rec"), "EUR", "Europe/Berlin");
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("charset", "UTF-8")
                .body(statement.replace("ACCOUNT", account).getBytes(StandardCharsets.UTF_8))
                .when().post("/statements").then().statusCode(201);
        return account;
    }

    static void journal(String account, String... rows) {
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body((JOURNAL_HEADER + String.join("", rows)).getBytes(StandardCharsets.UTF_8))
                .when().post("/ledger-entries/import?account=" + account).then().statusCode(200);
        MatchingRuns.run(account, "2026-03-01", "2026-03-31");
    }

    static JsonPath statement(String account) {
        return given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBalancedCamt053GivesTheBanksOpeningItsLinesAndNoDifference() {
        String account = bankWith(march("ACCOUNT", "1675.50", TRANSFER, PAYMENT, CHARGE));

        JsonPath json = statement(account);

        assertEquals("statement_lines", json.getString("figures.bookSource"));
        assertEquals("1000.00", json.getString("figures.openingBalance"));
        assertEquals("800.00", json.getString("figures.inflows"));
        assertEquals("120.00", json.getString("figures.outflows"));
        assertEquals("4.50", json.getString("figures.fees"));
        assertEquals("1675.50", json.getString("figures.closingBalance"));
        assertEquals("2026-03-31", json.getString("figures.reportedAsOf"));
        assertEquals("1675.50", json.getString("figures.reportedClosingBalance"));
        assertEquals("1675.50", json.getString("figures.computedAtReported"));
        assertEquals("0.00", json.getString("figures.difference"));
        assertEquals(List.of(), json.getList("reconcilingItems"));
        assertEquals("1675.50", json.getString("days.items.find { it.day == '2026-03-31' }.balance"));
    }

    @Test
    void aJournalThatBooksEveryLineLeavesNoDifferenceAndNoItems() {
        String account = bankWith(march("ACCOUNT", "1675.50", TRANSFER, PAYMENT, CHARGE));
        journal(account, BOOKED_TRANSFER, BOOKED_PAYMENT, BOOKED_CHARGE);

        JsonPath json = statement(account);

        assertEquals("ledger_entries", json.getString("figures.bookSource"));
        assertEquals("1000.00", json.getString("figures.openingBalance"));
        assertEquals("800.00", json.getString("figures.inflows"));
        assertEquals("124.50", json.getString("figures.outflows"), "the journal books the charge as a payment");
        assertEquals("1675.50", json.getString("figures.computedAtReported"));
        assertEquals("0.00", json.getString("figures.difference"));
        assertEquals(3, json.getInt("figures.matchedCount"));
        assertEquals(List.of(), json.getList("reconcilingItems"));
    }

    /**
     * Planted: the bank's charge of 4.50 nobody booked, a credit of 50.00 from an unknown payer, and a cheque of 300.00
     * booked on 28 March that the bank has not paid. Book 1,380.00, bank 1,725.50: the difference −345.50 is the
     * three items, to the cent, and the unidentified credit carries the exception its matching run raised.
     */
    @Test
    void aPlantedDiscrepancyIsExactlyTheSumOfItsReconcilingItems() {
        String account = bankWith(march("ACCOUNT", "1725.50", TRANSFER, PAYMENT, UNKNOWN_PAYER, CHARGE));
        journal(account, BOOKED_TRANSFER, BOOKED_PAYMENT, CHEQUE_NOT_PRESENTED);

        JsonPath json = statement(account);

        assertEquals("1380.00", json.getString("figures.computedAtReported"));
        assertEquals("1725.50", json.getString("figures.reportedClosingBalance"));
        assertEquals("-345.50", json.getString("figures.difference"));
        assertEquals(3, json.getInt("figures.reconcilingItems"));
        assertEquals("-345.50", json.getString("figures.explained"));
        assertEquals("0.00", json.getString("figures.unexplained"));
        List<Map<String, Object>> items = json.getList("reconcilingItems");
        assertEquals(List.of("bankReceivedNotBooked", "bookedPaidNotInBank", "bankPaidNotBooked"),
                items.stream().map(i -> i.get("type")).toList());
        assertEquals(List.of("-50.00", "-300.00", "4.50"), items.stream().map(i -> i.get("effect")).toList());
        long lineId = ((Number) items.get(0).get("itemId")).longValue();
        long exception = TestDb.count("select id from recon_exceptions where statement_line_id = ? and type = ?",
                lineId, "unidentified_receipt");
        assertEquals(exception, ((Number) items.get(0).get("exceptionId")).longValue());
        assertNull(items.get(1).get("exceptionId"), "a booked cheque the bank has not paid raises no exception");
        assertEquals("记-0004 / 支票付款", items.get(1).get("detail"));

        long accountId = TestDb.count("select id from accounts where code = ?", account);
        BigInteger book = ReactiveBridge
                .await(() -> balances.bankBook(accountId, "EUR", LocalDate.parse("2026-03-31")));
        assertEquals(BigInteger.valueOf(138_000), book, "the balances' book of a bank is the journal's, as here");
    }

    @Test
    void aDifferenceThatNoItemExplainsIsShownAsUnexplained() {
        // A statement whose closing balance does not follow from its lines: the bank's side itself is incomplete.
        String account = bankWith(march("ACCOUNT", "1675.50", TRANSFER, PAYMENT, CHARGE));
        journal(account, BOOKED_TRANSFER, BOOKED_PAYMENT, BOOKED_CHARGE);
        TestDb.update("update statements set closing_balance_minor = ? where account_id = "
                + "(select id from accounts where code = ?)", 167000, account);

        JsonPath json = statement(account);

        assertEquals("5.50", json.getString("figures.difference"));
        assertEquals("0.00", json.getString("figures.explained"));
        assertEquals("5.50", json.getString("figures.unexplained"));
    }
}
