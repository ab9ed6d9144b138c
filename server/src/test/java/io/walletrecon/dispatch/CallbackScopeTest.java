package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A provider's signed notification settles only an order of the account it was signed for, sent through that
 * provider's channel, for the amount and currency the order names: real intake over HTTP, real signatures.
 */
@QuarkusTest
class CallbackScopeTest {

    @Inject
    DispatchService dispatch;

    @BeforeEach
    void policies() {
        policy("NZD", 1_000_000, 5_000_000, null, null, null);
        policy("EUR", 1_000_000_000, 2_000_000_000, null, null, null);
    }

    /**
     * A payout of {@code account} as the dispatcher leaves it once Stripe took it: submitted, with Stripe's object id.
     */
    private static long submittedPayout(String account, String providerId) {
        long id = create(finance("maker"),
                payout(account, "NZD", "25.00", TestData.unique("acct"), TestData.unique("PO")));
        TestDb.update("delete from dispatch_jobs where payment_id = ?", id);
        TestDb.update(
                "update payment_orders set state = 'submitted', provider_payment_id = ?, submitted_at = now() where id = ?",
                providerId, id);
        return id;
    }

    @Test
    void aStandardWebhooksPayoutFailedCannotFailASupplierPaymentInABankFile() {
        String bank = bankAccount("EUR", 100_000_000);
        long id = create(finance("maker"),
                BankFileTest.supplier(bank, "420.00", "Acme Supplies GmbH", "DE89370400440532013000", null,
                        TestData.unique("INV"), LocalDate.now(ZoneId.of("Europe/Berlin"))));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("submitted", state(id));
        assertEquals("e2e-" + id, providerPaymentId(id));

        // Anyone with a Standard Webhooks secret of any account can sign an event naming the guessable end-to-end id.
        String other = Webhooks.standardAccount("EUR");
        Webhooks.standard(other, "payout.failed", "e2e-" + id, 42_000, "EUR").statusCode(200);
        Webhooks.standard(other, "payout.succeeded", "e2e-" + id, 42_000, "EUR").statusCode(200);

        assertEquals("submitted", state(id));
        assertEquals(0,
                TestDb.count("select count(*) from payment_history where payment_id = ? and actor = 'provider'", id));
    }

    @Test
    void aStripeEventSignedForAnotherAccountDoesNotMoveThisAccountsPayout() {
        String mine = stripeAccount("NZD", 10_000_000);
        String theirs = stripeAccount("NZD", 10_000_000);
        String po = TestData.unique("po");
        long id = submittedPayout(mine, po);

        Webhooks.stripe(theirs, "payout.failed", Webhooks.payout(po, 2500, "NZD", "failed", id)).statusCode(200);
        assertEquals("submitted", state(id));

        Webhooks.stripe(mine, "payout.paid", Webhooks.payout(po, 2500, "NZD", "paid", null)).statusCode(200);
        assertEquals("completed", state(id));
    }

    @Test
    void aNotificationForAnotherAmountOrCurrencyChangesNothingAndRaisesAnAlert() {
        String account = stripeAccount("NZD", 10_000_000);
        String po = TestData.unique("po");
        long id = submittedPayout(account, po);

        Webhooks.stripe(account, "payout.paid", Webhooks.payout(po, 250_000, "NZD", "paid", null)).statusCode(200);
        Webhooks.stripe(account, "payout.failed", Webhooks.payout(po, 2500, "AUD", "failed", null)).statusCode(200);

        assertEquals("submitted", state(id));
        assertEquals(2, alerts(id, "CALLBACK_MISMATCH"));
        assertEquals(
                "A provider report about payment " + id
                        + " was not applied: the report says 2500.00 NZD, the payment is 25.00 NZD"
                        + " (provider notification: payout " + po + " succeeded)",
                TestDb.scalar(
                        "select message from alerts where payment_id = ? and kind = 'CALLBACK_MISMATCH' order by id limit 1",
                        id));
    }

    @Test
    void ourPaymentIdInStripeMetadataFindsAnOrderOnlyWithinTheSigningAccount() {
        String mine = stripeAccount("NZD", 10_000_000);
        String theirs = stripeAccount("NZD", 10_000_000);
        // The answer to our send was lost: the order is unknown and does not know its Stripe object id.
        long id = submittedPayout(mine, null);
        TestDb.update("update payment_orders set state = 'unknown' where id = ?", id);
        String po = TestData.unique("po");

        Webhooks.stripe(theirs, "payout.paid", Webhooks.payout(po, 2500, "NZD", "paid", id)).statusCode(200);
        assertEquals("unknown", state(id));

        Webhooks.stripe(mine, "payout.paid", Webhooks.payout(po, 2500, "NZD", "paid", id)).statusCode(200);
        assertEquals("completed", state(id));
        assertEquals(po, providerPaymentId(id));
    }

    @Test
    void metadataNamingAnOrderThatKnowsAnotherObjectChangesNothing() {
        String account = stripeAccount("NZD", 10_000_000);
        String po = TestData.unique("po");
        long id = submittedPayout(account, po);

        Webhooks.stripe(account, "payout.failed",
                Webhooks.payout(TestData.unique("po-other"), 2500, "NZD", "failed", id)).statusCode(200);
        assertEquals("submitted", state(id));
        assertEquals(1, alerts(id, "CALLBACK_MISMATCH"));
    }
}
