package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payment whose answer was lost is never final-failed and never sent with a new key: it is unknown until the
 * provider's own record settles it, it counts in the duplicate check, and re-sends are capped in number and time.
 */
@QuarkusTest
class AmbiguousOutcomeTest {

    private static final String FINANCE = finance("una");

    @Inject
    DispatchService dispatch;
    @Inject
    PaymentPoller poller;

    private String account;
    private String destination;

    @BeforeEach
    void setUp() {
        policy("HKD", 100_000_000, 200_000_000, null, null, null);
        account = stripeAccount("HKD", 1_000_000_000L);
        destination = TestData.unique("ba");
    }

    /** A payout sent once whose answer never came, and whose re-sends are used up: unknown, no Stripe id known. */
    private long unknownPayout(String amount, String reference) {
        long id = create(FINANCE, payout(account, "HKD", amount, destination, reference));
        TestDb.update("update dispatch_jobs set status = 'done' where payment_id = ?", id);
        TestDb.update(
                "update payment_orders set state = 'unknown', submitted_at = now() - interval '1 hour' where id = ?",
                id);
        TestDb.update(
                "insert into payment_attempts (payment_id, attempt_no, outcome, error, started_at) values (?, 1, 'ambiguous', 'timeout', now())",
                id);
        return id;
    }

    @Test
    void recreatingAPaymentWhoseOutcomeIsUnknownIsHeldAsAPossibleDuplicateEvenDaysLater() {
        long lost = unknownPayout("77.00", "INV-U");
        TestDb.update("update payment_orders set created_at = now() - interval '3 days' where id = ?", lost);

        long again = create(FINANCE, payout(account, "HKD", "77.00", destination, "INV-U"));
        get(again).body("state", equalTo("held")).body("holdReason", equalTo("POSSIBLE_DUPLICATE"));
        assertEquals(
                "Payment " + again + " is held: identical to payment " + lost
                        + " (same beneficiary, amount and reference),"
                        + " whose outcome at the provider is not known yet",
                alertMessage(again, "POSSIBLE_DUPLICATE"));
    }

    @Test
    void aFailedPaymentThatHadAnAmbiguousAttemptStillCountsAsAPossibleDuplicate() {
        long failed = unknownPayout("78.00", "INV-F");
        TestDb.update("update payment_orders set state = 'failed' where id = ?", failed);

        long again = create(FINANCE, payout(account, "HKD", "78.00", destination, "INV-F"));
        get(again).body("state", equalTo("held")).body("holdReason", equalTo("POSSIBLE_DUPLICATE"));
    }

    @Test
    void searchingTheProviderFindsTheObjectALostAnswerCreatedAndSettlesThePayment() {
        long id = unknownPayout("79.00", "INV-S");
        String key = key(id);
        String po = TestData.unique("po");
        // Stripe lists payouts newest first, 100 a page: the first page holds others' payouts, the second ours.
        ProviderStub.client().register(WireMock.get(urlPathEqualTo("/v1/payouts")).atPriority(2)
                .withQueryParam("starting_after", WireMock.absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"has_more\":true,"
                                + "\"data\":[{\"id\":\"po_other\",\"object\":\"payout\",\"amount\":7900,\"currency\":\"hkd\",\"status\":\"paid\","
                                + "\"metadata\":{\"payment_id\":\"" + id
                                + "\",\"idempotency_key\":\"another-installation/x\"}}]}")));
        ProviderStub.client().register(WireMock.get(urlPathEqualTo("/v1/payouts")).atPriority(1)
                .withQueryParam("starting_after", WireMock.equalTo("po_other"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"has_more\":false,"
                                + "\"data\":[{\"id\":\"" + po
                                + "\",\"object\":\"payout\",\"amount\":7900,\"currency\":\"hkd\",\"status\":\"in_transit\","
                                + "\"metadata\":{\"payment_id\":\"" + id + "\",\"idempotency_key\":\"" + key
                                + "\"}}]}")));

        ReactiveBridge.await(poller::searchUnknown);

        get(id).body("state", equalTo("submitted")).body("providerPaymentId", equalTo(po)).body("history[-1].actor",
                equalTo("poller"));
        assertEquals(0, ProviderStub.sends("/v1/payouts", id).size(), "searching never sends");
    }

    @Test
    void aPayoutPaidNotificationCompletesAnUnknownPayment() {
        long id = unknownPayout("80.00", "INV-N");
        String po = TestData.unique("po");
        Webhooks.stripe(account, "payout.paid", Webhooks.payout(po, 8000, "HKD", "paid", id)).statusCode(200);
        get(id).body("state", equalTo("completed")).body("providerPaymentId", equalTo(po));
    }

    @Test
    void aSendWhoseAnswerWasLostLongerAgoThanTheResendWindowIsNotSentAgainButBecomesUnknown() {
        long id = create(FINANCE, payout(account, "HKD", "81.00", destination, "INV-W"));
        // Claimed and sent 23 h 5 min ago by a dispatcher that died before recording the answer; its lease ran out.
        TestDb.update(
                "update payment_orders set state = 'submitted', submitted_at = now() - interval '23 hours 5 minutes' where id = ?",
                id);
        TestDb.update(
                "update dispatch_jobs set status = 'in_flight', attempts = 1, lease_until = now() - interval '1 second' where payment_id = ?",
                id);

        ReactiveBridge.await(dispatch::dispatchDue);

        // Stripe may have forgotten the key by now: a re-send could pay a second time.
        assertEquals(0, ProviderStub.sends("/v1/payouts", id).size());
        get(id).body("state", equalTo("unknown")).body("attempts.outcome", contains("crashed"));
        assertEquals(1, alerts(id, "PAYMENT_UNKNOWN"));
    }

    @Test
    void aStripeIdempotencyErrorIsAmbiguousNotARefusal() {
        long id = create(FINANCE, payout(account, "HKD", "82.00", destination, "INV-I"));
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(id)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent requests can only be used with the same parameters\"}}")));
        for (int i = 0; i < 40 && TestDb
                .count("select count(*) from dispatch_jobs where payment_id = ? and status = 'done'", id) == 0; i++) {
            ReactiveBridge.await(dispatch::dispatchDue);
            sleep(100);
        }
        get(id).body("state", equalTo("unknown")).body("attempts[0].outcome", equalTo("ambiguous"));
    }

    @Test
    void idempotencyKeysAreNamespacedByAccountAndNeverSharedBetweenOrders() {
        String other = stripeAccount("HKD", 1_000_000_000L);
        long mine = create(FINANCE, payout(account, "HKD", "1.00", destination, "K1"));
        long theirs = create(FINANCE, payout(other, "HKD", "1.00", TestData.unique("ba"), "K1"));

        get(mine).body("idempotencyKey", startsWith(account + "."));
        get(theirs).body("idempotencyKey", startsWith(other + "."));
        assertNotEquals(key(mine), key(theirs));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals(1, ProviderStub.sends("/v1/payouts", mine).size());
        assertTrue(ProviderStub.sends("/v1/payouts", mine).get(0).getBodyAsString()
                .contains("metadata%5Bidempotency_key%5D="), "key in metadata");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
