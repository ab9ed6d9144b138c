package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Balance, risk and duplicate checks before sending; alerts in the table and out through the signed webhook. */
@QuarkusTest
class ChecksTest {

    private static final String FINANCE = finance("chen");

    @Inject
    DispatchService dispatch;
    @Inject
    AlertDeliveryService deliveries;

    private String destination;

    @BeforeEach
    void setUp() {
        // GBP: auto-approve up to 1,000.00; per beneficiary per day at most 500.00 and 3 payments; alert above 300.00.
        policy("GBP", 100_000, 1_000_000, 50_000L, 3, 30_000L);
        destination = TestData.unique("ba");
    }

    private void run() {
        ReactiveBridge.await(dispatch::dispatchDue);
    }

    @Test
    void lowBalanceHoldsWithAnAlertAndSendsWhenTheBalanceAllows() {
        String account = stripeAccount("GBP", 10_000);
        long id = create(FINANCE, payout(account, "GBP", "150.00", destination, "LB"));
        run();
        get(id).body("state", equalTo("held")).body("holdReason", equalTo("LOW_BALANCE"));
        assertEquals(0, ProviderStub.sends("/v1/payouts", id).size());
        assertEquals("Payment " + id + " is held: account " + account + " has 100.00 GBP available, 150.00 GBP needed",
                alertMessage(id, "LOW_BALANCE"));

        // Money arrives (a newer statement); the next look at the held payment sends it.
        setBalance(account, 20_000);
        TestDb.update(
                "update statements set period_end = current_date where account_id = (select id from accounts where code = ?)"
                        + " and closing_balance_minor = 20000",
                account);
        TestDb.update("update dispatch_jobs set due_at = now() where payment_id = ?", id);
        run();
        get(id).body("state", equalTo("submitted"));
        assertEquals(1, ProviderStub.sends("/v1/payouts", id).size());
        assertEquals(1, alerts(id, "LOW_BALANCE"));
    }

    @Test
    void submittedPaymentsReserveTheBalance() {
        String account = stripeAccount("GBP", 25_000);
        long first = create(FINANCE, payout(account, "GBP", "200.00", destination + "-1", "R1"));
        long second = create(FINANCE, payout(account, "GBP", "100.00", destination + "-2", "R2"));
        run();
        assertEquals("submitted", state(first));
        assertEquals("held", state(second));
        assertEquals("LOW_BALANCE", holdReason(second));
    }

