package io.walletrecon.reports;

import io.walletrecon.reports.links.StatementLinkState;
import io.walletrecon.reports.links.StatementLinkVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One customer in 2025-06: payments of 300.00 and 150.50 CNY (a failed one and one outside the period left out),
 * receivables: INV-1 1000.00 with 300.00 paid (partially paid), INV-2 200.00 open, INV-3 paid (left out),
 * INV-4 issued after the period (left out). Outstanding 900.00.
 */
@QuarkusTest
class CustomerStatementTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    @Inject
    StatementLinkVerifier verifier;

    private long customer;
    private long payment;
    private long invoice1;

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("cs", "alipay", "CNY", "Asia/Shanghai");
        customer = ReportFixtures.customer("Globex Ltd");
        payment = ReportFixtures.txn(a, "in", 30000, 180L, "CNY", "succeeded", "2025-06-03", customer);
        ReportFixtures.txn(a, "in", 15050, null, "CNY", "succeeded", "2025-06-20", customer);
        ReportFixtures.txn(a, "in", 77700, null, "CNY", "failed", "2025-06-21", customer);
        ReportFixtures.txn(a, "in", 11100, null, "CNY", "succeeded", "2025-07-02", customer);
        invoice1 = ReportFixtures.receivable(customer, "INV-1", 100000, 30000, "CNY", "2025-05-20", "2025-06-20",
                "partially_paid");
        ReportFixtures.receivable(customer, "INV-2", 20000, 0, "CNY", "2025-06-10", "2025-07-10", "open");
        ReportFixtures.receivable(customer, "INV-3", 5000, 5000, "CNY", "2025-06-01", "2025-06-30", "paid");
        ReportFixtures.receivable(customer, "INV-4", 9900, 0, "CNY", "2025-07-05", "2025-08-05", "open");
    }

    @Test
    void paymentsAndOpenReceivablesWithTotals() {
        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("customer", customer).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .when().get("/reports/customer-statement").then().statusCode(200).extract().jsonPath();
        Map<String, Object> totals = json.getList("totals", Map.class).get(0);
        assertEquals("CNY", totals.get("currency"));
        assertEquals(45050, totals.get("paymentsMinor"));
        assertEquals("450.50", totals.get("payments"));
        assertEquals(2, totals.get("paymentCount"));
        assertEquals(90000, totals.get("outstandingMinor"));
        assertEquals(2, totals.get("openReceivables"));
        List<Map<String, Object>> lines = json.getList("lines.items");
        assertEquals(List.of("receivable", "payment", "receivable", "payment"),
                lines.stream().map(l -> l.get("lineType")).toList());
        assertEquals(List.of("INV-1", "INV-2"), lines.stream().filter(l -> l.get("lineType").equals("receivable"))
                .map(l -> l.get("reference")).toList());
        long outstanding = lines.stream().filter(l -> l.get("outstandingMinor") != null)
                .mapToLong(l -> ((Number) l.get("outstandingMinor")).longValue()).sum();
        assertEquals(90000, outstanding);
        long paid = lines.stream().filter(l -> l.get("lineType").equals("payment"))
                .mapToLong(l -> ((Number) l.get("amountMinor")).longValue()).sum();
        assertEquals(45050, paid);
    }

    /**
     * What the customer paid is net of what was refunded, counted once whether the provider sent a refund row (WeChat
     * Pay, Stripe's refund objects), only the payment's refunded total (Alipay), or both.
     */
    @Test
    void aRefundIsTakenOffWhatTheCustomerPaidOnceHoweverTheProviderReportsIt() {
        long a = ReportFixtures.account("csr", "wechatpay", "CNY", "Asia/Shanghai");
        long c = ReportFixtures.customer("Initech Ltd");
        long rowOnly = ReportFixtures.txn(a, "in", 10000, null, "CNY", "succeeded", "2025-06-03", c);
        refundRow(a, rowOnly, 3000, 0);
        long totalOnly = ReportFixtures.txn(a, "in", 5000, null, "CNY", "succeeded", "2025-06-04", c);
        TestDb.update("update transactions set refunded_minor = 1000, status = 'partially_refunded' where id = ?",
                totalOnly);
        long both = ReportFixtures.txn(a, "in", 8000, null, "CNY", "succeeded", "2025-06-05", c);
        refundRow(a, both, 2000, 2000);

        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("customer", c).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .when().get("/reports/customer-statement").then().statusCode(200).extract().jsonPath();

        assertEquals(17000, json.getInt("balances[0].paidMinor"), "7000 + 4000 + 6000");
    }

    /** A succeeded refund row under {@code payment}, whose refunded total is then {@code refundedTotal}. */
    private static void refundRow(long account, long payment, long amount, long refundedTotal) {
        long row = ReportFixtures.txn(account, "out", amount, null, "CNY", "succeeded", "2025-06-10", null);
        TestDb.update("update transactions set parent_txn_id = (select provider_txn_id from transactions where id = ?) "
                + "where id = ?", payment, row);
        TestDb.update("update transactions set refunded_minor = ? where id = ?", refundedTotal, payment);
    }

    @Test
    void pdfStatementNamesTheCustomerAndTheFigures() throws Exception {
        byte[] body = given().header("Authorization", FINANCE).accept("application/pdf")
                .queryParam("customer", customer).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .when().get("/reports/customer-statement").then().statusCode(200).extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(body)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Acme Trading Co"), text);
            assertTrue(text.contains("Customer statement"), text);
            assertTrue(text.contains("Globex Ltd"), text);
            assertTrue(text.contains("450.50") && text.contains("900.00") && text.contains("INV-2"), text);
            assertTrue(text.contains("page 1"), text);
        }
    }

    @Test
    void unknownCustomerIsNotFound() {
        given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("customer", 987654321).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .when().get("/reports/customer-statement").then().statusCode(404)
                .body("detail", equalTo("No customer with id 987654321"));
    }

    private Map<String, Object> send() {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customer", customer, "from", "2025-06-01", "to", "2025-06-30"))
                .when().post("/statement-links")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    @Test
    void customerConfirmsThroughTheLinkWithoutLoginAndItIsAudited() {
        Map<String, Object> link = send();
        String token = (String) link.get("token");
        assertTrue(((String) link.get("url")).endsWith("/statement-links/" + token));
        long id = ((Number) link.get("id")).longValue();
        assertEquals(1, ReportRecords.audited("customer-statement.sent", id));

        given().when().get("/statement-links/" + token).then().statusCode(200)
                .body("state", equalTo("sent"))
                .body("statement.totals[0].outstanding", equalTo("900.00"))
                .body("statement.lines.total", equalTo(4));

        byte[] pdf = given().when().get("/statement-links/" + token + "/pdf").then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Globex Ltd") && text.contains("900.00"), text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        given().contentType(ContentType.JSON).body(Map.of("comment", "agreed, thanks"))
                .when().post("/statement-links/" + token + "/confirmation")
                .then().statusCode(200).body("state", equalTo("confirmed"));
        assertEquals(StatementLinkState.CONFIRMED, ReportRecords.linkState(id));
        assertEquals("agreed, thanks", ReportRecords.confirmationComment(id));
        assertEquals("customer:" + customer, ReportRecords.auditActor("customer-statement.confirmed", id));

        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/statement-links/" + token + "/confirmation")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("lineType", "payment", "lineId", payment, "comment", "late"))
                .when().post("/statement-links/" + token + "/disputes")
                .then().statusCode(409)
                .body("detail", equalTo("This statement was confirmed; a confirmed statement cannot be disputed"));
        assertEquals(1, ReportRecords.answers(id));
    }

    @Test
    void customerDisputesALineWithACommentOncePerLine() {
        Map<String, Object> link = send();
        String token = (String) link.get("token");
        long id = ((Number) link.get("id")).longValue();
        given().contentType(ContentType.JSON)
                .body(Map.of("lineType", "receivable", "lineId", invoice1, "comment", "we paid 500.00, not 300.00"))
                .when().post("/statement-links/" + token + "/disputes")
                .then().statusCode(201).body("state", equalTo("disputed")).body("lineId", equalTo((int) invoice1));
        given().contentType(ContentType.JSON)
                .body(Map.of("lineType", "receivable", "lineId", invoice1, "comment", "again"))
                .when().post("/statement-links/" + token + "/disputes").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("lineType", "payment", "lineId", payment))
                .when().post("/statement-links/" + token + "/disputes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("comment"));
        given().contentType(ContentType.JSON).body(Map.of("lineType", "payment", "lineId", 1L, "comment", "not mine"))
                .when().post("/statement-links/" + token + "/disputes").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/statement-links/" + token + "/confirmation").then().statusCode(409);
        assertEquals(StatementLinkState.DISPUTED, ReportRecords.linkState(id));
        assertEquals("we paid 500.00, not 300.00", ReportRecords.auditReason("customer-statement.disputed", id));
        given().when().get("/statement-links/" + token).then().statusCode(200)
                .body("answers[0].lineType", equalTo("receivable")).body("state", equalTo("disputed"));
    }

    @Test
    void tamperedLinksAreRefused() {
        Map<String, Object> link = send();
        String token = (String) link.get("token");
        String payload = token.substring(0, token.indexOf('.'));
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((link.get("id") + "." + (Instant.now().getEpochSecond() + 9_999_999)).getBytes());
        String extended = forgedPayload + token.substring(token.indexOf('.'));
        char last = token.charAt(token.length() - 1);
        // The last character of a 32-byte signature carries two spare bits: flipping one gives the same bytes.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String sameBytesOtherText = token.substring(0, token.length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        char first = token.charAt(token.indexOf('.') + 1);
        String badSignature = token.substring(0, token.indexOf('.') + 1) + (first == 'A' ? 'B' : 'A')
                + token.substring(token.indexOf('.') + 2);
        for (String bad : List.of(extended, badSignature, sameBytesOtherText, payload, "nonsense")) {
            given().when().get("/statement-links/" + bad).then().statusCode(403)
                    .body("detail", equalTo("This statement link is not valid; ask the sender for a new link"));
            given().contentType(ContentType.JSON).body(Map.of())
                    .when().post("/statement-links/" + bad + "/confirmation").then().statusCode(403);
        }
        assertEquals(StatementLinkState.SENT, ReportRecords.linkState(((Number) link.get("id")).longValue()));
    }

    @Test
    void expiredLinksAreGone() {
        Map<String, Object> link = send();
        long id = ((Number) link.get("id")).longValue();
        Instant past = Instant.now().minusSeconds(60);
        String expired = verifier.sign(id, past);
        given().when().get("/statement-links/" + expired).then().statusCode(410)
                .body("detail", equalTo("This statement link expired at " + Instant.ofEpochSecond(past.getEpochSecond())
                        + "; ask the sender for a new link"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/statement-links/" + expired + "/confirmation").then().statusCode(410);
        assertEquals(0, ReportRecords.answers(id));
    }

    @Test
    void sendingNeedsFinance() {
        given().contentType(ContentType.JSON)
                .body(Map.of("customer", customer, "from", "2025-06-01", "to", "2025-06-30"))
                .when().post("/statement-links").then().statusCode(401);
    }
}
