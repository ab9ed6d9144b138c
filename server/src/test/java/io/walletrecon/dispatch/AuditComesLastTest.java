package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.AuditLockProbe;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every payments use case appends its audit rows as the last writes of its transaction (the chain's lock comes last
 * in every lock order): when it reaches the audit chain's lock it has already written every table it writes.
 */
@QuarkusTest
class AuditComesLastTest {

    private static final String MAKER = finance("ava");
    private String company;
    private String account;

    @BeforeEach
    void setUp() {
        company = TestCompanies.create("audit-last").code();
        // Up to 100.00 approved at once, above one approver; above 50.00 is a large amount.
        policy(company, "GBP", 10_000, 1_000_000, null, null, 5_000L);
        account = stripeAccount(company, "GBP", 100_000_000);
    }

    private static ValidatableResponse decide(String token, long id, String what, String comment) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .when().post("/payments/" + id + "/" + what).then();
    }

    private static void assertWrittenBeforeTheAudit(Set<String> expected, AuditLockProbe.Probed<?> probed) {
        assertTrue(probed.tablesWrittenBeforeTheAudit().containsAll(expected),
                "written before the audit row: " + probed.tablesWrittenBeforeTheAudit() + ", expected all of "
                        + expected);
    }

    @Test
    void creatingAPaymentWritesItsOrderJobAndAlertsBeforeItsAuditRow() {
        var probed = AuditLockProbe.run(() -> post(MAKER, UUID.randomUUID().toString(),
                payout(account, "GBP", "60.00", TestData.unique("ba"), "LARGE")).statusCode(201).extract().jsonPath()
                .getLong("id"));

        assertWrittenBeforeTheAudit(Set.of("payment_idempotency_keys", "beneficiaries", "payment_orders",
                "payment_history", "dispatch_jobs",
                "alerts"), probed);
        assertEquals("scheduled", state(probed.result()));
        assertEquals(1, auditRows("payment.created", probed.result()));
    }

    @Test
    void aPossibleDuplicateIsHeldAndAlertedBeforeItsAuditRows() {
        String destination = TestData.unique("ba");
        create(MAKER, payout(account, "GBP", "10.00", destination, "TWICE"));
        var probed = AuditLockProbe.run(() -> create(MAKER, payout(account, "GBP", "10.00", destination, "TWICE")));

        assertWrittenBeforeTheAudit(Set.of("payment_idempotency_keys", "payment_orders", "payment_history", "alerts"),
                probed);
        assertEquals("held", state(probed.result()));
        assertEquals(1, auditRows("payment.created", probed.result()));
        assertEquals(1, auditRows("payment.held", probed.result()));
    }

    @Test
    void theLastApprovalSchedulesTheOrderBeforeItsAuditRow() {
        long id = create(MAKER, payout(account, "GBP", "500.00", TestData.unique("ba"), "ONE"));
        assertEquals("pending_approval", state(id));

        var probed = AuditLockProbe
                .run(() -> decide(approver("abe"), id, "approvals", "invoice checked").statusCode(200));

        assertWrittenBeforeTheAudit(Set.of("payment_approvals", "payment_orders", "payment_history", "dispatch_jobs"),
                probed);
        assertEquals("scheduled", state(id));
        assertEquals(1, auditRows("payment.approved", id));
    }

    @Test
    void releasingAPossibleDuplicateSchedulesItBeforeItsAuditRow() {
        String destination = TestData.unique("ba");
        create(MAKER, payout(account, "GBP", "20.00", destination, "AGAIN"));
        long id = create(MAKER, payout(account, "GBP", "20.00", destination, "AGAIN"));

        var probed = AuditLockProbe.run(() -> decide(approver("abe"), id, "release", "two deliveries").statusCode(200));

        assertWrittenBeforeTheAudit(Set.of("payment_orders", "payment_history", "dispatch_jobs"), probed);
        assertEquals("scheduled", state(id));
        assertEquals(1, auditRows("payment.released", id));
    }

    @Test
    void cancellingWritesTheOrderAndItsJobBeforeItsAuditRow() {
        long id = create(MAKER, payout(account, "GBP", "30.00", TestData.unique("ba"), "GONE"));

        var probed = AuditLockProbe.run(() -> decide(MAKER, id, "cancellation", "ordered twice").statusCode(200));

        assertWrittenBeforeTheAudit(Set.of("payment_orders", "payment_history", "dispatch_jobs"), probed);
        assertEquals("cancelled", state(id));
        assertEquals(1, auditRows("payment.cancelled", id));
    }

    @Test
    void rejectingWritesTheDecisionAndTheOrderBeforeItsAuditRow() {
        long id = create(MAKER, payout(account, "GBP", "400.00", TestData.unique("ba"), "NO"));

        var probed = AuditLockProbe.run(() -> decide(approver("abe"), id, "rejections", "not ours").statusCode(200));

        assertWrittenBeforeTheAudit(Set.of("payment_approvals", "payment_orders", "payment_history"), probed);
        assertEquals("cancelled", state(id));
        assertEquals(1, auditRows("payment.rejected", id));
    }

    @Test
    void approvingAPolicyChangePutsItInForceBeforeItsAuditRow() {
        long change = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .queryParam("company", company)
                .body(Map.of("autoLimitMinor", 20_000, "dualLimitMinor", 2_000_000, "reason", "more at month end"))
                .when().put("/payment-policies/GBP").then().statusCode(202).extract().jsonPath().getLong("id");

        var probed = AuditLockProbe
                .run(() -> given().header("Authorization", SECOND_ADMIN).contentType(ContentType.JSON)
                        .queryParam("company", company).body(Map.of("comment", "agreed"))
                        .when().post("/payment-policies/GBP/changes/" + change + "/approval").then().statusCode(200));

        assertWrittenBeforeTheAudit(Set.of("payment_policy_changes", "payment_policies"), probed);
    }
}