    @Test
    void beneficiaryDailyLimitHoldsForRiskUntilAPersonReleases() {
        String account = stripeAccount("GBP", 10_000_000);
        long a = create(FINANCE, payout(account, "GBP", "300.00", destination, "D1"));
        long b = create(FINANCE, payout(account, "GBP", "250.00", destination, "D2"));
        run();
        assertEquals("submitted", state(a));
        get(b).body("state", equalTo("held")).body("holdReason", equalTo("RISK"));
        assertEquals(1, alerts(b, "RISK_LIMIT"));
        run();
        assertEquals("held", state(b));

        given().header("Authorization", approver("rita")).contentType("application/json")
                .body(Map.of("comment", "known supplier, month end"))
                .when().post("/payments/" + b + "/release").then().statusCode(200).body("state", equalTo("scheduled"));
        run();
        assertEquals("submitted", state(b));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'payment.released' and entity_id = ?",
                        Long.toString(b)));
    }

    @Test
    void newBeneficiaryAndLargeAmountRaiseAlerts() {
        String account = stripeAccount("GBP", 10_000_000);
        long id = create(FINANCE, payout(account, "GBP", "300.01", destination, "BIG"));
        assertEquals(1, alerts(id, "NEW_BENEFICIARY"));
        assertEquals(1, alerts(id, "LARGE_AMOUNT"));
        long again = create(FINANCE, payout(account, "GBP", "10.00", destination, "SMALL"));
        assertEquals(0, TestDb.count("select count(*) from alerts where payment_id = ?", again));
    }

    @Test
    void identicalPaymentWithin24HoursIsHeldUntilReleased() {
        String account = stripeAccount("GBP", 10_000_000);
        long first = create(FINANCE, payout(account, "GBP", "12.34", destination, "INV-9"));
        long dup = create(FINANCE, payout(account, "GBP", "12.34", destination, "INV-9"));
        assertEquals("scheduled", state(first));
        get(dup).body("state", equalTo("held")).body("holdReason", equalTo("POSSIBLE_DUPLICATE"));
        assertEquals("none", jobStatus(dup));
        assertEquals(
                "Payment " + dup + " is held: identical to payment " + first
                        + " (same beneficiary, amount and reference) within 24 hours",
                alertMessage(dup, "POSSIBLE_DUPLICATE"));

        given().header("Authorization", approver("rita")).contentType("application/json")
                .body(Map.of("comment", "two deliveries, two invoices"))
                .when().post("/payments/" + dup + "/release").then().statusCode(200)
                .body("state", equalTo("scheduled"));
        given().header("Authorization", approver("rita")).contentType("application/json")
                .body(Map.of("comment", "again"))
                .when().post("/payments/" + dup + "/release").then().statusCode(409)
                .body("detail", equalTo("Payment " + dup + " is scheduled, not held; there is nothing to release"));
    }

    @Test
    void alertsGoOutSignedWithStandardWebhooksAndRetriesAreCapped() throws Exception {
        String account = stripeAccount("GBP", 10_000_000);
        long id = create(FINANCE, payout(account, "GBP", "400.00", destination, "SIG"));
        long alertId = TestDb.count("select id from alerts where payment_id = ? and kind = 'LARGE_AMOUNT'", id);
        String webhookId = "walletrecon-alert-" + alertId;
        ReactiveBridge.await(deliveries::deliverDue);

        List<LoggedRequest> got = ProviderStub.client()
                .find(postRequestedFor(urlEqualTo("/alerts")).withHeader("webhook-id", WireMock.equalTo(webhookId)));
        assertEquals(1, got.size());
        LoggedRequest r = got.get(0);
        String body = r.getBodyAsString();
        String expected = AlertDeliveryService.sign(ProviderStubResource.ALERT_SECRET, webhookId,
                Long.parseLong(r.getHeader("webhook-timestamp")), body);
        assertEquals(expected, r.getHeader("webhook-signature"));
        assertTrue(expected.startsWith("v1,"));
        // Independent check of the HMAC with the JDK, over id.timestamp.body with the base64 key after whsec_.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                java.util.Base64.getDecoder().decode(ProviderStubResource.ALERT_SECRET.substring(6)), "HmacSHA256"));
        String sig = java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal((webhookId + "." + r.getHeader("webhook-timestamp") + "." + body)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("v1," + sig, r.getHeader("webhook-signature"));
        assertTrue(body.contains("\"type\":\"payment.alert.large_amount\""), body);
        assertEquals("delivered", TestDb.scalar("select status from alert_deliveries where alert_id = ?", alertId));
    }

    @Test
    void deadEndpointIsGivenUpAfterTheCap() {
        String account = stripeAccount("GBP", 10_000_000);
        long id = create(FINANCE, payout(account, "GBP", "400.00", TestData.unique("dead"), "DEAD"));
        long alertId = TestDb.count("select id from alerts where payment_id = ? and kind = 'LARGE_AMOUNT'", id);
        String webhookId = "walletrecon-alert-" + alertId;
        ProviderStub.client()
                .register(WireMock.any(urlEqualTo("/alerts")).atPriority(1)
                        .withHeader("webhook-id", WireMock.equalTo(webhookId))
                        .willReturn(WireMock.aResponse().withStatus(503)));
        for (int i = 0; i < 6; i++) {
            TestDb.update(
                    "update alert_deliveries set next_attempt_at = now() where alert_id = ? and status = 'pending'",
                    alertId);
            ReactiveBridge.await(deliveries::deliverDue);
        }
        assertEquals(3,
                ProviderStub.client().find(
                        postRequestedFor(urlEqualTo("/alerts")).withHeader("webhook-id", WireMock.equalTo(webhookId)))
                        .size());
        assertEquals("dead", TestDb.scalar("select status from alert_deliveries where alert_id = ?", alertId));
        assertEquals(503,
                ((Number) TestDb.scalar("select last_status from alert_deliveries where alert_id = ?", alertId))
                        .intValue());
    }
}
