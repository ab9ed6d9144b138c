package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StatementsApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static String account(String currency, String zone) {
        String code = TestData.unique("stmt");
        Accounts.createBank(code, currency, zone);
        return code;
    }

    static io.restassured.response.ValidatableResponse upload(String account, byte[] file, String format) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .header("X-File-Name", "upload.dat")
                .queryParam("account", account).body(file);
        if (format != null) {
            req = req.queryParam("format", format);
        }
        return req.when().post("/statements").then();
    }

    static long accountId(String code) {
        return TestDb.count("select id from accounts where code = ?", code);
    }

    @Test
    void camt053IsImportedWithBalancesAndBatchLinesAndTheSameFileAgainIsANoOp() {
        String acct = account("EUR", "Europe/Berlin");
        long statementId = ((Number) upload(acct, Samples.bytes("camt053-v02.xml"), null)
                .statusCode(201)
                .body("format", equalTo("camt053"))
                .body("created", equalTo(true))
                .body("lines", equalTo(4))
                .body("inserted", equalTo(4))
                .body("openingBalanceMinor", equalTo(100000))
                .body("closingBalanceMinor", equalTo(153750))
                .extract().path("statementId")).longValue();
        assertEquals(4L, TestDb.count("select line_count from statements where id = ?", statementId));
        assertEquals(53750L,
                TestDb.count("select sum(amount_minor) from statement_lines where statement_id = ?", statementId));
        assertEquals("E2E-INV-2026-0042", TestDb.scalar(
                "select end_to_end_id from statement_lines where statement_id = ? and line_key = 'camt053:2026030200001'",
                statementId));
        assertEquals("Müller & Söhne GmbH",
                TestDb.scalar(
                        "select counterparty_name from statement_lines where statement_id = ? and amount_minor = 25000",
                        statementId));

        upload(acct, Samples.bytes("camt053-v02.xml"), null)
                .statusCode(200)
                .body("created", equalTo(false))
                .body("statementId", equalTo((int) statementId))
                .body("inserted", equalTo(0));
        assertEquals(1L, TestDb.count("select count(*) from statements where account_id = ?", accountId(acct)));
        assertEquals(4L, TestDb.count("select count(*) from statement_lines where account_id = ?", accountId(acct)));
        assertEquals(1L,
                TestDb.count("select count(*) from audit_log where action = 'statement.imported' and entity_id = ?",
                        String.valueOf(statementId)));
    }

    @Test
    void anOverlappingFileAddsOnlyTheLinesNotSeenBefore() {
        String acct = account("EUR", "Europe/Berlin");
        upload(acct, Samples.bytes("camt053-v02.xml"), null).statusCode(201);
        String next = new String(Samples.bytes("camt053-v02.xml"), StandardCharsets.UTF_8)
                .replace("<ToDtTm>2026-03-02T23:59:59+01:00</ToDtTm>", "<ToDtTm>2026-03-03T23:59:59+01:00</ToDtTm>");
        upload(acct, next.getBytes(StandardCharsets.UTF_8), null)
                .statusCode(201).body("lines", equalTo(4)).body("inserted", equalTo(0))
                .body("alreadyPresent", equalTo(4));
        assertEquals(4L, TestDb.count("select count(*) from statement_lines where account_id = ?", accountId(acct)));
    }

    @Test
    void mt940WithNegativeOpeningAndMultiLine86() {
        String acct = account("EUR", "Europe/Berlin");
        upload(acct, Samples.bytes("mt940.txt"), null)
                .statusCode(201).body("format", equalTo("mt940"))
                .body("openingBalanceMinor", equalTo(-150000)).body("closingBalanceMinor", equalTo(48450))
                .body("inserted", equalTo(3));
        assertEquals("Zahlung Rechnung INV-2026-0042 Kunde Shanghai Example Trading Co Ltd Code WR7KQ4MXJ",
                TestDb.scalar(
                        "select remittance_info from statement_lines where account_id = ? and bank_reference = 'BNK0001'",
                        accountId(acct)));
    }

    @Test
    void alipayGbkBillKeepsChineseNamesAndTheProviderSideForMatching() {
        String acct = account("CNY", "Asia/Shanghai");
        upload(acct, Samples.bytes("alipay-bill.gbk.csv"), null).statusCode(201).body("format", equalTo("alipay"))
                .body("inserted", equalTo(3));
        long id = accountId(acct);
        assertEquals("张三", TestDb.scalar(
                "select counterparty_name from statement_lines where account_id = ? and kind = 'payment' and amount_minor = 8888",
                id));
        assertEquals(173L, TestDb
                .count("select sum(fee_minor) from statement_lines where account_id = ? and kind = 'payment'", id));
        assertEquals("ORDER-20260301-001", TestDb
                .scalar("select merchant_reference from statement_lines where account_id = ? and kind = 'refund'", id));
    }

    @Test
    void wechatAndStripeBillsAreImportedAndFormatCanBeForced() {
        String cny = account("CNY", "Asia/Shanghai");
        upload(cny, Samples.bytes("wechatpay-bill.csv"), "wechatpay").statusCode(201).body("inserted", equalTo(3));
        String usd = account("USD", "America/New_York");
        upload(usd, Samples.bytes("stripe-balance.csv"), null).statusCode(201).body("format", equalTo("stripe"))
                .body("inserted", equalTo(4));
        assertEquals(3L, TestDb.count(
                "select count(*) from statement_lines where account_id = ? and payout_id = 'po_1PqZZZ' and kind <> 'payout'",
                accountId(usd)));
    }

    @Test
    void statementThatDoesNotAddUpIsRejectedWithTheDifferenceAndNothingIsStored() {
        String acct = account("EUR", "Europe/Berlin");
        String xml = new String(Samples.bytes("camt053-v02.xml"), StandardCharsets.UTF_8).replace(">1537.50<",
                ">1500.00<");
        upload(acct, xml.getBytes(StandardCharsets.UTF_8), null)
                .statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo(
                        "The lines do not add up: opening 1000.00 EUR plus lines 537.50 EUR is 1537.50 EUR but the closing balance is 1500.00 EUR (difference -37.50 EUR)"));
        assertEquals(0L, TestDb.count("select count(*) from statements where account_id = ?", accountId(acct)));
        assertEquals(0L, TestDb.count("select count(*) from statement_lines_staging"));
    }

    @Test
    void malformedFileIsRejectedNamingTheLine() {
        String acct = account("USD", "America/New_York");
        String csv = new String(Samples.bytes("stripe-balance.csv"), StandardCharsets.UTF_8).replace("2500.00,72.80",
                "25x0.00,72.80");
        upload(acct, csv.getBytes(StandardCharsets.UTF_8), null)
                .statusCode(422)
                .body("errors[0].line", equalTo(4))
                .body("detail", startsWith("Line 4: gross: '25x0.00' is not a decimal amount"));
        assertEquals(0L, TestDb.count("select count(*) from statement_lines where account_id = ?", accountId(acct)));
    }

    @Test
    void unknownMessageTypesAndUnrecognisedFilesAreRejected() {
        String acct = account("EUR", "Europe/Berlin");
        byte[] camt086 = new String(Samples.bytes("camt053-v02.xml"), StandardCharsets.UTF_8)
                .replace("camt.053.001.02", "camt.086.001.02")
                .getBytes(StandardCharsets.UTF_8);
        upload(acct, camt086, null).statusCode(422)
                .body("errors[0].message", equalTo(
                        "message type camt.086.001.02 is not a bank-to-customer statement, report or notification "
                                + "(camt.052, camt.053, camt.054)"));
        upload(acct, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), null).statusCode(422)
                .body("detail", startsWith("The file's format was not recognised"));
        upload(acct, "a,b\n".getBytes(StandardCharsets.UTF_8), "paypal").statusCode(400).body("errors[0].field",
                equalTo("format"));
        upload("no-such-" + acct, Samples.bytes("mt940.txt"), null).statusCode(404);
    }

    @Test
    void repeatedTransactionInsideOneFileIsRejected() {
        String acct = account("USD", "America/New_York");
        String csv = new String(Samples.bytes("stripe-balance.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        String twice = csv + lines[1] + "\n";
        upload(acct, twice.getBytes(StandardCharsets.UTF_8), null).statusCode(422)
                .body("errors[0].line", equalTo(6))
                .body("errors[0].message", equalTo("repeats the transaction of line 2 (stripe:txn_1PqA2bC3dE4fG5hI)"));
    }

    @Test
    void approverCannotImport() {
        given().header("Authorization", TestJwt.bearer("al", "approver")).contentType("application/octet-stream")
                .queryParam("account", "x").body(new byte[]{1}).when().post("/statements").then().statusCode(403);
    }
}
