package io.walletrecon.reports.confirmations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.storage.Sha256;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.reports.confirmations.ConfirmationMonths.BANK_BALANCE;
import static io.walletrecon.reports.confirmations.ConfirmationMonths.PERIOD_END;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bank balance confirmations over HTTP on a real database: maker-checker, agreeing only when the statement adjusts to
 * the bank's balance, the attached and the signed PDFs with their hashes in the audit chain, reopening.
 */
@QuarkusTest
class BalanceConfirmationTest {

    static final String PREPARER = TestJwt.bearer("bc-preparer", "finance");
    static final String REVIEWER = TestJwt.bearer("bc-reviewer", "finance");

    @Test
    void thePreparerCannotReviewButAnotherPersonOfTheSameIssuerCan() throws IOException {
        String account = ConfirmationMonths.month(true);
        long id = create(account, BANK_BALANCE);
        prepare(id, "agrees", "balances agree", PREPARER).statusCode(200).body("state", equalTo("prepared"))
                .body("result", equalTo("agrees")).body("figures.adjustedJournalMinor", equalTo(1_162_256))
                .body("figures.adjustedBankMinor", equalTo(1_162_256))
                .body("preparedBy", equalTo(TestJwt.person("bc-preparer")));

        String sameSubjectOtherName = TestJwt.bearerNamed("bc-preparer", "Someone Else", "finance");
        review(id, "approve", null, sameSubjectOtherName).statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("You prepared confirmation " + id
                        + "; another person reviews it (maker-checker)"));
        review(id, "approve", "letter OK", REVIEWER).statusCode(200)
                .body("state", equalTo("reviewed")).body("locksPeriod", equalTo(true))
                .body("reviewedBy", equalTo(TestJwt.person("bc-reviewer")));

        byte[] pdf = given().header("Authorization", REVIEWER).queryParam("lang", "zh-CN")
                .when().get("/balance-confirmations/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String details = TestDb.scalar("select details from audit_log where action = 'balance-confirmation.reviewed' "
                + "and entity_id = ?", String.valueOf(id));
        assertTrue(details.contains("\"zh-CN\":\"" + Sha256.hex(pdf) + "\""), details);
        String text = text(pdf);
        for (String expected : List.of("银企余额对账确认书", "相符", "11,622.56", "10,734.56", "编制人", "复核人",
                TestJwt.person("bc-preparer"), TestJwt.person("bc-reviewer"), "letter OK")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }

    @Test
    void agreesIsRefusedWhenTheStatementDoesNotAdjustToTheBanksBalance() {
        String account = ConfirmationMonths.month(true);
        long id = create(account, "11600.00");
        prepare(id, "agrees", null, PREPARER).statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Confirmation " + id + " cannot be declared agreeing: the bank states "
                        + "11600.00 CNY but the bank reconciliation statement on the period end adjusts to 11622.56 "
                        + "CNY on the books' side and 11622.56 CNY on the bank's side. Declare it disagreeing, with "
                        + "a note; the statement is attached to it"));
        get(id).body("state", equalTo("draft")).body("result", equalTo(null));
    }

    @Test
    void disagreesCarriesTheStatementWhoseHashIsInTheAuditEntryAndARejectionSendsItBack() throws IOException {
        String account = ConfirmationMonths.month(true);
        long id = create(account, "11600.00");
        prepare(id, "disagrees", " ", PREPARER).statusCode(400).body("errors.field", equalTo(List.of("note")));
        String sha = prepare(id, "disagrees", "the bank's letter omits 22.56 of interest", PREPARER).statusCode(200)
                .body("result", equalTo("disagrees")).body("documents.size()", equalTo(1))
                .body("documents[0].kind", equalTo("bank_reconciliation"))
                .extract().jsonPath().getString("documents[0].sha256");

        byte[] attached = given().header("Authorization", REVIEWER)
                .when().get("/balance-confirmations/" + id + "/bank-reconciliation").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(sha, Sha256.hex(attached));
        String details = TestDb.scalar("select details from audit_log where action = 'balance-confirmation.prepared' "
                + "and entity_id = ?", String.valueOf(id));
        assertTrue(details.contains("\"bankReconciliationSha256\":\"" + sha + "\""), details);
        String text = text(attached);
        assertTrue(text.contains("银行存款余额调节表") && text.contains("11,622.56"), text);

        review(id, "reject", null, REVIEWER).statusCode(400);
        review(id, "reject", "attach the bank's letter", REVIEWER).statusCode(200).body("state", equalTo("draft"))
                .body("locksPeriod", equalTo(false));
        given().header("Authorization", REVIEWER).when().get("/balance-confirmations/" + id + "/pdf")
                .then().statusCode(409).body("detail", containsString("exists once another person has reviewed it"));
    }

    @Test
    void aSecondConfirmationOfThePeriodAndAWalletAccountAreRefused() {
        String account = ConfirmationMonths.month(false);
        create(account, BANK_BALANCE);
        given().header("Authorization", PREPARER).contentType(ContentType.JSON)
                .body(Map.of("account", account, "periodEnd", PERIOD_END, "bankBalance", "1.00", "currency", "CNY"))
                .when().post("/balance-confirmations").then().statusCode(409);
        given().header("Authorization", PREPARER).contentType(ContentType.JSON)
                .body(Map.of("account", account, "periodEnd", "2035-02-28", "bankBalance", "1.001", "currency",
                        "CNY"))
                .when().post("/balance-confirmations").then().statusCode(400)
                .body("errors.field", equalTo(List.of("bankBalance")));
        given().header("Authorization", PREPARER).contentType(ContentType.JSON)
                .body(Map.of("account", account, "periodEnd", "2035-02-28", "bankBalance", "1.00", "currency",
                        "EUR"))
                .when().post("/balance-confirmations").then().statusCode(422);
    }

    static long create(String account, String bankBalance) {
        return given().header("Authorization", PREPARER).contentType(ContentType.JSON)
                .body(Map.of("account", account, "periodEnd", PERIOD_END, "bankBalance", bankBalance, "currency",
                        "CNY"))
                .when().post("/balance-confirmations").then().log().ifValidationFails().statusCode(201)
                .body("state", equalTo("draft")).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse prepare(long id, String result, String note, String who) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("result", result);
        body.put("note", note);
        return given().header("Authorization", who).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(body).when().post("/balance-confirmations/" + id + "/preparation").then().log()
                .ifValidationFails();
    }

    static io.restassured.response.ValidatableResponse review(long id, String decision, String note, String who) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        body.put("note", note);
        return given().header("Authorization", who).contentType(ContentType.JSON).body(body)
                .when().post("/balance-confirmations/" + id + "/review").then().log().ifValidationFails();
    }

    /** Prepared (agreeing on a run month, else disagreeing) by one person and approved by another: locked. */
    static long lock(String account, boolean agrees) {
        long id = create(account, BANK_BALANCE);
        prepare(id, agrees ? "agrees" : "disagrees", agrees ? null : "nothing is matched yet", PREPARER)
                .statusCode(200);
        review(id, "approve", null, REVIEWER).statusCode(200).body("locksPeriod", equalTo(true));
        return id;
    }

    static io.restassured.response.ValidatableResponse get(long id) {
        return given().header("Authorization", PREPARER).when().get("/balance-confirmations/" + id).then()
                .statusCode(200);
    }

    static JsonPath reopen(long id, String reason) {
        return given().header("Authorization", PREPARER).contentType(ContentType.JSON)
                .body(reason == null ? Map.of() : Map.of("reason", reason))
                .when().post("/balance-confirmations/" + id + "/reopening").then().log().ifValidationFails()
                .extract().jsonPath();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
