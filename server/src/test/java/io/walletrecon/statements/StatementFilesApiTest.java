package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files as banks and providers deliver them: several days and accounts, archives, browser uploads, damaged bytes. */
@QuarkusTest
class StatementFilesApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");

    static String day(int day, String account, long opening, long amount, String bankRef) {
        long closing = opening + amount;
        return """
                :20:STMT%1$02d
                :25:%2$s
                :28C:%1$d/1
                :60F:C2603%1$02dEUR%3$s
                :61:2603%1$02d%4$s%5$sNTRFNONREF//%6$s
                :86:/REMI/USTD//Invoice %6$s/
                :62F:C2603%1$02dEUR%7$s
                -
                """.formatted(day, account, swift(opening), amount < 0 ? "D" : "C", swift(Math.abs(amount)), bankRef,
                swift(closing));
    }

    static String swift(long minor) {
        return (minor / 100) + "," + String.format("%02d", minor % 100);
    }

    static io.restassured.response.ValidatableResponse upload(String account, byte[] file) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream").body(file);
        if (account != null) {
            req = req.queryParam("account", account);
        }
        return req.when().post("/statements").then();
    }

    /** An account number no other test uses: {@code prefix} and ten random digits. */
    static String number(String prefix) {
        return prefix
                + String.format("%010d", java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    static long accountId(String code) {
        return TestDb.count("select id from accounts where code = ?", code);
    }

    static long statements(String code) {
        return TestDb.count("select count(*) from statements where account_id = ?", accountId(code));
    }

    static long lines(String code) {
        return TestDb.count("select count(*) from statement_lines where account_id = ?", accountId(code));
    }

    @Test
    void aFileOfSeveralDaysBecomesOneStatementPerDayAndEachIsImportedOnce() {
        String acct = TestData.unique("days");
        Accounts.createBank(acct, "EUR", "Europe/Amsterdam");
        String d1 = day(1, "NL91ABNA0417164300", 10000, 5000, "B1");
        String d2 = day(2, "NL91ABNA0417164300", 15000, -2000, "B2");
        String d3 = day(3, "NL91ABNA0417164300", 13000, 700, "B3");
        upload(acct, (d1 + d2).getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("statements.size()", equalTo(2))
                .body("statements[0].openingBalanceMinor", equalTo(10000))
                .body("statements[1].closingBalanceMinor", equalTo(13000))
                .body("openingBalanceMinor", equalTo(10000)).body("closingBalanceMinor", equalTo(13000));
        upload(acct, (d1 + d2).getBytes(StandardCharsets.UTF_8)).statusCode(200).body("created", equalTo(false));
        upload(acct, (d2 + d3).getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("statements[0].created", equalTo(false))
                .body("statements[1].created", equalTo(true))
                .body("inserted", equalTo(1));
        assertEquals(3, statements(acct));
        assertEquals(3, lines(acct));
        assertEquals(3, TestDb.count(
                "select count(*) from audit_log where action = 'statement.imported' and details::jsonb ->> 'account' = ?",
                acct));
    }

    @Test
    void aMultiAccountFileGoesToTheAccountsItNames() {
        String main = TestData.unique("main");
        String side = TestData.unique("side");
        String mainNumber = number("NL91ABNA");
        Accounts.createBank(main, "EUR", "Europe/Amsterdam", mainNumber.replaceAll("(.{4})", "$1 "));
        String sideNumber = number("019");
        Accounts.createBank(side, "EUR", "Europe/Berlin", sideNumber);
        String file = day(1, mainNumber + "EUR", 10000, 5000, "M1") + day(1, "50880050/" + sideNumber, 500, -100, "S1")
                + day(2, mainNumber + "EUR", 15000, 1, "M2");
        upload(null, file.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("statements.account", org.hamcrest.Matchers.contains(main, side, main))
                .body("account", nullValue())
                .body("lines", equalTo(3));
        assertEquals(2, statements(main));
        assertEquals(1, statements(side));
        assertEquals(-100L,
                TestDb.count("select amount_minor from statement_lines where account_id = ?", accountId(side)));
        assertEquals("50880050/" + sideNumber,
                TestDb.scalar("select account_in_file from statements where account_id = ?", accountId(side)));
    }

    @Test
    void aFileNamingAnAccountWeDoNotHaveIsRefusedWithThatNumberAndStoresNothing() {
        String main = TestData.unique("known");
        String number = number("DE8937040044");
        Accounts.createBank(main, "EUR", "Europe/Berlin", number);
        String file = day(1, number, 10000, 5000, "K1") + day(1, "FR7630006000011234567890189", 0, 100, "U1");
        upload(null, file.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("detail", equalTo(
                        "Line 9: account FR7630006000011234567890189 is not the account number of any account; nothing was imported"))
                .body("errors[0].line", equalTo(9));
        upload(main, file.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].message", containsString(
                        "the statement is for account FR7630006000011234567890189, but account '" + main + "'"));
        assertEquals(0, statements(main));
        assertEquals(0L, TestDb.count("select count(*) from statement_lines_staging"));
    }

    @Test
    void aFileThatDoesNotNameItsAccountNeedsAccountEvenIfAnotherAccountImportedIt() {
        String usd = TestData.unique("usd");
        Accounts.createBank(usd, "USD", "America/New_York");
        upload(usd, Samples.bytes("stripe-balance.csv")).statusCode(201);

        upload(null, Samples.bytes("stripe-balance.csv")).statusCode(400).body("errors[0].field", equalTo("account"));
    }

    @Test
    void aStatementInAnotherCurrencyThanItsAccountIsRefused() {
        String usd = TestData.unique("usd");
        Accounts.createBank(usd, "USD", "America/New_York");
        upload(usd, Samples.bytes("mt940.txt")).statusCode(422)
                .body("errors[0].message", equalTo("the statement is in EUR but account '" + usd + "' holds USD"));
    }

    @Test
    void accountsStateTheirNumberOnceNormalised() {
        String a = TestData.unique("num");
        String number = number("NL02RABO");
        Accounts.createBank(a, "EUR", "Europe/Amsterdam", number.toLowerCase().replaceAll("(.{4})", "$1 "));
        given().header("Authorization", ADMIN).get("/accounts/" + a).then().statusCode(200).body("accountNumber",
                equalTo(number));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", TestData.unique("dup"), "provider", "bank", "name", "Dup", "currency", "EUR",
                        "timeZone", "UTC",
                        "accountNumber", number))
                .post("/accounts").then().statusCode(409)
                .body("detail", containsString("already has account number " + number));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("accountNumber", "NL_1"))
                .patch("/accounts/" + a).then().statusCode(400).body("errors[0].field", equalTo("accountNumber"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("accountNumber", ""))
                .patch("/accounts/" + a).then().statusCode(200).body("accountNumber", nullValue());
    }

    @Test
    void aGzippedWechatBillAndAnAlipayZipCheckedAgainstItsSummaryAreImported() {
        String cny = TestData.unique("cny");
        Accounts.createBank(cny, "CNY", "Asia/Shanghai");
        upload(cny, Mutations.gzip(Samples.bytes("wechatpay-bill.csv"))).statusCode(201)
                .body("format", equalTo("wechatpay")).body("inserted", equalTo(3));
        upload(cny, Mutations.alipayZip()).statusCode(201).body("format", equalTo("alipay")).body("inserted",
                equalTo(3));
        String other = TestData.unique("cny");
        Accounts.createBank(other, "CNY", "Asia/Shanghai");
        byte[] summary = new String(Samples.bytes("alipay-bill-summary.gbk.csv"), TextDecoding.GBK)
                .replace("合计,,2,1,", "合计,,3,1,").getBytes(TextDecoding.GBK);
        byte[] zip = Mutations.zip("2088_20260301_业务明细.csv", Samples.bytes("alipay-bill.gbk.csv"),
                "2088_20260301_业务明细(汇总).csv", summary);
        upload(other, zip).statusCode(422)
                .body("errors[0].message", equalTo("2088_20260301_业务明细(汇总).csv: 交易订单总笔数 is 3 but the bill has 2"));
        assertEquals(0, statements(other));
    }

    @Test
    void aBrowserUploadsOneFileAsAMultipartForm() {
        String acct = TestData.unique("form");
        Accounts.createBank(acct, "EUR", "Europe/Berlin");
        given().header("Authorization", FINANCE).multiPart("account", acct)
                .multiPart("file", "MT940 2026-03-03.sta", Samples.bytes("mt940.txt"), "application/octet-stream")
                .when().post("/statements").then().statusCode(201).body("format", equalTo("mt940"))
                .body("inserted", equalTo(3));
        assertEquals("MT940 2026-03-03.sta",
                TestDb.scalar("select file_name from statements where account_id = ?", accountId(acct)));
        given().header("Authorization", FINANCE).multiPart("account", acct)
                .multiPart("file", "a.sta", Samples.bytes("mt940.txt"))
                .multiPart("other", "b.sta", Samples.bytes("mt940.txt"))
                .when().post("/statements").then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void aNulByteIsRefusedNamingItsLine() {
        String acct = TestData.unique("nul");
        Accounts.createBank(acct, "EUR", "Europe/Berlin");
        String text = new String(Samples.bytes("mt940.txt"), StandardCharsets.US_ASCII).replace("Kunde Shanghai",
                "Kunde\0Shanghai");
        upload(acct, text.getBytes(StandardCharsets.US_ASCII)).statusCode(422)
                .body("errors[0].line", equalTo(8))
                .body("errors[0].message", containsString("contains a NUL byte (0x00)"));
        assertEquals(0, statements(acct));
    }

    @Test
    void aDeeplyNestedCamtIsRefusedAtAFixedDepth() {
        String acct = TestData.unique("deep");
        Accounts.createBank(acct, "EUR", "Europe/Berlin");
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n");
        xml.append("<BkToCstmrStmt>\n").append("<Stmt>\n".repeat(80_000));
        upload(acct, xml.toString().getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].line", equalTo(42))
                .body("errors[0].message",
                        equalTo("elements are nested deeper than 40 levels; no camt message is, so this is not one"));
    }

    @Test
    void anIntradayReportAndTheDaysStatementDoNotCountALineTwice() {
        String acct = TestData.unique("intra");
        Accounts.createBank(acct, "EUR", "Europe/Amsterdam");
        String ref = TestData.unique("R");
        String report = CamtParserTest.document("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", "BkToCstmrAcctRpt",
                CamtParserTest.statement("Rpt", "RPT-" + ref, "NL26VAYB8060476890", null, null, "2.00", "CRDT", ref));
        upload(acct, report.getBytes(StandardCharsets.UTF_8)).statusCode(201).body("format", equalTo("camt052"))
                .body("inserted", equalTo(1))
                .body("closingBalanceMinor", nullValue());
        String statement = CamtParserTest.document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "BkToCstmrStmt",
                CamtParserTest.statement("Stmt", "STMT-" + ref, "NL26VAYB8060476890", "10.00", "12.00", "2.00", "CRDT",
                        ref));
        upload(acct, statement.getBytes(StandardCharsets.UTF_8)).statusCode(201).body("lines", equalTo(1))
                .body("inserted", equalTo(0))
                .body("alreadyPresent", equalTo(1));
        assertEquals(1, lines(acct));
        assertEquals(2, statements(acct));
    }
}
