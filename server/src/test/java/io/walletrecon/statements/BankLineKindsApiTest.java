package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.statements.BankFiles.Entry;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.statements.BankFiles.ADMIN;
import static io.walletrecon.statements.BankFiles.FINANCE;
import static io.walletrecon.statements.BankFiles.accountId;
import static io.walletrecon.statements.BankFiles.kind;
import static io.walletrecon.statements.BankFiles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bank's fees and interest are classified at import, by transaction code or by the account's keywords, so
 * matching never takes them for receipts or for debits that need an order; and what was imported can be seen.
 */
@QuarkusTest
class BankLineKindsApiTest {

    static final String DAY = "2031-06-10";

    @Test
    void camtFeesAndInterestAreClassifiedByTheirBankTransactionCode() {
        String bank = Accounts.createBank(TestData.unique("btc"), "EUR", "Europe/Berlin");
        upload(bank, BankFiles.camt053("S-" + bank, "EUR", DAY, 10000,
                Entry.debit("4.90", DAY).ref("F-" + bank).code("PMNT/MDOP/CHRG"),
                Entry.credit("1.23", DAY).ref("I-" + bank).code("ACMT/MCOP/INTR"),
                Entry.credit("99.00", DAY).ref("P-" + bank).code("PMNT/RCDT/ESCT").from("DE02100100100006820101")))
                .statusCode(201);
        assertEquals("fee", kind(bank, "F-" + bank));
        assertEquals("interest", kind(bank, "I-" + bank));
        assertEquals("payment", kind(bank, "P-" + bank));
    }

    @Test
    void mt940FeesAndInterestAreClassifiedByTheirTransactionType() {
        String bank = Accounts.createBank(TestData.unique("swift"), "EUR", "Europe/Berlin");
        String mt940 = """
                :20:STMT1
                :25:DE00TEST0123456789
                :28C:1/1
                :60F:C310609EUR100,00
                :61:310610D2,50NCHGNONREF//C-1
                :86:Buchungsposten
                :61:310610C0,75NINTNONREF//I-1
                :86:Gutschrift
                :61:310610D1,00NCOMNONREF//M-1
                :61:310610C10,00NTRFNONREF//T-1
                :62F:C310610EUR107,25
                -
                """;
        mt940(bank, mt940).statusCode(201);
        assertEquals("fee", kind(bank, "C-1"));
        assertEquals("interest", kind(bank, "I-1"));
        assertEquals("fee", kind(bank, "M-1"));
        assertEquals("payment", kind(bank, "T-1"));
    }

    @Test
    void chineseKeywordsClassifyTheBanksOwnPostingsButNotACustomersTransfer() {
        String bank = Accounts.createBank(TestData.unique("cn"), "CNY", "Asia/Shanghai");
        upload(bank, BankFiles.camt053("S-" + bank, "CNY", DAY, 500000,
                Entry.debit("15.00", DAY).ref("F-" + bank).info("跨行汇款手续费"),
                Entry.credit("3.21", DAY).ref("I-" + bank).remittance("活期存款结息 利息"),
                Entry.credit("800.00", DAY).ref("P-" + bank).remittance("货款及逾期利息")
                        .from("CN6210000000000000000001")))
                .statusCode(201);
        assertEquals("fee", kind(bank, "F-" + bank));
        assertEquals("interest", kind(bank, "I-" + bank));
        assertEquals("payment", kind(bank, "P-" + bank), "a transfer from a customer's account is a payment");
    }

    @Test
    void germanKeywordsInThePostingTextClassifyMt940Lines() {
        String bank = Accounts.createBank(TestData.unique("de"), "EUR", "Europe/Berlin");
        String mt940 = """
                :20:STMT1
                :25:DE00TEST0123456788
                :28C:1/1
                :60F:C310609EUR100,00
                :61:310610D7,90NMSCNONREF//K-1
                :86:805?00Kontoführung?20Entgelt Mai
                :61:310610D3,10NMSCNONREF//Z-1
                :86:805?00Abschluss?20Sollzinsen 2. Quartal
                :61:310610C10,00NTRFNONREF//T-1
                :86:166?00Gutschrift?20RE 4711
                :62F:C310610EUR99,00
                -
                """;
        mt940(bank, mt940).statusCode(201);
        assertEquals("fee", kind(bank, "K-1"));
        assertEquals("interest", kind(bank, "Z-1"));
        assertEquals("payment", kind(bank, "T-1"));
    }

