package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.BOOKED_CHARGE;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.BOOKED_PAYMENT;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.BOOKED_TRANSFER;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.CHARGE;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.CHEQUE_NOT_PRESENTED;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.FINANCE;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.PAYMENT;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.TRANSFER;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.UNKNOWN_PAYER;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.journal;
import static io.walletrecon.reports.ReconciliationStatementOfABankAccountTest.march;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One book balance of a bank account with a journal: the reconciliation statement, the bank reconciliation
 * statement (余额调节表) and the overview report the same figure for the same account and day, whether the journal
 * starts inside the bank's statements (it opens at the bank's balance) or carries its own opening entry before them.
 */
@QuarkusTest
class OneBookBalanceTest {

    final TestCompanies.Company company = TestCompanies.create("one-book");

    private String bankWith(String statement) {
        String account = TestData.unique("bank-book");
        Accounts.create(Map.of("code", account, "company", company.code(), "provider", "bank", "name",
                "Bank " + account, "currency", "EUR", "timeZone", "Europe/Berlin"));
        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("charset", "UTF-8")
                .body(statement.replace("ACCOUNT", account).getBytes(StandardCharsets.UTF_8))
                .when().post("/statements").then().statusCode(201);
        return account;
    }

    /** The book balance on 31 March 2026 as the three reports give it, in minor units. */
    private List<Long> bookOn31March(String account) {
        JsonPath statement = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
        JsonPath bankRec = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("date", "2026-03-31")
                .when().get("/reports/bank-reconciliation").then().statusCode(200).extract().jsonPath();
        JsonPath overview = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("company", company.code())
                .when().get("/reports/overview").then().statusCode(200).extract().jsonPath();
        return List.of(statement.getLong("figures.closingBalanceMinor"),
                bankRec.getLong("journal.balance.amountMinor"),
                overview.getLong("accounts.find { it.account == '" + account + "' }.bookBalanceMinor"));
    }

    @Test
    void aJournalThatStartsInsideTheBanksStatementsOpensAtTheBanksBalanceInEveryReport() {
        String account = bankWith(march("ACCOUNT", "1725.50", TRANSFER, PAYMENT, UNKNOWN_PAYER, CHARGE));
        journal(account, BOOKED_TRANSFER, BOOKED_PAYMENT, CHEQUE_NOT_PRESENTED);

        // 1,000.00 at the bank on 5 March + 800.00 − 120.00 − 300.00 booked
        assertEquals(List.of(138_000L, 138_000L, 138_000L), bookOn31March(account));
    }

    @Test
    void aJournalWithItsOwnOpeningEntryBeforeTheBanksStatementsCountsItOnceInEveryReport() {
        String account = bankWith(march("ACCOUNT", "1675.50", TRANSFER, PAYMENT, CHARGE));
        journal(account, "2026-02-28,记-0000,,期初余额,1000.00\n", BOOKED_TRANSFER, BOOKED_PAYMENT, BOOKED_CHARGE);

        // the journal's own opening 1,000.00 + 800.00 − 120.00 − 4.50, and the bank agrees
        assertEquals(List.of(167_550L, 167_550L, 167_550L), bookOn31March(account));
    }
}
