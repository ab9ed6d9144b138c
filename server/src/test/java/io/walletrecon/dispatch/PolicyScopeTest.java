package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payment policies, beneficiaries and the checks built on them belong to the paying account's company: company A's
 * tiers and limits never approve, hold or alert a payment of company B, nor do A's earlier payments.
 */
@QuarkusTest
class PolicyScopeTest {

    private static final String MAKER = finance("pia");

    @Inject
    DispatchService dispatch;

    private String a;
    private String b;

    @BeforeEach
    void setUp() {
        a = TestCompanies.create("pol-a").code();
        b = TestCompanies.create("pol-b").code();
    }

    @Test
    void aCompanysApprovalTiersDoNotApplyToAnotherCompanysPayments() {
        policy(a, "CHF", 10_000, 1_000_000, null, null, null);
        String aAccount = stripeAccount(a, "CHF", 100_000_000);
        String bAccount = stripeAccount(b, "CHF", 100_000_000);
        String destination = TestData.unique("ba");

        long ours = create(MAKER, payout(aAccount, "CHF", "50.00", destination, "T-A"));
        long theirs = create(MAKER, payout(bAccount, "CHF", "50.00", destination, "T-B"));

        get(ours).body("state", equalTo("scheduled")).body("approvalsRequired", equalTo(0)).body("company", equalTo(a));
        get(theirs).body("state", equalTo("pending_approval")).body("approvalsRequired", equalTo(1)).body("company",
                equalTo(b));
        given().header("Authorization", finance("reader")).queryParam("company", b).when().get("/payments").then()
                .statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) theirs));
    }

    @Test
    void beneficiariesDuplicatesAndDailyLimitsAreCountedPerCompany() {
        policy(a, "GBP", 100_000, 1_000_000, null, 1, null);
        policy(b, "GBP", 100_000, 1_000_000, null, 1, null);
        String aAccount = stripeAccount(a, "GBP", 10_000_000);
        String bAccount = stripeAccount(b, "GBP", 10_000_000);
        String destination = TestData.unique("ba");

        long ours = create(MAKER, payout(aAccount, "GBP", "10.00", destination, "SAME-REF"));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("submitted", state(ours));
        long theirs = create(MAKER, payout(bAccount, "GBP", "10.00", destination, "SAME-REF"));

        assertEquals("scheduled", state(theirs), "not a duplicate of another company's payment");
        assertEquals(1, alerts(theirs, "NEW_BENEFICIARY"),
                "the first payment of this company to the beneficiary");
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("submitted", state(theirs), "company A's payment today does not use up company B's daily limit");
    }

    @Test
    void policiesAreReadAndChangedPerCompany() {
        policy(a, "SEK", 5_000, 500_000, null, null, null);
        long waiting = given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("company", a)
                .body(Map.of("autoLimitMinor", 6_000, "dualLimitMinor", 600_000, "reason", "next year"))
                .when().put("/payment-policies/SEK").then().statusCode(202).body("company", equalTo(a)).extract()
                .jsonPath().getLong("id");

        given().header("Authorization", ADMIN).queryParam("company", a).when().get("/payment-policies/SEK").then()
                .statusCode(200)
                .body("company", equalTo(a)).body("autoLimitMinor", equalTo(5_000));
        given().header("Authorization", ADMIN).queryParam("company", b).when().get("/payment-policies/SEK").then()
                .statusCode(200)
                .body("company", equalTo(b)).body("autoLimitMinor", equalTo(0));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("company", b)
                .body(Map.of("autoLimitMinor", 1, "dualLimitMinor", 2))
                .when().put("/payment-policies/SEK").then().statusCode(202);
        given().header("Authorization", SECOND_ADMIN).contentType(ContentType.JSON).queryParam("company", b)
                .body(Map.of("comment", "x"))
                .when().post("/payment-policies/SEK/changes/" + waiting + "/approval").then().statusCode(404)
                .body("detail", equalTo("No change " + waiting + " of the SEK payment policy of company " + b));
        given().header("Authorization", ADMIN).queryParam("company", "no-such-co").when().get("/payment-policies/SEK")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("company"))
                .body("detail", equalTo("No company with code 'no-such-co'"));
    }
}
