package io.walletrecon.dispatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Risk, then balance, each order of a batch against what the orders before it left. */
class PreSendChecksTest {

    private static final long ACCOUNT = 7;
    private static final long COMPANY = 3;
    private static final long BENEFICIARY = 11;
    private PreSendChecks checks;

    @BeforeEach
    void setUp() {
        checks = new PreSendChecks();
        checks.balance(ACCOUNT, "CNY", BigDecimal.valueOf(100_000), true);
    }

    private static PreSendChecks.Order order(long id, long amountMinor, boolean riskCleared) {
        return new PreSendChecks.Order(id, ACCOUNT, "cny-main", COMPANY, BENEFICIARY, "Merchant A", amountMinor, "CNY",
                riskCleared);
    }

    private void dailyLimit(Long amountMinor, Integer count) {
        checks.policies(
                Map.of(COMPANY + "|CNY", new PaymentPolicy("acme", "CNY", 0, 1_000_000, amountMinor, count, null)));
    }

    @Test
    void anOrderWithinTheBalanceAndWithoutLimitsGoes() {
        assertTrue(checks.check(order(1, 100_000, false)).goes());
    }

    @Test
    void eachOrderReservesItsAmountSoTheNextOneSeesWhatIsLeft() {
        assertTrue(checks.check(order(1, 60_000, false)).goes());
        PreSendChecks.Verdict second = checks.check(order(2, 60_000, false));

        assertEquals(HoldReason.LOW_BALANCE, second.hold());
        assertEquals("account cny-main has 400.00 CNY available, 600.00 CNY needed", second.why());
    }

    @Test
    void anAccountWithoutAStatementHasNoKnownBalance() {
        PreSendChecks.Verdict v = checks
                .check(new PreSendChecks.Order(1, 8, "cny-new", COMPANY, BENEFICIARY, "Merchant A", 1, "CNY", false));

        assertEquals(HoldReason.LOW_BALANCE, v.hold());
        assertEquals("account cny-new has no statement in CNY with a closing balance yet", v.why());
    }

    @Test
    void theDailyAmountCountsWhatTheBeneficiaryWasSentToday() {
        dailyLimit(50_000L, null);
        checks.usage(BENEFICIARY, "CNY", BigDecimal.valueOf(30_000), 1);

        PreSendChecks.Verdict v = checks.check(order(1, 30_000, false));

        assertEquals(HoldReason.RISK, v.hold());
        assertEquals(
                "beneficiary Merchant A would receive 600.00 CNY in 2 payments today, over the daily limit of 500.00 CNY / - payments",
                v.why());
    }

    @Test
    void theDailyCountCountsTheOrdersOfThisBatchToo() {
        dailyLimit(null, 2);
        assertTrue(checks.check(order(1, 100, false)).goes());
        assertTrue(checks.check(order(2, 100, false)).goes());

        assertEquals(HoldReason.RISK, checks.check(order(3, 100, false)).hold());
    }

    @Test
    void anOrderWhoseRiskHoldAnApproverReleasedIsNotHeldForRiskAgain() {
        dailyLimit(null, 1);
        checks.usage(BENEFICIARY, "CNY", BigDecimal.valueOf(100), 1);

        assertTrue(checks.check(order(1, 100, true)).goes());
    }

    @Test
    void riskComesBeforeBalance() {
        dailyLimit(10L, null);

        assertEquals(HoldReason.RISK, checks.check(order(1, 1_000_000, false)).hold());
    }

    @Test
    void anOrderHeldForRiskReservesNothing() {
        dailyLimit(50_000L, null);
        assertEquals(HoldReason.RISK, checks.check(order(1, 60_000, false)).hold());

        assertTrue(checks.check(order(2, 50_000, false)).goes());
    }

    @Test
    void anotherCompanysPolicyDoesNotLimitThisOrder() {
        checks.policies(Map.of("99|CNY", new PaymentPolicy("other", "CNY", 0, 1_000_000, 1L, 1, null)));

        assertTrue(checks.check(order(1, 100, false)).goes());
    }
}
