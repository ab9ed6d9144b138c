package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.walletrecon.dispatch.ResendRule.Next.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What follows each kind of answer, at the count cap and at the time cap. */
class ResendRuleTest {

    private static final Duration WINDOW = Duration.ofHours(23);
    private static final Instant FIRST = Instant.parse("2026-03-01T08:00:00Z");
    private static final ProviderResult TIMEOUT = new ProviderResult.Transient(null, "timeout", null, true);
    private static final ProviderResult RATE_LIMITED = new ProviderResult.Transient(429, "HTTP 429",
            Duration.ofSeconds(1), false);

    private static ResendRule.Next after(ProviderResult r, int attempt, boolean ambiguousBefore, Instant retryAt) {
        return ResendRule.after(r, attempt, 4, ambiguousBefore, FIRST, retryAt, WINDOW);
    }

    @Test
    void anAcceptedAnswerIsAccepted() {
        assertEquals(ACCEPTED, after(new ProviderResult.Accepted(200, "po_1", "pending", null, 100L), 4, true, FIRST));
    }

    @Test
    void aRefusalFailsEvenAfterAnAmbiguousAttemptBecauseTheSameKeyWouldHaveReplayedASuccess() {
        assertEquals(FAILED, after(new ProviderResult.Rejected(400, "No such destination"), 2, true, FIRST));
    }

    @Test
    void transientAnswersAreRetriedWithinBothCaps() {
        assertEquals(RETRY, after(TIMEOUT, 1, false, FIRST.plusSeconds(1)));
        assertEquals(RETRY, after(RATE_LIMITED, 3, false, FIRST.plus(WINDOW)));
    }

    @Test
    void anAmbiguousLastAttemptIsUnknownNeverFailed() {
        assertEquals(UNKNOWN, after(TIMEOUT, 4, false, FIRST.plusSeconds(1)));
        assertEquals(UNKNOWN, after(RATE_LIMITED, 4, true, FIRST.plusSeconds(1)));
    }

    @Test
    void aLastAttemptThatNeverReachedExecutionFails() {
        assertEquals(FAILED, after(RATE_LIMITED, 4, false, FIRST.plusSeconds(1)));
    }

    @Test
    void noRetryMayGoOutAfterTheWindowWhateverTheCount() {
        assertEquals(UNKNOWN, after(TIMEOUT, 1, false, FIRST.plus(WINDOW).plusMillis(1)));
        assertFalse(ResendRule.mayResend(2, 6, FIRST, FIRST.plus(WINDOW).plusSeconds(1), WINDOW));
        assertTrue(ResendRule.mayResend(2, 6, FIRST, FIRST.plus(WINDOW), WINDOW));
        assertFalse(ResendRule.mayResend(7, 6, FIRST, FIRST, WINDOW));
    }
}
