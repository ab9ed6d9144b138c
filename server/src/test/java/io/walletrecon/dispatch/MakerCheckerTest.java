package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Controls hold against the people they control: no release, approval or limit change on one's own action. */
@QuarkusTest
class MakerCheckerTest {

    @Inject
    DispatchService dispatch;

    private static ValidatableResponse release(String token, long id, String comment) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .when().post("/payments/" + id + "/release").then();
    }

    private static ValidatableResponse approve(String token, long id) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .when().post("/payments/" + id + "/approvals").then();
    }

    /** A payout held for RISK: the beneficiary's daily limit (one payment) is used by an earlier one. */
    private long riskHeld(String maker) {
        // THB: auto-approved up to 1,000.00, one payment per beneficiary a day.
        policy("THB", 100_000, 1_000_000, null, 1, null);
        String account = stripeAccount("THB", 10_000_000);
        String destination = TestData.unique("ba");
        create(maker, payout(account, "THB", "900.00", destination, "SPLIT-1"));
        long second = create(maker, payout(account, "THB", "900.00", destination, "SPLIT-2"));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("held", state(second));
        assertEquals("RISK", holdReason(second));
        return second;
    }

    @Test
    void theMakerCannotReleaseHerOwnRiskHoldEvenWithTheApproverRole() {
        long id = riskHeld(TestJwt.bearer("mei", "finance"));
        release(TestJwt.bearer("mei", "finance", "approver"), id, "my supplier").statusCode(403)
                .body("detail", equalTo(
                        "You created payment " + id + "; another approver must release its RISK hold (maker-checker)"));
        release(finance("fred"), id, "looks fine").statusCode(403)
                .body("detail", equalTo(
                        "Payment " + id + " is held for RISK; releasing it needs the approver role (maker-checker)"));
        release(approver("olga"), id, " ").statusCode(400);
        assertEquals("held", state(id));

        release(approver("olga"), id, "month-end run agreed with treasury").statusCode(200).body("state",
                equalTo("scheduled"));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'payment.released' and entity_id = ? and actor = ?",
                Long.toString(id), TestJwt.person("olga")));
    }

    @Test
    void theMakerCannotReleaseHerOwnPossibleDuplicate() {
        policy("THB", 100_000, 1_000_000, null, null, null);
        String account = stripeAccount("THB", 10_000_000);
        String destination = TestData.unique("ba");
        String maker = TestJwt.bearer("mei", "finance", "approver");
        create(maker, payout(account, "THB", "10.00", destination, "DUP"));
        long dup = create(maker, payout(account, "THB", "10.00", destination, "DUP"));
        release(maker, dup, "not a duplicate").statusCode(403);
        release(approver("olga"), dup, "two deliveries").statusCode(200);
    }

    @Test
    void theSameSubjectUnderAnotherNameIsTheSamePerson() {
        policy("THB", 100_000, 1_000_000, null, null, null);
        String account = stripeAccount("THB", 10_000_000);
        // Above the dual limit: two approvals by two different people.
        long id = create(TestJwt.bearer("mia", "finance"),
                payout(account, "THB", "20000.00", TestData.unique("ba"), "BIG"));

        approve(TestJwt.bearerNamed("ada", "ada", "approver"), id).statusCode(200);
        approve(TestJwt.bearerNamed("ada", "ada.lovelace@corp.example", "approver"), id).statusCode(409);
        // The creator, renamed by the identity provider, is still the creator.
        approve(TestJwt.bearerNamed("mia", "mia.new@corp.example", "approver"), id).statusCode(403);
        assertEquals("pending_approval", state(id));
        get(id).body("approvals.approver", contains(TestJwt.person("ada"))).body("createdBy",
                equalTo(TestJwt.person("mia")));
    }

    @Test
    void aPolicyChangeTakesEffectOnlyWhenASecondAdminApprovesIt() {
        policy("MYR", 10_000, 1_000_000, null, null, null);
        String alice = TestJwt.bearer("alice", "admin");
        String bob = TestJwt.bearer("bob", "admin");
        long change = given().header("Authorization", alice).contentType(ContentType.JSON)
                .body(Map.of("autoLimitMinor", 100_000_000, "dualLimitMinor", 200_000_000, "reason",
                        "fewer approvals at month end"))
                .when().put("/payment-policies/MYR").then().statusCode(202).body("state", equalTo("pending"))
                .body("proposedBy", equalTo(TestJwt.person("alice"))).extract().jsonPath().getLong("id");
        given().header("Authorization", alice).get("/payment-policies/MYR").then().statusCode(200)
                .body("autoLimitMinor", equalTo(10_000));

        given().header("Authorization", alice).contentType(ContentType.JSON).body(Map.of("comment", "mine"))
                .when().post("/payment-policies/MYR/changes/" + change + "/approval").then().statusCode(403);
        given().header("Authorization", bob).contentType(ContentType.JSON)
                .body(Map.of("autoLimitMinor", 1, "dualLimitMinor", 2)).when().put("/payment-policies/MYR").then()
                .statusCode(409);
        given().header("Authorization", alice).get("/payment-policies/MYR").then().body("autoLimitMinor",
                equalTo(10_000));

        given().header("Authorization", bob).contentType(ContentType.JSON)
                .body(Map.of("comment", "agreed in the finance meeting"))
                .when().post("/payment-policies/MYR/changes/" + change + "/approval").then().statusCode(200)
                .body("state", equalTo("approved")).body("decidedBy", equalTo(TestJwt.person("bob")));
        given().header("Authorization", alice).get("/payment-policies/MYR").then().body("autoLimitMinor",
                equalTo(100_000_000));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from audit_log where action = 'payment-policy.proposed' and details like ?",
                        "%\"changeId\":" + change + ",%"));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'payment-policy.approved' and actor = ? and details like ?",
                TestJwt.person("bob"), "%\"changeId\":" + change + ",%"));
        given().header("Authorization", bob).contentType(ContentType.JSON).body(Map.of("comment", "again"))
                .when().post("/payment-policies/MYR/changes/" + change + "/approval").then().statusCode(409);
    }

    @Test
    void aRejectedOrWithdrawnChangeLeavesThePolicyAsItWas() {
        policy("IDR", 10_000, 1_000_000, null, null, null);
        String alice = TestJwt.bearer("alice", "admin");
        String bob = TestJwt.bearer("bob", "admin");
        long first = given().header("Authorization", alice).contentType(ContentType.JSON)
                .body(Map.of("autoLimitMinor", 500_000, "dualLimitMinor", 900_000))
                .when().put("/payment-policies/IDR").then().statusCode(202).extract().jsonPath().getLong("id");
        given().header("Authorization", bob).contentType(ContentType.JSON).body(Map.of("comment", "too high"))
                .when().post("/payment-policies/IDR/changes/" + first + "/rejection").then().statusCode(200)
                .body("state", equalTo("rejected"));
        long second = given().header("Authorization", alice).contentType(ContentType.JSON)
                .body(Map.of("autoLimitMinor", 20_000, "dualLimitMinor", 900_000))
                .when().put("/payment-policies/IDR").then().statusCode(202).extract().jsonPath().getLong("id");
        given().header("Authorization", alice).contentType(ContentType.JSON).body(Map.of("comment", "typo"))
                .when().post("/payment-policies/IDR/changes/" + second + "/rejection").then().statusCode(200)
                .body("state", equalTo("withdrawn"));
        given().header("Authorization", bob).get("/payment-policies/IDR").then().body("autoLimitMinor",
                equalTo(10_000));
        given().header("Authorization", bob).get("/payment-policies/IDR/changes").then().statusCode(200)
                .body("[0].state", equalTo("withdrawn")).body("[1].state", equalTo("rejected"));
    }

    @Test
    void approversAndAdminsReadPoliciesFinanceDoesNot() {
        given().header("Authorization", finance("fay")).get("/payment-policies/THB").then().statusCode(403);
        given().header("Authorization", approver("ann")).get("/payment-policies/THB").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/payment-policies/THB").then().statusCode(200);
    }

    @Test
    void theApproverSeesTheBeneficiaryAsThisOrderNamesItInFull() {
        policy("EUR", 0, 2_000_000_000, null, null, null);
        String account = bankAccount("EUR", 100_000_000);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String iban = "DE44500105175407324931";
        create(finance("max"), BankFileTest.supplier(account, "10.00", "Acme Supplies GmbH", iban, "INGDDEFFXXX",
                TestData.unique("A"), today));
        long second = create(finance("max"), BankFileTest.supplier(account, "9000.00", "Evil Ltd", iban, "DEUTDEFFXXX",
                TestData.unique("B"), today));

        given().header("Authorization", approver("ann")).get("/payments/" + second).then().statusCode(200)
                .body("beneficiary.name", equalTo("Evil Ltd")).body("beneficiary.bankAccount", equalTo(iban))
                .body("beneficiary.bankCode", equalTo("DEUTDEFFXXX")).body("beneficiary.masked", equalTo("****4931"));
        given().header("Authorization", approver("ann")).get("/payments?beneficiary=Evil").then().statusCode(200)
                .body("items.id", contains((int) second))
                .body("items[0].beneficiary.bankAccount", org.hamcrest.Matchers.nullValue());

        approve(approver("ann"), second).statusCode(200);
        ReactiveBridge.await(dispatch::dispatchDue);
        String xml = TestDb.scalar(
                "select f.content from bank_files f join payment_orders p on p.bank_file_id = f.id where p.id = ?",
                second);
        assertTrue(xml.contains("<Nm>Evil Ltd</Nm>") && xml.contains("<BICFI>DEUTDEFFXXX</BICFI>"), xml);
    }
}
