package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.matching.BankFiles.Credit;
import io.walletrecon.matching.BankReceiptsTest.Bank;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the match workbench and the exceptions queue stand on: an exception's candidates with the evidence of the
 * runs' rules (bank credits imported from camt.053 over HTTP and matched by real runs), assigning an exception,
 * deciding several at once all or none, and the queue's age and amount filters.
 */
@QuarkusTest
class ExceptionWorkbenchTest {

    static final String FINANCE = TestJwt.bearer("wanda", "finance");
    static final LocalDate MARCH = BankReceiptsTest.MARCH;

    private static String d(int day) {
        return MARCH.plusDays(day - 1).toString();
    }

    private static ValidatableResponse candidates(long exception) {
        return given().header("Authorization", FINANCE).when().get("/exceptions/" + exception + "/candidates")
                .then().log().ifValidationFails();
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(body)
                .when().post(path).then().log().ifValidationFails();
    }

    @Test
    void aCreditThatFitsTwoReceivablesByAmountAndDateListsBothWithTheDaysFromTheirDueDates() {
        Bank bank = Bank.create();
        long early = bank.receivable(bank.customer("Alpha Handel GmbH"), "INV-A-1", 100000, MARCH.plusDays(10), null);
        long late = bank.receivable(bank.customer("Beta Handel GmbH"), "INV-B-1", 100000, MARCH.plusDays(12), null);
        bank.camt(0, List.of(Credit.of(100000, d(12), "SOMEONE", "FR7630006000011234567890189", "Thanks")));
        bank.run(0);
        long line = bank.line("Thanks");
        long exception = bank.exceptionOf(line, "ambiguous");

        JsonPath found = candidates(exception).statusCode(200).extract().jsonPath();

        assertEquals("statement_line", found.getString("item.type"));
        assertEquals(line, found.getLong("item.id"));
        assertEquals(100000, found.getLong("item.amountMinor"));
        assertEquals("SOMEONE", found.getString("item.payerName"));
        assertEquals(List.of(early, late), found.getList("candidates.id", Long.class));
        assertEquals(List.of("amount_date", "amount_date"), found.getList("candidates.evidence.rule"));
        assertEquals(List.of(1, -1), found.getList("candidates.evidence.dateDistanceDays"),
                "the credit came a day after the first due date and a day before the second");
        assertEquals(List.of(true, true), found.getList("candidates.evidence.suggestion"));
        assertEquals(List.of(0, 0), found.getList("candidates.evidence.differenceMinor"));
        assertNull(found.get("candidates[0].evidence.samePayer"), "the payer is nobody's known account");
        assertNull(found.get("candidates[0].evidence.referenceField"), "nothing in the remittance names them");
        assertEquals(List.of(), found.getList("liveMatches"));
    }

    @Test
    void aReceivableEnteredAfterTheRunIsNamedByTheUnidentifiedCreditsRemittanceAndMatchedByHand() {
        Bank bank = Bank.create();
        bank.camt(0,
                List.of(Credit.of(5000, d(5), "ZETA GMBH", "DE02120300000000202051", "Rechnung INV-77", "81 Danke")));
        bank.run(0);
        long line = bank.line("Rechnung");
        long exception = bank.exceptionOf(line, "unidentified_receipt");
        long customer = bank.customer("Zeta GmbH");
        long receivable = bank.receivable(customer, "INV-7781", 5000, MARCH.plusDays(3), null);

        JsonPath found = candidates(exception).statusCode(200).extract().jsonPath();

        assertEquals(receivable, found.getLong("candidates[0].id"));
        assertEquals("Zeta GmbH", found.getString("candidates[0].customerName"));
        assertEquals(Map.of("rule", "reference", "referenceField", "remittance_info", "referenceValue",
                "INV-77 81", "names", "reference", "amountWithinTolerance", true),
                Map.of("rule", found.get("candidates[0].evidence.rule"),
                        "referenceField", found.get("candidates[0].evidence.referenceField"),
                        "referenceValue", found.get("candidates[0].evidence.referenceValue"),
                        "names", found.get("candidates[0].evidence.names"),
                        "amountWithinTolerance", found.get("candidates[0].evidence.amountWithinTolerance")),
                "the invoice number wrapped over two lines of the remittance names the receivable");
        assertEquals(5000, found.getLong("candidates[0].suggestedMinor"));

        long match = post("/matches", Map.of("account", bank.code(), "kind", "receipt_receivable", "reason",
                "Invoice entered late", "items", List.of(
                        Map.of("side", "left", "type", "statement_line", "id", line),
                        Map.of("side", "right", "type", "receivable", "id", receivable, "amountMinor", 5000))))
                .statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(match), candidates(exception).extract().jsonPath().getList("liveMatches", Long.class));
        assertEquals("paid", Fixtures.receivableStatus(receivable));

