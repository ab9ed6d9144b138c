package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One statement per real statement: re-downloads change nothing, corrected re-issues are refused or replace it. */
@QuarkusTest
class StatementReissueApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    /**
     * September's camt.053 of {@code iban} as exported at {@code exported} under message and statement id {@code id}.
     */
    static String september(String iban, String id, String exported, long... credits) {
        StringBuilder entries = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < credits.length; i++) {
            sum += credits[i];
            entries.append("""
                    <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                      <BookgDt><Dt>2026-09-%02d</Dt></BookgDt><ValDt><Dt>2026-09-%02d</Dt></ValDt>
                      <AcctSvcrRef>REF-%d</AcctSvcrRef></Ntry>
                    """.formatted(StatementBusinessTimeApiTest.decimal(credits[i]), 10 + i, 10 + i, i + 1));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>%2$s</MsgId><CreDtTm>%3$s</CreDtTm></GrpHdr>
                <Stmt><Id>%2$s</Id><ElctrncSeqNb>9</ElctrncSeqNb><CreDtTm>%3$s</CreDtTm>
                <FrToDt><FrDtTm>2026-09-01T00:00:00</FrDtTm><ToDtTm>2026-09-30T23:59:59</ToDtTm></FrToDt>
                <Acct><Id><IBAN>%1$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-09-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-09-30</Dt></Dt></Bal>
                %5$s</Stmt></BkToCstmrStmt></Document>
                """
                .formatted(iban, id, exported, StatementBusinessTimeApiTest.decimal(10000 + sum), entries);
    }

    static ValidatableResponse upload(String xml, boolean replace) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "sep.xml").body(xml.getBytes(StandardCharsets.UTF_8));
        if (replace) {
            req = req.queryParam("replace", true);
        }
        return req.when().post("/statements").then();
    }

    static String account(String prefix) {
        String code = TestData.unique(prefix);
        Accounts.createBank(code, "EUR", "Europe/Berlin", StatementBusinessTimeApiTest.iban());
        return code;
    }

    static String iban(String code) {
        return TestDb.scalar("select account_number from accounts where code = ?", code);
    }

    static long statements(String code) {
        return TestDb.count("select count(*) from statements s join accounts a on a.id = s.account_id where a.code = ?",
                code);
    }

    static long lines(String code) {
        return TestDb.count(
                "select count(*) from statement_lines l join accounts a on a.id = l.account_id where a.code = ?", code);
    }

    static long latest(String code) {
        return TestDb.count("select s.id from statements s join accounts a on a.id = s.account_id where a.code = ?"
                + " order by s.period_end desc, s.imported_at desc, s.id desc limit 1", code);
    }

    @Test
    void aReDownloadWithAnotherMessageIdAndExportTimeIsTheSameStatement() {
        String code = account("redl");
        long first = upload(september(iban(code), "MSG-1", "2026-10-01T06:00:00", 2500, 700), false).statusCode(201)
                .extract().jsonPath().getLong("statementId");
        upload(september(iban(code), "MSG-2", "2026-10-05T17:42:10", 2500, 700), false).statusCode(200)
                .body("created", equalTo(false)).body("statementId", equalTo((int) first))
                .body("inserted", equalTo(0));
        assertEquals(1, statements(code));
        assertEquals(2, lines(code));
        assertEquals(first, latest(code), "the latest statement is still the first import");
    }

    @Test
    void aBillDownloadedAgainLaterIsTheSameStatement() {
        String code = TestData.unique("aliredl");
        Accounts.createBank(code, "CNY", "Asia/Shanghai");
        byte[] first = Samples.bytes("alipay-flow.gbk.csv");
        byte[] later = Samples.text("alipay-flow.gbk.csv", TextDecoding.GBK)
                .replace("#导出时间：[2026年03月02日 10:12:13]", "#导出时间：[2026年03月09日 16:40:02]")
                .getBytes(TextDecoding.GBK);
        given().header("Authorization", FINANCE).contentType("application/octet-stream").queryParam("account", code)
                .body(first).when().post("/statements").then().statusCode(201);
        given().header("Authorization", FINANCE).contentType("application/octet-stream").queryParam("account", code)
                .body(later).when().post("/statements").then().statusCode(200).body("created", equalTo(false));
        assertEquals(1, statements(code));
        assertEquals(3, lines(code));
    }

    @Test
    void aCorrectedReIssueIsRefusedSayingWhatDiffersAndChangesNothing() {
        String code = account("reiss");
        upload(september(iban(code), "MSG-1", "2026-10-01T06:00:00", 2500), false).statusCode(201);
        upload(september(iban(code), "MSG-2", "2026-10-02T06:00:00", 2500, 700), false).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("statement number 9 for 2026-09-01 to 2026-09-30 of account '" + code
                        + "' was imported before"))
                .body("detail", containsString("1 line the stored statement lacks (first at line"))
                .body("detail", containsString("closing balance 132.00 EUR instead of 125.00 EUR"))
                .body("detail", containsString("import the file again with replace=true"));
        assertEquals(1, statements(code));
        assertEquals(1, lines(code));
        assertEquals(12500L, (Long) TestDb.scalar(
                "select s.closing_balance_minor from statements s join accounts a on a.id = s.account_id"
                        + " where a.code = ?",
                code));
    }

    @Test
    void replaceTrueReplacesTheStoredStatementInPlaceAndIsAudited() {
        String code = account("repl");
        long id = upload(september(iban(code), "MSG-1", "2026-10-01T06:00:00", 2500, 400, 300), false)
                .statusCode(201)
                .extract().jsonPath().getLong("statementId");
        upload(september(iban(code), "MSG-2", "2026-10-02T06:00:00", 2500, 900), true).statusCode(201)
                .body("statementId", equalTo((int) id))
                .body("statements[0].replaced.lines", equalTo(3))
                .body("statements[0].replaced.closingBalanceMinor", equalTo(13200))
                .body("statements[0].replaced.linesAdded", equalTo(0))
                .body("statements[0].replaced.linesDropped", equalTo(1));
        assertEquals(1, statements(code));
        assertEquals(2, lines(code));
        assertEquals(900L, (Long) TestDb.scalar(
                "select amount_minor from statement_lines where statement_id = ? and line_key like '%REF-2%'", id));
        assertEquals(13400L, (Long) TestDb.scalar("select closing_balance_minor from statements where id = ?", id));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'statement.replaced'"
                + " and entity_type = 'statement' and entity_id = ? and actor like 'fiona%'", String.valueOf(id)));
    }

    @Test
    void aStatementWhoseLinesAreMatchedIsNotReplaced() {
        String code = account("replm");
        long id = upload(september(iban(code), "MSG-1", "2026-10-01T06:00:00", 2500), false).statusCode(201)
                .extract().jsonPath().getLong("statementId");
        long line = TestDb.count("select id from statement_lines where statement_id = ?", id);
        long account = TestDb.count("select id from accounts where code = ?", code);
        long match = TestDb.count("""
                insert into matches (account_id, kind, rule, confidence, status, currency, left_total_minor,
                                     right_total_minor, difference_minor, created_by)
                values (?, 'settlement_bank', 'test', 1, 'confirmed', 'EUR', 2500, 2500, 0, 'test') returning id""",
                account);
        TestDb.update("""
                insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
                values (?, 'settlement_bank', 'right', 'statement_line', ?, 2500)""", match, line);
        upload(september(iban(code), "MSG-2", "2026-10-02T06:00:00", 2500, 700), true).statusCode(409)
                .body("detail",
                        containsString("cannot be replaced: 1 of its lines is matched or named by an exception"));
        assertEquals(1, lines(code));
        assertEquals(12500L, (Long) TestDb.scalar("select closing_balance_minor from statements where id = ?", id));
    }
}
