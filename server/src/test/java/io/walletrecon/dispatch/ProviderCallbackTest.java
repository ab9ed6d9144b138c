package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A payment we submitted reaches its final state from the provider's own signed notification, through the webhook
 * intake, exactly as in production: no polling, no test back door.
 */
@QuarkusTest
class ProviderCallbackTest {

    private String account;

    @BeforeEach
    void stripeAccount() {
        account = DispatchFixtures.stripeAccount("USD", 10_000_000);
        DispatchFixtures.policy("USD", 1_000_000, 5_000_000, null, null, null);
    }

    /** A created payout as the dispatcher leaves it after Stripe accepted it: submitted, with Stripe's id. */
    private long submittedPayout(String providerId) {
        long id = DispatchFixtures.create(DispatchFixtures.finance("maker"),
                DispatchFixtures.payout(account, "USD", "25.00", TestData.unique("acct"), TestData.unique("PO")));
        TestDb.update("delete from dispatch_jobs where payment_id = ?", id);
        TestDb.update(
                "update payment_orders set state = 'submitted', hold_reason = null, provider_payment_id = ?, submitted_at = now() where id = ?",
                providerId, id);
        return id;
    }

    private void deliver(String type, String objectJson) {
        Webhooks.stripe(account, type, objectJson).statusCode(200);
    }

    @Test
    void payoutPaidNotificationCompletesTheSubmittedPayment() {
        String po = TestData.unique("po");
        long id = submittedPayout(po);
        deliver("payout.paid",
                "{\"id\":\"" + po + "\",\"object\":\"payout\",\"amount\":2500,\"currency\":\"usd\",\"arrival_date\":"
                        + Instant.now().getEpochSecond() + ",\"status\":\"paid\"}");
        assertEquals("completed", DispatchFixtures.state(id));
        assertEquals(1L, TestDb
                .count("select count(*) from transactions where provider_txn_id = ? and status = 'succeeded'", po));
        assertEquals(1L, TestDb.count(
                "select count(*) from payment_history where payment_id = ? and to_state = 'completed' and actor = 'provider'",
                id));
    }

    @Test
    void payoutFailedAfterPaidReturnsThePayment() {
        String po = TestData.unique("po");
        long id = submittedPayout(po);
        String payout = "{\"id\":\"" + po
                + "\",\"object\":\"payout\",\"amount\":2500,\"currency\":\"usd\",\"arrival_date\":"
                + Instant.now().getEpochSecond();
        deliver("payout.paid", payout + ",\"status\":\"paid\"}");
        deliver("payout.failed", payout + ",\"status\":\"failed\"}");
        assertEquals("returned", DispatchFixtures.state(id));
    }

    @Test
    void refundSucceededNotificationCompletesTheRefund() {
        String re = TestData.unique("re");
        long id = submittedPayout(re);
        deliver("refund.updated", "{\"id\":\"" + re + "\",\"object\":\"refund\",\"amount\":2500,\"currency\":\"usd\","
                + "\"payment_intent\":\"pi_123\",\"status\":\"succeeded\"}");
        assertEquals("completed", DispatchFixtures.state(id));
        assertEquals("refund", TestDb.scalar("select kind from transactions where provider_txn_id = ?", re));
    }

    @Test
    void notificationAboutAPaymentMadeElsewhereChangesNoOrder() {
        String po = TestData.unique("po-elsewhere");
        deliver("payout.paid",
                "{\"id\":\"" + po + "\",\"object\":\"payout\",\"amount\":100,\"currency\":\"usd\",\"arrival_date\":"
                        + Instant.now().getEpochSecond() + ",\"status\":\"paid\"}");
        assertEquals(1L, TestDb.count("select count(*) from transactions where provider_txn_id = ?", po));
        assertEquals(0L, TestDb.count("select count(*) from payment_orders where provider_payment_id = ?", po));
    }
}
