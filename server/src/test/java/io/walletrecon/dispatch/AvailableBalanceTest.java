package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The available balance counts only the order's currency, cannot overflow, and one bad row holds only its own order.
 */
@QuarkusTest
class AvailableBalanceTest {

    @Inject
    DispatchService dispatch;

    /** A succeeded Stripe payment of {@code amount} minor units in {@code currency}, signed for {@code account}. */
    private static void paid(String account, long amount, String currency) {
        Webhooks.stripe(account, "payment_intent.succeeded",
                "{\"id\":\"" + TestData.unique("pi") + "\",\"object\":\"payment_intent\",\"amount\":" + amount
                        + ",\"amount_received\":" + amount + ",\"currency\":\"" + currency.toLowerCase()
                        + "\",\"status\":\"succeeded\",\"created\":"
                        + Instant.now().getEpochSecond() + "}")
                .statusCode(200);
    }

    @Test
    void moneyInAnotherCurrencyDoesNotFundAPayout() {
        policy("CAD", 100_000_000, 200_000_000, null, null, null);
        String account = stripeAccount("CAD", 10_000);
        paid(account, 100_000_000, "EUR");
        long id = create(finance("cam"), payout(account, "CAD", "500.00", TestData.unique("ba"), "FX"));

        ReactiveBridge.await(dispatch::dispatchDue);

        get(id).body("state", equalTo("held")).body("holdReason", equalTo("LOW_BALANCE"));
        assertEquals("Payment " + id + " is held: account " + account + " has 100.00 CAD available, 500.00 CAD needed",
                alertMessage(id, "LOW_BALANCE"));
        assertEquals(0, ProviderStub.sends("/v1/payouts", id).size());
    }

    @Test
    void aBalanceBeyondTheRangeOfALongIsAddedExactly() {
        policy("CAD", 100_000_000, 200_000_000, null, null, null);
        String huge = stripeAccount("CAD", 10_000);
        paid(huge, Long.MAX_VALUE, "CAD");
        paid(huge, Long.MAX_VALUE, "CAD");
        String plain = stripeAccount("CAD", 10_000);
        long fromHuge = create(finance("cam"), payout(huge, "CAD", "50.00", TestData.unique("ba"), "BIG"));
        long fromPlain = create(finance("cam"), payout(plain, "CAD", "50.00", TestData.unique("ba"), "SMALL"));

        ReactiveBridge.await(dispatch::dispatchDue);

        assertEquals("submitted", state(fromHuge));
        assertEquals("submitted", state(fromPlain));
    }

    @Test
    void anOrderWhoseDataBreaksTheDispatcherIsHeldAloneAndTheOthersGo() {
        policy("EUR", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = bankAccount("EUR", 100_000_000);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        long broken = create(finance("bo"),
                BankFileTest.supplier(account, "10.00", "Broken Data GmbH", "DE75512108001245126199", null,
                        TestData.unique("P1"), today));
        long fine = create(finance("bo"),
                BankFileTest.supplier(account, "20.00", "Fine Parts GmbH", "DE02120300000000202051", null,
                        TestData.unique("P2"), today));
        byte[] cipher = TestDb.scalar(
                "select b.account_ciphertext from beneficiaries b join payment_orders p on p.beneficiary_id = b.id where p.id = ?",
                broken);
        TestDb.update(
                "update beneficiaries set account_ciphertext = '\\x00'::bytea where id = (select beneficiary_id from payment_orders where id = ?)",
                broken);

        ReactiveBridge.await(dispatch::dispatchDue);

        assertEquals("submitted", state(fine));
        get(broken).body("state", equalTo("held")).body("holdReason", equalTo("DISPATCH_ERROR"));
        assertEquals(1, alerts(broken, "DISPATCH_ERROR"));
        assertEquals(1, TestDb.count(
                "select count(*) from bank_files f join payment_orders p on p.bank_file_id = f.id where p.id = ? and f.payment_count = 1",
                fine));

        // Once the data is repaired, finance releases it and it goes out like any other.
        TestDb.update(
                "update beneficiaries set account_ciphertext = ? where id = (select beneficiary_id from payment_orders where id = ?)",
                cipher, broken);
        given().header("Authorization", finance("bo")).contentType(ContentType.JSON)
                .body(Map.of("comment", "beneficiary record repaired"))
                .when().post("/payments/" + broken + "/release").then().statusCode(200)
                .body("state", equalTo("scheduled"));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("submitted", state(broken));
    }
}
