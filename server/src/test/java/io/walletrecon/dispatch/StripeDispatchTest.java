package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP adapter and the dispatcher against a Stripe-compatible WireMock on loopback. */
@QuarkusTest
class StripeDispatchTest {

    private static final String FINANCE = finance("sam");

    @Inject
    DispatchService dispatch;
    @Inject
    PaymentStatusService status;
    @Inject
    PaymentPoller poller;

    private String account;
    private String destination;

    @BeforeEach
    void setUp() {
        policy("USD", 100_000_000, 200_000_000, null, null, null);
        account = stripeAccount("USD", 1_000_000_000L);
        destination = TestData.unique("ba");
    }

    private long scheduledPayout(String amount) {
        long id = create(FINANCE, payout(account, "USD", amount, destination, "PO-" + destination));
        assertEquals("scheduled", state(id));
        return id;
    }

    /** Runs the dispatcher until the job of {@code id} is done (or the attempts run out), waiting for backoffs. */
    private void dispatchUntilDone(long id) {
        for (int i = 0; i < 60; i++) {
            ReactiveBridge.await(dispatch::dispatchDue);
            if (TestDb.count("select count(*) from dispatch_jobs where payment_id = ? and status = 'done'", id) == 1) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("job of payment " + id + " not done");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(long id) {
        return DispatchFixtures.key(id);
    }

    @Test
    void successSendsOnceWithThePaymentIdAsIdempotencyKey() {
        long id = scheduledPayout("10.50");
        dispatchUntilDone(id);

        var sends = ProviderStub.sends("/v1/payouts", id);
        assertEquals(1, sends.size());
        String form = sends.get(0).getBodyAsString();
        assertTrue(form.contains("amount=1050"), form);
        assertTrue(form.contains("currency=usd"), form);
        assertTrue(form.contains("destination=" + destination), form);
        assertEquals("application/x-www-form-urlencoded", sends.get(0).getHeader("Content-Type"));
        assertEquals("Bearer sk_test_stub", sends.get(0).getHeader("Authorization"));
        get(id).body("state", equalTo("submitted")).body("providerPaymentId", equalTo("po_" + key(id)))
                .body("attempts.outcome", contains("accepted")).body("attempts[0].httpStatus", equalTo(200))
                .body("history.to", contains("draft", "approved", "scheduled", "submitted"));
    }

    @Test
    void serverErrorThenSuccessRetriesWithTheSameKey() {
        long id = scheduledPayout("20.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .inScenario("500-" + id).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"internal\"}}")));
        dispatchUntilDone(id);

        assertEquals(2, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("state", equalTo("submitted")).body("providerPaymentId", equalTo("po_" + key(id)))
                .body("attempts.outcome", contains("ambiguous", "accepted"))
                .body("attempts[0].httpStatus", equalTo(500))
                .body("attempts[0].error", equalTo("HTTP 500: internal"));
    }

    @Test
    void timeoutThenSuccessMakesExactlyOnePaymentAtTheProvider() {
        long id = scheduledPayout("30.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .inScenario("timeout-" + id).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(aResponse().withStatus(200).withFixedDelay(2500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"po_" + key(id) + "\",\"object\":\"payout\",\"status\":\"pending\"}")));
        dispatchUntilDone(id);

