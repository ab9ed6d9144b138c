package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each retry waits twice as long as the one before, up to the ceiling; the dispatcher's wait is jittered over its upper
 * half.
 */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    /** A "random" source that always answers the lowest or the highest value it may. */
    private static RandomGenerator always(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
        assertEquals(Duration.ofSeconds(2), backoff.exponential(1));
        assertEquals(Duration.ofSeconds(4), backoff.exponential(2));
        assertEquals(Duration.ofSeconds(32), backoff.exponential(5));
    }

    @Test
    void noWaitIsLongerThanTheCeiling() {
        assertEquals(Duration.ofMinutes(1), backoff.exponential(6));
        assertEquals(Duration.ofMinutes(1), backoff.exponential(Integer.MAX_VALUE));
    }

    @Test
    void withoutACeilingTheDoublingStopsBeforeItCouldOverflow() {
        Backoff uncapped = Backoff.uncapped(Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), uncapped.exponential(1));
        assertEquals(Duration.ofSeconds(30L << Backoff.MAX_DOUBLINGS), uncapped.exponential(1_000));
    }

    @Test
    void theJitteredWaitLiesInTheUpperHalfOfTheExponentialOne() {
        assertEquals(Duration.ofSeconds(4), backoff.jittered(3, null, always(false)));
        assertEquals(Duration.ofSeconds(8), backoff.jittered(3, null, always(true)));
    }

    @Test
    void neverSoonerThanTheProvidersRetryAfter() {
        assertEquals(Duration.ofSeconds(45), backoff.jittered(1, Duration.ofSeconds(45), always(true)));
        assertEquals(Duration.ofSeconds(8), backoff.jittered(3, Duration.ofSeconds(1), always(true)));
    }
}
