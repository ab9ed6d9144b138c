package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leases cover a batch in which every call times out; a deadline caps the batch to what can finish before it. */
class DispatchTimingTest {

    // Stripe timeout 10 s (connect + response: 20 s a call), 16 calls at once, batches of 200, lease at least 2 min, margin 10 s.
    private final DispatchTiming timing = new DispatchTiming(Duration.ofSeconds(20), 16, 200, Duration.ofMinutes(2),
            Duration.ofSeconds(10));

    @Test
    void aFullBatchLeasesLongerThanTheConfiguredMinimumWhenItsWorstCaseNeedsIt() {
        // 200 orders = 13 waves of 16; all timing out = 260 s, plus the margin.
        assertEquals(Duration.ofSeconds(270), timing.lease(200));
    }

    @Test
    void aSmallBatchKeepsTheConfiguredLease() {
        assertEquals(Duration.ofMinutes(2), timing.lease(16));
        assertEquals(Duration.ofMinutes(2), timing.lease(0));
    }

    @Test
    void underALambdaDeadlineABatchIsWhatCanTimeOutCompletelyBeforeIt() {
        // 60 s left: 50 s usable = 2 waves of 20 s = 32 orders; 25 s left: 15 s usable, not one full call.
        assertEquals(32, timing.claimLimit(Duration.ofSeconds(60)));
        assertEquals(0, timing.claimLimit(Duration.ofSeconds(25)));
        assertEquals(0, timing.claimLimit(Duration.ofSeconds(5)));
        assertEquals(200, timing.claimLimit(Duration.ofMinutes(15)));
    }

    @Test
    void aCallIsStartedOnlyWhenItCanTimeOutBeforeTheDeadline() {
        assertTrue(timing.callFits(Duration.ofSeconds(30)));
        assertFalse(timing.callFits(Duration.ofSeconds(29)));
    }

    @Test
    void aLambdaWithoutARealDeadlineGetsTheFallbackBudget() {
        assertTrue(CycleBudget.forLambda(-5, Duration.ofSeconds(40)).timeLeft().compareTo(Duration.ofSeconds(39)) > 0);
        assertTrue(CycleBudget.forLambda(Integer.MAX_VALUE, Duration.ofSeconds(40)).timeLeft()
                .compareTo(Duration.ofSeconds(41)) < 0);
        assertTrue(
                CycleBudget.forLambda(5_000, Duration.ofSeconds(40)).timeLeft().compareTo(Duration.ofSeconds(5)) <= 0);
    }
}
