package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TransactionsApiTest {

    private static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private String account;

    @BeforeEach
    void plantTransactions() {
        account = TestData.unique("jpy");
        Accounts.createBank(account, "JPY", "Asia/Tokyo");
        long id = TestDb.count("select id from accounts where code = ?", account);
        plant(id, "t1", 1000, "JPY", "succeeded", "2026-03-01T00:30:00Z", "2026-03-01");
        plant(id, "t2", 2500, "JPY", "pending", "2026-03-02T01:00:00Z", "2026-03-02");
        plant(id, "t3", 999, "JPY", "succeeded", "2026-03-05T02:00:00Z", "2026-03-05");
    }

    private static void plant(long accountId, String txn, long amount, String currency, String status, String at,
            String date) {
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, occurred_at, value_date) "
                        + "values (?, ?, 'in', ?, ?, ?, ?::timestamptz, ?::date)",
                accountId, txn, amount, currency, status, at, date);
    }

    @Test
    void listsByBusinessDateRangeWithExactAmounts() {
        given().header("Authorization", FINANCE)
                .queryParam("account", account).queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .when().get("/transactions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.providerTxnId", contains("t1", "t2"))
                .body("items.amount", contains("1000", "2500"))
                .body("items.amountMinor", contains(1000, 2500));
    }

    @Test
    void filtersByStatusAndPages() {
        given().header("Authorization", FINANCE)
                .queryParam("account", account).queryParam("status", "succeeded").queryParam("size", 1)
                .queryParam("page", 1)
                .when().get("/transactions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.providerTxnId", contains("t3"));
    }

    @Test
    void invalidFiltersAreListed() {
        given().header("Authorization", FINANCE)
                .queryParam("account", account).queryParam("status", "done").queryParam("size", 0)
                .when().get("/transactions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void malformedDateIsABadRequestNamingTheValue() {
        given().header("Authorization", FINANCE)
                .queryParam("account", account).queryParam("from", "2026-13-01")
                .when().get("/transactions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'2026-13-01' is not a date; use yyyy-MM-dd, for example 2026-11-30"));
    }
}
