package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CHF tiers: up to 100.00 approved at once, up to 10,000.00 one approver, above two different approvers. */
@QuarkusTest
class ApprovalPolicyTest {

    private static final String MAKER = finance("mia");
    private String account;
    private String destination;

    @BeforeEach
    void setUp() {
        policy("CHF", 10_000, 1_000_000, null, null, null);
        account = stripeAccount("CHF", 100_000_000);
        destination = TestData.unique("ba");
    }

    private static io.restassured.response.ValidatableResponse approve(long id, String who, String comment) {
        return given().header("Authorization", approver(who)).contentType("application/json")
                .body(Map.of("comment", comment))
                .when().post("/payments/" + id + "/approvals").then();
    }

    @Test
    void atOrBelowTheAutoLimitIsApprovedAndScheduledAtOnce() {
        long id = create(MAKER, payout(account, "CHF", "100.00", destination, "AUTO"));
        get(id).body("state", equalTo("scheduled")).body("approvalsRequired", equalTo(0))
                .body("history.to", contains("draft", "approved", "scheduled"))
                .body("history[1].actor", equalTo("policy"));
        assertEquals("pending", jobStatus(id));
    }

    @Test
    void upToTheDualLimitOneApprovalSchedulesItWithItsJobInTheSameTransaction() {
        long id = create(MAKER, payout(account, "CHF", "10000.00", destination, "ONE"));
        get(id).body("state", equalTo("pending_approval")).body("approvalsRequired", equalTo(1));
        assertEquals("none", jobStatus(id));

        approve(id, "ada", "invoice checked").statusCode(200).body("state", equalTo("scheduled"))
                .body("approvals[0].approver", equalTo(TestJwt.person("ada")))
                .body("approvals[0].comment", equalTo("invoice checked"));
        assertEquals("pending", jobStatus(id));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'payment.approved' and entity_id = ? and actor = ?"
                        + " and reason = 'invoice checked'",
                Long.toString(id), TestJwt.person("ada")));
    }

    @Test
    void aboveTheDualLimitNeedsTwoDifferentApprovers() {
        long id = create(MAKER, payout(account, "CHF", "10000.01", destination, "TWO"));
        get(id).body("approvalsRequired", equalTo(2));

        approve(id, "ada", "first").statusCode(200).body("state", equalTo("pending_approval"));
        approve(id, "ada", "again").statusCode(409)
                .body("detail", equalTo("You already decided on payment " + id
                        + "; a second approval must come from a different person"));
        assertEquals("none", jobStatus(id));

        approve(id, "bob", "second").statusCode(200).body("state", equalTo("scheduled")).body("approvals.approver",
                contains(TestJwt.person("ada"), TestJwt.person("bob")));
        assertEquals(2,
                TestDb.count("select count(*) from audit_log where action = 'payment.approved' and entity_id = ?",
                        Long.toString(id)));
    }

    @Test
    void theCreatorNeverApprovesTheirOwnPayment() {
        long id = create(MAKER, payout(account, "CHF", "500.00", destination, "SELF"));
        given().header("Authorization", io.walletrecon.testing.TestJwt.bearer("mia", "finance", "approver"))
                .contentType("application/json").body(Map.of("comment", "mine"))
                .when().post("/payments/" + id + "/approvals").then().statusCode(403)
                .body("detail",
                        equalTo("You created payment " + id + "; another person must approve it (maker-checker)"));
        assertEquals("pending_approval", state(id));
        assertEquals(0, TestDb.count("select count(*) from payment_approvals where payment_id = ?", id));
    }

    @Test
    void financeWithoutTheApproverRoleCannotApprove() {
        long id = create(MAKER, payout(account, "CHF", "500.00", destination, "ROLE"));
        given().header("Authorization", finance("fred")).contentType("application/json").body(Map.of("comment", "x"))
                .when().post("/payments/" + id + "/approvals").then().statusCode(403);
    }

    @Test
    void rejectionCancelsWithTheCommentOnRecord() {
        long id = create(MAKER, payout(account, "CHF", "500.00", destination, "REJ"));
        given().header("Authorization", approver("ada")).contentType("application/json")
                .body(Map.of("comment", "no contract"))
                .when().post("/payments/" + id + "/rejections").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("approvals[0].decision", equalTo("rejected"))
                .body("history[2].reason", equalTo("rejected: no contract"));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'payment.rejected' and entity_id = ? and reason = 'no contract'",
                Long.toString(id)));
    }

    @Test
    void approvingAPaymentThatIsNotPendingIsAConflictNamingItsState() {
        long id = create(MAKER, payout(account, "CHF", "1.00", destination, "DONE"));
        approve(id, "ada", "late").statusCode(409).body("detail",
                equalTo("Payment " + id + " is scheduled and cannot become approved"));
    }

    @Test
    void policiesAreValidatedAndAudited() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("autoLimitMinor", 500, "dualLimitMinor", 100))
                .when().put("/payment-policies/CHF").then().statusCode(400)
                .body("errors[0].field", equalTo("dualLimitMinor"));
        given().header("Authorization", approver("f")).when().get("/payment-policies/CHF").then().statusCode(200)
                .body("autoLimitMinor", equalTo(10000)).body("dualLimitMinor", equalTo(1000000));
        assertEquals(true, TestDb.count(
                "select count(*) from audit_log where action = 'payment-policy.approved' and entity_id = 'default/CHF'") >= 1);
    }
}