        var sends = ProviderStub.sends("/v1/payouts", id);
        assertEquals(2, sends.size());
        // Both requests carry the one key, so the provider holds one payout: the one id we stored.
        assertEquals(Set.of(key(id)), Set.copyOf(sends.stream().map(r -> r.getHeader("Idempotency-Key")).toList()));
        get(id).body("providerPaymentId", equalTo("po_" + key(id)))
                .body("attempts.outcome", contains("ambiguous", "accepted"))
                .body("attempts[0].error", org.hamcrest.Matchers.startsWith("timeout"));
        assertEquals(1, historyTo(id, "submitted"));
    }

    @Test
    void badRequestFailsWithoutRetryAndRaisesAnAlert() {
        long id = scheduledPayout("40.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such external account: '"
                                        + destination + "'\"}}")));
        dispatchUntilDone(id);
        ReactiveBridge.await(dispatch::dispatchDue);

        assertEquals(1, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("state", equalTo("failed"))
                .body("failureReason",
                        equalTo("provider refused: HTTP 400: No such external account: '" + destination + "'"))
                .body("attempts.outcome", contains("rejected"));
        assertEquals(1, alerts(id, "PAYMENT_FAILED"));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        long id = scheduledPayout("50.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .inScenario("429-" + id).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withBody("{\"error\":{\"message\":\"rate limited\"}}")));
        ReactiveBridge.await(dispatch::dispatchDue);
        double wait = ((Number) TestDb
                .scalar("select extract(epoch from due_at - updated_at) from dispatch_jobs where payment_id = ?", id))
                .doubleValue();
        assertTrue(wait >= 1.9, "due again after " + wait + " s, Retry-After said 2 s");
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals(1, ProviderStub.sends("/v1/payouts", id).size());

        sleep(2100);
        dispatchUntilDone(id);
        assertEquals(2, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("attempts.outcome", contains("retry", "accepted")).body("attempts[0].httpStatus", equalTo(429));
    }

    @Test
    void serverErrorsUpToTheLimitLeaveTheOutcomeUnknownNeverFailed() {
        long id = scheduledPayout("60.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"maintenance\"}}")));
        dispatchUntilDone(id);
        ReactiveBridge.await(dispatch::dispatchDue);

        // A 5xx may have been executed: after the last allowed send the payment is unknown, alerted, and never sent again.
        assertEquals(4, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("state", equalTo("unknown")).body("failureReason", org.hamcrest.Matchers.nullValue())
                .body("attempts.outcome", contains("ambiguous", "ambiguous", "ambiguous", "ambiguous"))
                .body("history[-1].reason", equalTo("outcome unknown: sent 4 times; last: HTTP 503: maintenance"));
        assertEquals(1, alerts(id, "PAYMENT_UNKNOWN"));
        assertEquals(0, alerts(id, "PAYMENT_FAILED"));
    }

    @Test
    void rateLimitedUpToTheLimitFailsBecauseTheProviderExecutedNothing() {
        long id = scheduledPayout("61.00");
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"slow down\"}}")));
        dispatchUntilDone(id);

        assertEquals(4, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("state", equalTo("failed"))
                .body("failureReason",
                        equalTo("gave up after 4 attempts, none executed by the provider; last: HTTP 429: slow down"))
                .body("attempts.outcome", contains("retry", "retry", "retry", "retry"));
    }

    @Test
    void crashBetweenProviderCallAndCommitHealsWithoutASecondPayment() {
        long id = scheduledPayout("70.00");
        // Claim and send, then "crash": the answer is never recorded. Other tests' claimed jobs are recorded normally.
        DispatchClaims.Claim claim = ReactiveBridge.await(() -> dispatch.claim("stripe", 1000));
        List<DispatchClaims.Claimed> mine = claim.toSend().stream().filter(c -> c.paymentId() == id).toList();
        List<DispatchClaims.Claimed> others = claim.toSend().stream().filter(c -> c.paymentId() != id).toList();
        assertEquals(1, mine.size());
        ReactiveBridge.await(() -> dispatch.send(mine));
        ReactiveBridge.await(() -> dispatch.send(others).chain(results -> dispatch.record(others, results)));
        assertEquals(1, ProviderStub.sends("/v1/payouts", id).size());
        assertEquals("submitted", state(id));
        assertEquals((Object) null, providerPaymentId(id));

        // While the lease holds, no other dispatcher touches it.
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals(1, ProviderStub.sends("/v1/payouts", id).size());

        TestDb.update("update dispatch_jobs set lease_until = now() - interval '1 second' where payment_id = ?", id);
        dispatchUntilDone(id);

        var sends = ProviderStub.sends("/v1/payouts", id);
        assertEquals(2, sends.size());
        assertEquals(sends.get(0).getBodyAsString(), sends.get(1).getBodyAsString());
        get(id).body("providerPaymentId", equalTo("po_" + key(id)))
                .body("attempts.outcome", contains("crashed", "accepted"))
                .body("attempts.attemptNo", contains(1, 2));
        assertEquals(1, historyTo(id, "submitted"));
    }

    @Test
    void aRefundThatSucceedsAtOnceIsCompleted() {
        var body = payout(account, "USD", "5.00", destination, "RF-" + destination);
        body.put("type", "refund");
        body.put("refundOf", "pi_" + destination);
        long id = create(FINANCE, body);
        dispatchUntilDone(id);
        String form = ProviderStub.sends("/v1/refunds", id).get(0).getBodyAsString();
        assertTrue(form.contains("payment_intent=pi_" + destination), form);
        get(id).body("state", equalTo("completed")).body("providerPaymentId", equalTo("re_" + key(id)));
    }

    @Test
    void providerEventsFeedTheStateMachineAndRepeatsChangeNothing() {
        long id = scheduledPayout("80.00");
        dispatchUntilDone(id);
        long accountId = TestDb.count("select account_id from payment_orders where id = ?", id);
        var first = ReactiveBridge.await(() -> status.onProviderReport(
                report(accountId, "po_" + key(id), null, 8000, ProviderOutcome.COMPLETED, "payout.paid")));
        assertEquals(new PaymentStatusService.StatusChange(id, "submitted", "completed", true), first);
        var repeat = ReactiveBridge.await(() -> status.onProviderReport(
                report(accountId, "po_" + key(id), null, 8000, ProviderOutcome.COMPLETED, "payout.paid")));
        assertFalse(repeat.applied());
        var bounced = ReactiveBridge.await(
                () -> status.onProviderReport(report(accountId, "po_" + key(id), id, 8000, ProviderOutcome.FAILED,
                        "payout.failed: account_closed")));
        assertEquals("returned", bounced.to());
        get(id).body("state", equalTo("returned")).body("failureReason", equalTo("payout.failed: account_closed"));
        assertEquals((Object) null, ReactiveBridge.await(() -> status
                .onProviderReport(report(accountId, "po_unknown", null, 8000, ProviderOutcome.COMPLETED, "x"))));
    }

    private static ProviderReport report(long accountId, String objectId, Long paymentId, long amount,
            ProviderOutcome outcome, String detail) {
        return new ProviderReport(accountId, DispatchChannel.STRIPE, objectId, paymentId, amount, "USD", outcome,
                detail);
    }

    @Test
    void pollingCompletesPayoutsWithoutCallback() {
        long id = scheduledPayout("90.00");
        dispatchUntilDone(id);
        ProviderStub.client().register(WireMock.get(urlEqualTo("/v1/payouts/po_" + key(id))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"po_" + key(id) + "\",\"object\":\"payout\",\"status\":\"paid\"}")));
        TestDb.update("update payment_orders set submitted_at = now() - interval '1 hour' where id = ?", id);
        ReactiveBridge.await(poller::pollSubmitted);
        get(id).body("state", equalTo("completed")).body("history[-1].actor", equalTo("poller"));
    }
}