    @Test
    void anAccountsOwnKeywordsReplaceTheBuiltInOnesAndAreAudited() {
        String bank = Accounts.createBank(TestData.unique("kw"), "EUR", "Europe/Berlin");
        given().header("Authorization", FINANCE).when().get("/statements/keywords/" + bank).then().statusCode(200)
                .body("builtIn", equalTo(true)).body("feeKeywords", org.hamcrest.Matchers.hasItem("手续费"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("feeKeywords", List.of(" Porto ", "Spesen"), "interestKeywords", List.of("Guthabenzins")))
                .when().put("/statements/keywords/" + bank).then().statusCode(200)
                .body("builtIn", equalTo(false)).body("feeKeywords", equalTo(List.of("Porto", "Spesen")));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'statement.keywords.updated'"
                + " and entity_id = ?", bank));

        upload(bank, BankFiles.camt053("S-" + bank, "EUR", DAY, 10000,
                Entry.debit("1.20", DAY).ref("P-" + bank).info("PORTO Kontoauszug"),
                Entry.debit("2.00", DAY).ref("H-" + bank).info("手续费"),
                Entry.credit("0.40", DAY).ref("G-" + bank).info("Guthabenzins"))).statusCode(201);
        assertEquals("fee", kind(bank, "P-" + bank));
        assertEquals("payment", kind(bank, "H-" + bank), "the built-in words no longer apply");
        assertEquals("interest", kind(bank, "G-" + bank));
    }

    @Test
    void keywordListsAreValidatedAndOnlyForBankAccounts() {
        String bank = Accounts.createBank(TestData.unique("kwv"), "EUR", "Europe/Berlin");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("feeKeywords", List.of("Zinsen"), "interestKeywords", List.of("zinsen")))
                .when().put("/statements/keywords/" + bank).then().statusCode(400)
                .body("errors[0].field", equalTo("interestKeywords"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("feeKeywords", List.of("Porto"), "interestKeywords", List.of()))
                .when().put("/statements/keywords/" + bank).then().statusCode(403);
        String wallet = TestData.unique("kws");
        Accounts.createStripe(wallet, "whsec_" + wallet);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("feeKeywords", List.of("Porto"), "interestKeywords", List.of()))
                .when().put("/statements/keywords/" + wallet).then().statusCode(422)
                .body("detail", containsString("bank accounts only"));
        given().header("Authorization", FINANCE).when().get("/statements/keywords/nope-" + bank).then()
                .statusCode(404);
    }

    @Test
    void statementLinesShowTheirOpenExceptionAndAnotherCompanysStatementIsNotFound() {
        String bank = Accounts.createBank(TestData.unique("view"), "EUR", "Europe/Berlin");
        long id = upload(bank, BankFiles.camt053("S-" + bank, "EUR", DAY, 0,
                Entry.credit("12.00", DAY).ref("A-" + bank).remittance("unknown payer"),
                Entry.credit("8.00", DAY).ref("B-" + bank))).statusCode(201).extract().jsonPath()
                .getLong("statementId");
        long line = TestDb.count("select id from statement_lines where bank_reference = ?", "A-" + bank);
        long exception = TestDb.count("insert into recon_exceptions (account_id, type, currency, actual_minor,"
                + " statement_line_id, business_date, detail, dedupe_key) values (?, 'unmatched_receipt', 'EUR', 1200,"
                + " ?, ?, 'test', ?) returning id", accountId(bank), line, java.sql.Date.valueOf(DAY), "t:" + line);

        given().header("Authorization", FINANCE).queryParam("size", 1).when().get("/statements/" + id + "/lines")
                .then().statusCode(200).body("total", equalTo(2)).body("size", equalTo(1))
                .body("items[0].id", equalTo((int) line)).body("items[0].matchState", equalTo("unmatched"))
                .body("items[0].exception.id", equalTo((int) exception))
                .body("items[0].exception.type", equalTo("unmatched_receipt"))
                .body("items[0].exception.status", equalTo("open"));
        given().header("Authorization", FINANCE).queryParam("company", TestCompanies.DEFAULT)
                .when().get("/statements/" + id + "/lines").then().statusCode(200);
        String other = TestCompanies.create("other").code();
        given().header("Authorization", FINANCE).queryParam("company", other)
                .when().get("/statements/" + id + "/lines").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", FINANCE).when().get("/statements/999999999/lines").then().statusCode(404);
        given().header("Authorization", FINANCE).queryParam("company", other).queryParam("account", bank)
                .when().get("/statements").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", FINANCE).queryParam("account", bank).queryParam("from", "2031-06-11")
                .when().get("/statements").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", FINANCE).queryParam("account", bank).queryParam("from", DAY)
                .queryParam("to", DAY).when().get("/statements").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].unmatched", equalTo(2));
        given().header("Authorization", FINANCE).queryParam("size", 0).when().get("/statements").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
    }

    static io.restassured.response.ValidatableResponse mt940(String account, String file) {
        return given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("charset", "UTF-8")
                .body(file.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then();
    }
}
