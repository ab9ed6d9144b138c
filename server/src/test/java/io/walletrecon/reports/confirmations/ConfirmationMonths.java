package io.walletrecon.reports.confirmations;

import io.walletrecon.testing.MatchingRuns;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static io.walletrecon.reports.bankrec.BankReconciliationStatementTest.entry;
import static io.walletrecon.reports.bankrec.BankReconciliationStatementTest.journal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * March 2035 of a bank account of its own, over real files: the bank's camt.053 (opening 10,000.00; a customer's
 * 1,234.56 on the 3rd, a supplier payment of 500.00 on the 10th, both booked by the company; 888.00 on the 20th the
 * company has not booked; closing 11,622.56) and the bank journal (opening booked on 28 February). After a matching
 * run the bank reconciliation statement on the 31st adjusts to 11,622.56 on both sides, with the 888.00 credit an
 * unidentified receipt; before it, every line and entry is still open (both sides 12,357.12).
 */
final class ConfirmationMonths {

    static final String FINANCE = TestJwt.bearer("cm-setup", "finance");
    static final String PERIOD_END = "2035-03-31";
    static final String BANK_BALANCE = "11622.56";

    private ConfirmationMonths() {
    }

    /** A new bank account with March imported, matched by a run when {@code run}. */
    static String month(boolean run) {
        String code = TestData.unique("cm-bank");
        TestDb.count("insert into accounts (company_id, code, provider, name, currency, time_zone) "
                + "values (?, ?, 'bank', ?, 'CNY', 'Asia/Shanghai') returning id",
                TestCompanies.create("co-cm").id(), code, "招商银行 " + code);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>CM-%1$s</MsgId><CreDtTm>2035-04-01T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-2035-03</Id><ElctrncSeqNb>3</ElctrncSeqNb>
                      <FrToDt><FrDtTm>2035-03-01T00:00:00</FrDtTm><ToDtTm>2035-03-31T23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">10000.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2035-03-01</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">11622.56</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2035-03-31</Dt></Dt></Bal>
                %2$s%3$s%4$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(code, entry("CRDT", "1234.56", "2035-03-03", "CM-0303", "上海示例贸易有限公司",
                "INV-2035-0042"), entry("DBIT", "500.00", "2035-03-10", "CM-0310", "Globex Ltd", "PAY-2035-0310"),
                entry("CRDT", "888.00", "2035-03-20", "CM-0320", "杭州云栖科技有限公司", "货款 0320"));
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "camt053-2035-03.xml").queryParam("account", code)
                .body(xml.getBytes(StandardCharsets.UTF_8))
                .when().post("/statements").then().log().ifValidationFails().statusCode(201);
        journal(code, "2035-02-28,记-0001,,期初余额,\"10,000.00\",\n"
                + "2035-03-03,记-0012,上海示例贸易有限公司,收货款 INV-2035-0042,\"1,234.56\",\n"
                + "2035-03-10,记-0020,Globex Ltd,付货款 PAY-2035-0310,,500.00\n");
        if (run) {
            run(code);
        }
        return code;
    }

    /** A matching run over March; its final state (it must succeed). */
    static String run(String account) {
        String state = MatchingRuns.run(account, "2035-03-01", "2035-03-31").getString("state");
        assertEquals("succeeded", state);
        return state;
    }

    static long matches(String account) {
        return TestDb.count("select count(*) from matches m join accounts a on a.id = m.account_id where a.code = ?",
                account);
    }

    static long exceptions(String account) {
        return TestDb.count("select count(*) from recon_exceptions e join accounts a on a.id = e.account_id "
                + "where a.code = ?", account);
    }
}
