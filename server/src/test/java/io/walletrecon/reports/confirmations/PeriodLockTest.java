package io.walletrecon.reports.confirmations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reviewed confirmation locks its account's March: people and runs cannot change it until it is reopened. */
@QuarkusTest
class PeriodLockTest {

    static final String FINANCE = TestJwt.bearer("pl-clerk", "finance");

    @Test
    void aLockedPeriodRefusesAManualMatchAnUnmatchAndAnExceptionResolveUntilReopenedWithAReason() {
        String account = ConfirmationMonths.month(true);
        long exception = TestDb.count("select min(e.id) from recon_exceptions e join accounts a on a.id = e.account_id "
                + "where a.code = ? and e.status = 'open' and e.business_date = '2035-03-20'", account);
        long ledgerMatch = TestDb.count("select min(m.id) from matches m join accounts a on a.id = m.account_id "
                + "where a.code = ? and m.kind = 'ledger_bank' and m.status = 'confirmed'", account);
        long lock = BalanceConfirmationTest.lock(account, true);
        // The company books the 888.00 in April; matching it to March's bank line changes March.
        io.walletrecon.reports.bankrec.BankReconciliationStatementTest.journal(account,
                "2035-04-02,记-0041,杭州云栖科技有限公司,货款 0320,888.00,\n");
        List<Map<String, Object>> items = List.of(
                Map.of("side", "left", "type", "ledger_entry", "id", id("select e.id from ledger_entries e "
                        + "join accounts a on a.id = e.account_id where a.code = ? and e.entry_date = '2035-04-02'",
                        account)),
                Map.of("side", "right", "type", "statement_line", "id", id("select l.id from statement_lines l "
                        + "join accounts a on a.id = l.account_id where a.code = ? and l.amount_minor = 88800",
                        account)));
        String locked = "locked by reviewed balance confirmation " + lock;

        manual(account, items).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(locked)).body("errors[0].field", equalTo("balanceConfirmation"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("reason", "wrong pair")).when().post("/matches/" + ledgerMatch + "/unmatch")
                .then().statusCode(409).body("detail", containsString("match " + ledgerMatch + " dated 2035-03-"));
        resolve(exception).statusCode(409).body("detail", containsString(locked));
        assertEquals("open", TestDb.scalar("select status from recon_exceptions where id = ?", exception));

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/balance-confirmations/" + lock + "/reopening").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("reason", "the 888.00 was booked in April"))
                .when().post("/balance-confirmations/" + lock + "/reopening").then().statusCode(200)
                .body("state", equalTo("reopened")).body("locksPeriod", equalTo(false))
                .body("reopenReason", equalTo("the 888.00 was booked in April"));
        assertEquals("the 888.00 was booked in April", TestDb.scalar("select reason from audit_log "
                + "where action = 'balance-confirmation.reopened' and entity_id = ?", String.valueOf(lock)));

        manual(account, items).statusCode(201);
        resolve(exception).statusCode(200).body("status", equalTo("resolved"));
    }

    @Test
    void aRunOverALockedPeriodChangesNothingInIt() {
        String account = ConfirmationMonths.month(false);
        long lock = BalanceConfirmationTest.lock(account, false);

        ConfirmationMonths.run(account);
        assertEquals(0, ConfirmationMonths.matches(account), "no match of a locked day");
        assertEquals(0, ConfirmationMonths.exceptions(account), "no exception about a locked day");

        BalanceConfirmationTest.reopen(lock, "matching was not run before the confirmation");
        ConfirmationMonths.run(account);
        assertTrue(ConfirmationMonths.matches(account) >= 2, "the same run matches the month once it is open");
        assertTrue(ConfirmationMonths.exceptions(account) >= 1, "the 888.00 nobody booked");
    }

    private static io.restassured.response.ValidatableResponse manual(String account,
            List<Map<String, Object>> items) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "kind", "ledger_bank", "items", items, "reason",
                        "booked late in April"))
                .when().post("/matches").then().log().ifValidationFails();
    }

    private static io.restassured.response.ValidatableResponse resolve(long exception) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved", "reason", "interest the journal books in April"))
                .when().post("/exceptions/" + exception + "/resolve").then().log().ifValidationFails();
    }

    private static long id(String sql, String account) {
        return TestDb.count(sql, account);
    }
}
