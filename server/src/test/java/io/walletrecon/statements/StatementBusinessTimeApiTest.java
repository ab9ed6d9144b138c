package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statement periods and line dates in the business time of the statement's account, whatever other accounts' zones
 * are and whether the file is routed by the number it names.
 */
@QuarkusTest
class StatementBusinessTimeApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    /** A camt.053 statement of {@code iban}: one credit entry booked at {@code booked} (none if null). */
    static String camt(String iban, String id, String from, String to, long opening, long credit, String booked) {
        String entry = booked == null ? "" : """
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><DtTm>%s</DtTm></BookgDt><ValDt><DtTm>%s</DtTm></ValDt><AcctSvcrRef>%s-1</AcctSvcrRef></Ntry>
                """.formatted(decimal(credit), booked, booked, id);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>%2$s-MSG</MsgId><CreDtTm>2026-11-02T06:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>%2$s</Id><CreDtTm>2026-11-02T06:00:00</CreDtTm>
                <FrToDt><FrDtTm>%3$s</FrDtTm><ToDtTm>%4$s</ToDtTm></FrToDt>
                <Acct><Id><IBAN>%1$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-09-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%6$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-09-01</Dt></Dt></Bal>
                %7$s</Stmt></BkToCstmrStmt></Document>
                """
                .formatted(iban, id, from, to, decimal(opening), decimal(opening + credit), entry);
    }

    static String decimal(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

    static String iban() {
        return "DE89" + String.format("%018d",
                java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
    }

    static JsonPath october(String account) {
        return given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    static void upload(String xml) {
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .body(xml.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then().statusCode(201);
    }

    @Test
    void aBerlinStatementWithoutOffsetsIsSeptembersAndTheOctoberReportUsesItAsOpening() {
        String code = TestData.unique("berlin");
        String iban = iban();
        Accounts.createBank(code, "EUR", "Europe/Berlin", iban);
        // another numbered account in another zone: the file's zone is not "the one zone all accounts share"
        Accounts.createBank(TestData.unique("newyork"), "EUR", "America/New_York", iban());
        upload(camt(iban, "SEP", "2026-09-01T00:00:00", "2026-10-01T00:00:00", 100000, 2500, "2026-09-30T23:30:00"));
        upload(camt(iban, "OCT", "2026-10-01T00:00:00", "2026-11-01T00:00:00", 102500, 0, null));

        JsonPath json = october(code);
        assertEquals(102500, json.getInt("figures.openingBalanceMinor"), "September's closing opens October");
        assertEquals("2026-10-31", json.getString("figures.reportedAsOf"));
        assertEquals(102500, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals(0, json.getInt("figures.differenceMinor"));
        long account = TestDb.count("select id from accounts where code = ?", code);
        assertEquals("2026-09-30", TestDb.scalar(
                "select period_end::text from statements where account_id = ? and statement_ref = 'SEP'", account));
        assertEquals("2026-09-30", TestDb.scalar(
                "select value_date::text from statement_lines where account_id = ? and line_key like '%SEP-1%'",
                account));
    }

    @Test
    void utcTimesOfARoutedFileAreDatesOfTheAccountItNames() {
        String berlin = TestData.unique("berlinz");
        String berlinIban = iban();
        Accounts.createBank(berlin, "EUR", "Europe/Berlin", berlinIban);
        String newYork = TestData.unique("nyz");
        String newYorkIban = iban();
        Accounts.createBank(newYork, "EUR", "America/New_York", newYorkIban);
        // 22:30 UTC on 30 September is 00:30 on 1 October in Berlin (summer time) and 18:30 on 30 September in
        // New York; 23:30 UTC on 31 October is 00:30 on 1 November in Berlin (winter time) and 19:30 in New York.
        upload(camt(berlinIban, "B-SEP", "2026-09-01T00:00:00Z", "2026-10-31T23:00:00Z", 0, 1000,
                "2026-09-30T22:30:00Z"));
        upload(camt(newYorkIban, "N-SEP", "2026-09-01T04:00:00Z", "2026-10-31T23:00:00Z", 0, 1000,
                "2026-10-31T23:30:00Z"));
        assertEquals("2026-10-01", valueDate(berlin));
        assertEquals("2026-10-31", valueDate(newYork));
        assertEquals("2026-10-31", periodEnd(berlin), "23:00 UTC is midnight in Berlin, which ends 31 October");
        assertEquals("2026-10-31", periodEnd(newYork));
    }

    static String valueDate(String code) {
        return TestDb.scalar("select l.value_date::text from statement_lines l join accounts a on a.id = l.account_id"
                + " where a.code = ?", code);
    }

    static String periodEnd(String code) {
        return TestDb.scalar("select s.period_end::text from statements s join accounts a on a.id = s.account_id"
                + " where a.code = ?", code);
    }
}