        post("/matches/" + match + "/unmatch", Map.of("reason", "Wrong invoice")).statusCode(200);
        assertEquals(List.of(), candidates(exception).extract().jsonPath().getList("liveMatches"));
        assertEquals("open", Fixtures.receivableStatus(receivable));
    }

    @Test
    void candidatesOfAnExceptionThatDoesNotExistAreNotFound() {
        candidates(Long.MAX_VALUE).statusCode(404).body("detail", equalTo("No exception " + Long.MAX_VALUE));
    }

    /** An open exception planted on a new bank account, {@code daysAgo} business days old. */
    private static long planted(Bank bank, String type, long amount, int daysAgo) {
        return TestDb.count("insert into recon_exceptions (account_id, type, currency, actual_minor, business_date, "
                + "detail, dedupe_key) values (?, ?, 'EUR', ?, ?, 'planted', ?) returning id", bank.id(), type, amount,
                LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo), "planted:" + java.util.UUID.randomUUID());
    }

    private static long audits(long exception, String action) {
        return TestDb.count("select count(*) from audit_log where entity_type = 'recon_exception' and entity_id = ? "
                + "and action = ?", String.valueOf(exception), action);
    }

    @Test
    void assigningAnOpenExceptionPutsItInReviewWithItsAssigneeAudited() {
        long exception = planted(Bank.create(), "unidentified_receipt", 1000, 0);

        post("/exceptions/" + exception + "/assignment", Map.of("assignee", "li.na@example.com", "reason",
                "She knows this customer")).statusCode(200)
                .body("status", equalTo("in_review")).body("assignee", equalTo("li.na@example.com"));

        assertEquals(1, audits(exception, "exception.assigned"));
        assertEquals("She knows this customer", TestDb.scalar("select reason from audit_log where entity_id = ? "
                + "and action = 'exception.assigned'", String.valueOf(exception)));
    }

    @Test
    void aClosedExceptionIsNotAssigned() {
        long exception = planted(Bank.create(), "unidentified_receipt", 1000, 0);
        post("/exceptions/" + exception + "/resolve", Map.of("status", "ignored", "reason", "Test credit"))
                .statusCode(200);

        post("/exceptions/" + exception + "/assignment", Map.of("assignee", "li.na@example.com")).statusCode(409)
                .body("detail", containsString("closed exception stays closed"));
        post("/exceptions/" + exception + "/assignment", Map.of("assignee", " ")).statusCode(400);
    }

    @Test
    void aBulkDecisionThatOneExceptionCannotTakeChangesNoneAndNamesIt() {
        Bank bank = Bank.create();
        long a = planted(bank, "unmatched_receipt", 1000, 0);
        long b = planted(bank, "unmatched_receipt", 2000, 0);
        long closed = planted(bank, "unmatched_receipt", 3000, 0);
        post("/exceptions/" + closed + "/resolve", Map.of("status", "resolved", "reason", "Refunded")).statusCode(200);

        post("/exceptions/bulk", Map.of("ids", List.of(a, closed, b), "status", "resolved", "reason", "Cash sales"))
                .statusCode(409)
                .body("detail", equalTo("1 of the 3 exceptions cannot be marked resolved (exception " + closed
                        + " is resolved and stays closed); nothing was changed"))
                .body("errors[0].field", equalTo("ids[1]"));
        assertEquals("open", TestDb.scalar("select status from recon_exceptions where id = ?", a));
        assertEquals(0, audits(a, "exception.resolved"));

        post("/exceptions/bulk", Map.of("ids", List.of(a, b), "status", "resolved", "reason", "Cash sales"))
                .statusCode(200).body("status", equalTo(List.of("resolved", "resolved")));
        assertEquals(1, audits(a, "exception.resolved"));
        assertEquals(1, audits(b, "exception.resolved"));
        assertTrue(TestDb.<String>scalar("select details from audit_log where entity_id = ? and action = "
                + "'exception.resolved'", String.valueOf(b)).contains("\"bulk\":2"));
    }

    @Test
    void aBulkAssignmentAssignsEachAndAuditsEach() {
        Bank bank = Bank.create();
        long a = planted(bank, "unmatched_receipt", 1000, 0);
        long b = planted(bank, "unidentified_receipt", 2000, 0);

        post("/exceptions/bulk", Map.of("ids", List.of(a, b), "status", "in_review", "assignee", "wang.fang"))
                .statusCode(200).body("assignee", equalTo(List.of("wang.fang", "wang.fang")));

        assertEquals(1, audits(a, "exception.assigned"));
        assertEquals(1, audits(b, "exception.assigned"));
    }

    @Test
    void theQueueFiltersByAgeAndByAnAmountRangeInItsCurrency() {
        Bank bank = Bank.create();
        long fresh = planted(bank, "unmatched_receipt", 1000, 0);
        long week = planted(bank, "unmatched_receipt", 250000, 5);
        long old = planted(bank, "unmatched_receipt", 90000, 30);

        assertEquals(List.of(week), ids(Map.of("account", bank.code(), "age", "4-7")));
        assertEquals(List.of(old), ids(Map.of("account", bank.code(), "age", "over-7")));
        assertEquals(List.of(fresh), ids(Map.of("account", bank.code(), "age", "0-1")));
        assertEquals(List.of(old, week), ids(Map.of("account", bank.code(), "currency", "EUR", "minAmount", "900.00")));
        assertEquals(List.of(old), ids(Map.of("account", bank.code(), "currency", "EUR", "minAmount", "900",
                "maxAmount", "2499.99")));
        given().header("Authorization", FINANCE).queryParam("minAmount", "10").when().get("/exceptions").then()
                .statusCode(400).body("errors[0].field", equalTo("currency"));
        given().header("Authorization", FINANCE).queryParam("age", "old").when().get("/exceptions").then()
                .statusCode(400).body("detail", containsString("0-1, 2-3, 4-7, over-7"));
    }

    private static List<Long> ids(Map<String, String> query) {
        return given().header("Authorization", FINANCE).queryParams(query).when().get("/exceptions").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }
}
