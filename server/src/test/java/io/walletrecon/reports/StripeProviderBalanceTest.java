package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.statements.Samples;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Stripe account's reconciliation statement compares our book with the ending balance of Stripe's balance summary
 * report, uploaded with the itemized balance change report of the same month. Known answers (USD, minor units):
 * 500.00 in before March; in March a charge of 100.00 (fee 3.20), a refund of 20.00, a charge of 2,500.00 (fee 72.80)
 * and a payout of 2,504.00; the summary starts and ends at 500.00.
 */
@QuarkusTest
class StripeProviderBalanceTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static ValidatableResponse upload(long account, byte[] file, String from, String to) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", ReportFixtures.code(account)).body(file);
        if (from != null) {
            req = req.queryParam("from", from).queryParam("to", to);
        }
        return req.when().post("/statements").then();
    }

    /**
     * The Stripe account's book: everything the reports show, except the 100.00 charge when {@code withCharge} is
     * false.
     */
    static long stripeAccount(boolean withCharge) {
        long a = ReportFixtures.account("stripesum", "stripe", "USD", "America/New_York");
        ReportFixtures.txn(a, "in", 50000, null, "USD", "succeeded", "2026-02-20", null);
        if (withCharge) {
            ReportFixtures.txn(a, "in", 10000, 320L, "USD", "succeeded", "2026-03-01", null);
        }
        ReportFixtures.txn(a, "out", 2000, null, "USD", "succeeded", "2026-03-01", null);
        ReportFixtures.txn(a, "in", 250000, 7280L, "USD", "succeeded", "2026-03-01", null);
        ReportFixtures.txn(a, "out", 250400, null, "USD", "succeeded", "2026-03-02", null);
        upload(a, Samples.bytes("stripe-balance.csv"), "2026-03-01", "2026-03-31").statusCode(201)
                .body("format", equalTo("stripe"));
        upload(a, Samples.bytes("stripe-summary.csv"), "2026-03-01", "2026-03-31").statusCode(201)
                .body("format", equalTo("stripe-summary"));
        return a;
    }

    static JsonPath reconciliation(long account) {
        return given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", ReportFixtures.code(account)).queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aStripeMonthWhoseSummaryAgreesHasNoDifference() {
        JsonPath json = reconciliation(stripeAccount(true));
        assertEquals(50000, json.getInt("figures.openingBalanceMinor"));
        assertEquals(50000, json.getInt("figures.closingBalanceMinor"));
        assertEquals("2026-03-31", json.getString("figures.reportedAsOf"));
        assertEquals(50000, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals("500.00", json.getString("figures.reportedClosingBalance"));
        assertEquals(0, json.getInt("figures.differenceMinor"));
        assertEquals("0.00", json.getString("figures.difference"));
    }

    @Test
    void aChargeMissingFromOurBooksIsExactlyItsNetAsTheDifference() {
        JsonPath json = reconciliation(stripeAccount(false));
        assertEquals(50000, json.getInt("figures.reportedClosingBalanceMinor"));
        assertEquals(40320, json.getInt("figures.computedAtReportedMinor"));
        assertEquals(-9680, json.getInt("figures.differenceMinor"),
                "the 100.00 charge less its 3.20 fee that Stripe booked and we did not");
    }

    @Test
    void aSummaryWithoutAPeriodIsRefused() {
        long a = ReportFixtures.account("stripesum", "stripe", "USD", "America/New_York");
        upload(a, Samples.bytes("stripe-summary.csv"), null, null).statusCode(422)
                .body("errors[0].line", equalTo(7))
                .body("errors[0].message", containsString("give the first and last day it covers as from and to"));
    }

    @Test
    void aSummaryThatDoesNotAddUpIsRefusedNamingItsEndingBalanceRow() {
        long a = ReportFixtures.account("stripesum", "stripe", "USD", "America/New_York");
        byte[] wrong = Samples.text("stripe-summary.csv", StandardCharsets.UTF_8)
                .replace("payouts,Total payouts,-2504.00", "payouts,Total payouts,-2500.00")
                .getBytes(StandardCharsets.UTF_8);
        upload(a, wrong, "2026-03-01", "2026-03-31").statusCode(422)
                .body("errors[0].line", equalTo(7))
                .body("errors[0].message", containsString("the summary does not add up"));
    }
}
