package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.balances.BalanceFixtures;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /reports/overview} over the last 30 days of one company: a wallet whose book agrees with its provider's
 * balance, a bank account with a credit nobody has claimed, exceptions of every age, and a payment waiting for
 * approval. Dates are relative to today, as the exceptions' ages are.
 */
@QuarkusTest
class OverviewTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    /** The company, planted once for the class. */
    private static String company;
    private static String wallet;
    private static String bank;

    static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    private static synchronized void plant() {
        if (company != null) {
            return;
        }
        TestCompanies.Company c = TestCompanies.create("overview");
        long w = ReportFixtures.account(c.id(), "ov-wallet", "alipay", "EUR", "Europe/Berlin");
        ReportFixtures.statement(w, "EUR", day(30), day(2), 90_000);
        long paid = ReportFixtures.txn(w, "in", 100_000, null, "EUR", "succeeded", day(6), null);
        TestDb.update("update transactions set refunded_minor = 10000, status = 'partially_refunded' where id = ?",
                paid);
        ReportFixtures.txn(w, "in", 5_000, 100L, "EUR", "succeeded", day(0), null);
        ReportFixtures.match(w, paid, 100_000, "EUR", "confirmed");
        ReportFixtures.exception(w, "settlement_not_arrived", "open", "EUR", 30_000L, null, -30_000L, day(10),
                null);
        ReportFixtures.exception(w, "amount_mismatch", "in_review", "EUR", 1_000L, 900L, -100L, day(1), null);
        ReportFixtures.exception(w, "amount_mismatch", "open", "EUR", 2_000L, 1_900L, -100L, day(5), null);
        ReportFixtures.exception(w, "amount_mismatch", "resolved", "EUR", 2_000L, 1_900L, -100L, day(5), null);
        ReportFixtures.exception(w, "amount_mismatch", "open", "EUR", 2_000L, 1_900L, -100L, day(40), null);

        long b = ReportFixtures.account(c.id(), "ov-bank", "bank", "EUR", "Europe/Berlin");
        ReportFixtures.statement(b, "EUR", day(30), day(1), 52_000);
        BalanceFixtures.reconciled(b, BalanceFixtures.line(b, 50_000, null, "EUR", day(3), null));
        long unclaimed = BalanceFixtures.line(b, 2_000, null, "EUR", day(3), null);
        long receipt = ReportFixtures.exception(b, "unidentified_receipt", "open", "EUR", null, 2_000L, 2_000L,
                day(3), null);
        TestDb.update("update recon_exceptions set statement_line_id = ? where id = ?", unclaimed, receipt);
        awaitingApproval(b, 7_500);
        company = c.code();
        wallet = ReportFixtures.code(w);
        bank = ReportFixtures.code(b);
    }

    private static void awaitingApproval(long account, long amount) {
        long beneficiary = TestDb.count("insert into beneficiaries (company_id, kind, beneficiary_key, name, masked) "
                + "select company_id, 'bank_account', ?, 'Supplier GmbH', '****0000' from accounts where id = ? "
                + "returning id", TestData.unique("ben"), account);
        TestDb.update(
                "insert into payment_orders (type, account_id, beneficiary_id, amount_minor, currency, reference, "
                        + "execute_on, due_at, state, channel, created_by, idempotency_key, beneficiary_name) values "
                        + "('supplier_payment', ?, ?, ?, 'EUR', 'REF', current_date, now(), 'pending_approval', 'bank_file', "
                        + "'test', ?, 'Supplier GmbH')",
                account, beneficiary, amount, TestData.unique("idem"));
    }

    static JsonPath overview() {
        plant();
        return given().header("Authorization", FINANCE).queryParam("from", day(30)).queryParam("to", day(0))
                .queryParam("company", company).when().get("/reports/overview").then().statusCode(200).extract()
                .jsonPath();
    }

    static Map<String, Object> account(JsonPath json, String code) {
        return json.getMap("accounts.find { it.account == '" + code + "' }");
    }

    @Test
    void aWalletShowsItsReportedAndBookBalanceAndNoDifferenceWhenTheyAgree() {
        Map<String, Object> line = account(overview(), wallet);

        assertEquals("900.00", line.get("reportedBalance"));
        assertEquals(day(2), line.get("reportedAsOf"));
        assertEquals("949.00", line.get("bookBalance"), "900.00, then 50.00 less a fee of 1.00 today");
        assertEquals("0.00", line.get("difference"), "book and provider agree at the provider's date");
        assertEquals(day(2), line.get("lastStatementDate"));
        assertEquals(2, line.get("items"));
        assertEquals(1, line.get("matchedItems"));
        assertEquals(0.5f, ((Number) line.get("matchedShare")).floatValue());
        assertEquals(3, line.get("openExceptions"), "open or in review, business date in the period");
    }

    @Test
    void aBankAccountsBookIsItsReconciledLinesAndTheUnclaimedCreditIsTheDifference() {
        JsonPath json = overview();
        Map<String, Object> line = account(json, bank);

        assertEquals("reconciled_lines", line.get("bookSource"));
        assertEquals("520.00", line.get("reportedBalance"));
        assertEquals("500.00", line.get("bookBalance"));
        assertEquals("-20.00", line.get("difference"));
        assertEquals(2, line.get("items"));
        assertEquals(1, line.get("matchedItems"));
        assertEquals(List.of(Map.of("currency", "EUR", "count", 1, "amount", "20.00", "amountMinor", 2000)),
                json.getList("unidentifiedReceipts"));
    }

    @Test
    void openExceptionsAreCountedByTypeAndAge() {
        JsonPath json = overview();

        Map<String, Object> mismatches = json.getMap(
                "openExceptions.find { it.account == '" + wallet + "' && it.type == 'amount_mismatch' }");
        assertEquals(1, mismatches.get("days0To1"));
        assertEquals(0, mismatches.get("days2To3"));
        assertEquals(1, mismatches.get("days4To7"));
        assertEquals(0, mismatches.get("over7Days"), "the one of 40 days ago is before the period");
        assertEquals(2, mismatches.get("total"));
        Map<String, Object> notArrived = json.getMap(
                "openExceptions.find { it.account == '" + wallet + "' && it.type == 'settlement_not_arrived' }");
        assertEquals(1, notArrived.get("over7Days"));
        assertEquals(1, json.getInt("openExceptions.find { it.account == '" + bank + "' }.days2To3"));
    }

    @Test
    void settlementsNotArrivedAndPaymentsWaitingForApprovalAreTotalledPerCurrency() {
        JsonPath json = overview();

        assertEquals(List.of(Map.of("currency", "EUR", "count", 1, "amount", "300.00", "amountMinor", 30000)),
                json.getList("settlementsNotArrived"));
        assertEquals(List.of(Map.of("currency", "EUR", "count", 1, "amount", "75.00", "amountMinor", 7500)),
                json.getList("paymentsAwaitingApproval"));
    }

    @Test
    void badDatesAreRefusedWithAProblemNamingThem() {
        given().header("Authorization", FINANCE).queryParam("from", "2026-02-30").queryParam("to", "2026-03-31")
                .when().get("/reports/overview").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("'2026-02-30' is not a date"));
        given().header("Authorization", FINANCE).queryParam("from", "2026-03-31").queryParam("to", "2026-03-01")
                .when().get("/reports/overview").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("from")).body("errors[0].message", equalTo("must not be after to"));
        given().header("Authorization", FINANCE).queryParam("to", "2026-03-01")
                .when().get("/reports/overview").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void anUnknownCompanyIsRefused() {
        given().header("Authorization", FINANCE).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("company", "no-such-company").when().get("/reports/overview").then().statusCode(422)
                .body("errors[0].field", equalTo("company"));
    }

    @Test
    void theOverviewIsForFinance() {
        given().header("Authorization", TestJwt.bearer("otto", "approver")).queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").when().get("/reports/overview").then().statusCode(403);
    }
}
