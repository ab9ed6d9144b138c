package io.walletrecon.reports.confirmations;

import io.restassured.http.ContentType;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
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

    /** Imports journal rows (date, voucher, counterparty, memo, debit, credit) for the account. */
    static void journal(String account, String rows) {
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(("日期,凭证号,对方单位,摘要,借方金额,贷方金额\n" + rows).getBytes(StandardCharsets.UTF_8))
                .when().post("/ledger-entries/import?account=" + account).then().log().ifValidationFails()
                .statusCode(200);
    }

    private static String entry(String sign, String amount, String day, String ref, String party, String text) {
        String role = sign.equals("CRDT") ? "Dbtr" : "Cdtr";
        return """
                      <Ntry>
                        <NtryRef>%4$s</NtryRef><Amt Ccy="CNY">%2$s</Amt><CdtDbtInd>%1$s</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt>
                        <AcctSvcrRef>%4$s</AcctSvcrRef>
                        <NtryDtls><TxDtls><RltdPties><%5$s><Pty><Nm>%6$s</Nm></Pty></%5$s></RltdPties>
                          <RmtInf><Ustrd>%7$s</Ustrd></RmtInf></TxDtls></NtryDtls>
                      </Ntry>
                """.formatted(sign, amount, day, ref, role, party, text);
    }

    /** A matching run over March; its final state. */
    static String run(String account) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", "2035-03-01", "to", "2035-03-31"))
                .when().post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String state = given().header("Authorization", FINANCE).when().get("/matching/runs/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                assertEquals("succeeded", state);
                return state;
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish");
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
