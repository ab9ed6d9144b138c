package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.reports.links.StatementLinkState;
import io.walletrecon.storage.Sha256;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a customer answered on stays what they answered on, and a link the finance team revokes is gone. One customer
 * in 2026-06: a payment of 300.00 and an invoice of 1,000.00 with 300.00 paid (outstanding 700.00).
 */
@QuarkusTest
class StatementLinkFreezeAndRevocationTest {

    static final String FINANCE = TestJwt.bearer("sl-clerk", "finance");

    private long account;
    private long customer;

    @BeforeEach
    void plant() {
        account = ReportFixtures.account("slf", "alipay", "CNY", "Asia/Shanghai");
        customer = ReportFixtures.customer("上海示例贸易有限公司");
        ReportFixtures.txn(account, "in", 30000, null, "CNY", "succeeded", "2026-06-03", customer);
        ReportFixtures.receivable(customer, "INV-1", 100000, 30000, "CNY", "2026-05-20", "2026-06-20",
                "partially_paid");
    }

    @Test
    void aConfirmedStatementIsFrozenWithItsHashAndSurvivesLaterDataChanges() {
        Map<String, Object> link = send();
        String token = (String) link.get("token");
        long id = ((Number) link.get("id")).longValue();
        given().when().get("/statement-links/" + token).then().statusCode(200).body("frozen", equalTo(false));

        given().contentType(ContentType.JSON).body(Map.of("comment", "agreed"))
                .when().post("/statement-links/" + token + "/confirmation").then().statusCode(200);
        String frozen = TestDb.scalar("select frozen_statement from customer_statement_links where id = ?", id);
        String sha = TestDb.scalar("select frozen_sha256 from customer_statement_links where id = ?", id);
        assertEquals(Sha256.hex(frozen.getBytes(StandardCharsets.UTF_8)), sha);
        String details = TestDb.scalar("select details from audit_log where action = 'customer-statement.confirmed' "
                + "and entity_id = ?", String.valueOf(id));
        assertTrue(details.contains("\"statementSha256\":\"" + sha + "\""), details);

        // Later: another payment of the period arrives and the invoice is paid further.
        ReportFixtures.txn(account, "in", 20000, null, "CNY", "succeeded", "2026-06-10", customer);
        TestDb.update("update receivables set paid_minor = 50000 where customer_id = ?", customer);

        given().when().get("/statement-links/" + token).then().statusCode(200)
                .body("state", equalTo("confirmed")).body("frozen", equalTo(true))
                .body("statementSha256", equalTo(sha))
                .body("statement.totals[0].outstanding", equalTo("700.00"))
                .body("statement.totals[0].paymentsMinor", equalTo(30000));
        given().header("Authorization", FINANCE).accept("application/json").queryParam("customer", customer)
                .queryParam("from", "2026-06-01").queryParam("to", "2026-06-30")
                .when().get("/reports/customer-statement").then().statusCode(200)
                .body("totals[0].paymentsMinor", equalTo(50000));
    }

    @Test
    void aRevokedLinkIsGoneForTheCustomerAsAPageAndAsAProblem() {
        Map<String, Object> link = send();
        String token = (String) link.get("token");
        long id = ((Number) link.get("id")).longValue();

        given().contentType(ContentType.JSON).body(Map.of("reason", "sent to the wrong person"))
                .when().post("/statement-links/" + id + "/revocation").then().statusCode(401);
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/statement-links/" + id + "/revocation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("reason", "sent to the wrong person"))
                .when().post("/statement-links/" + id + "/revocation").then().statusCode(200)
                .body("state", equalTo("revoked")).body("revokedBy", equalTo(TestJwt.person("sl-clerk")));
        assertEquals(StatementLinkState.REVOKED, ReportRecords.linkState(id));
        assertEquals("sent to the wrong person", ReportRecords.auditReason("customer-statement.revoked", id));

        given().when().get("/statement-links/" + token).then().statusCode(410)
                .contentType("application/problem+json")
                .body("detail", equalTo("The sender has withdrawn this statement link; ask them for a new one"));
        given().accept("text/html").when().get("/statement-links/" + token).then().statusCode(410)
                .body(containsString("id=\"link-revoked\""));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/statement-links/" + token + "/confirmation").then().statusCode(410);
        given().when().get("/statement-links/" + token + "/pdf").then().statusCode(410);
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/statement-links/" + token + "/revocation").then().statusCode(409);
        assertEquals(0, ReportRecords.answers(id));
    }

    private Map<String, Object> send() {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customer", customer, "from", "2026-06-01", "to", "2026-06-30"))
                .when().post("/statement-links")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }
}
