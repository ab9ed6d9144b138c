package io.walletrecon.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.intake.WebhookEventState.PROCESSED;
import static io.walletrecon.intake.WebhookEventState.RECEIVED;
import static io.walletrecon.intake.WebhookEventState.UNPROCESSABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the 9 (from, to) pairs against the expected table, written out independently of the code. */
class WebhookEventStateMachineTest {

    static final Set<String> EXPECTED = Set.of(
            "RECEIVED>PROCESSED", "RECEIVED>UNPROCESSABLE",
            "UNPROCESSABLE>PROCESSED", "UNPROCESSABLE>UNPROCESSABLE");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(WebhookEventState.values())
                .flatMap(from -> Arrays.stream(WebhookEventState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(WebhookEventState from, WebhookEventState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), WebhookEventStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(9, everyPair().count());
    }

    @Test
    void aProcessedEventIsFinalSoItsMoneyIsNeverAppliedTwice() {
        assertEquals(Set.of(), WebhookEventStateMachine.next(PROCESSED));
        assertFalse(WebhookEventStateMachine.replayable(PROCESSED));
    }

    @Test
    void anEventNotYetProcessedCanBeReplayed() {
        assertTrue(WebhookEventStateMachine.replayable(UNPROCESSABLE));
        assertTrue(WebhookEventStateMachine.replayable(RECEIVED));
    }

    @Test
    void intakeStoresAnEventProcessedExactlyWhenItBecameATransaction() {
        assertEquals(PROCESSED, WebhookEventStateMachine.afterIntake(true));
        assertEquals(UNPROCESSABLE, WebhookEventStateMachine.afterIntake(false));
    }

    @Test
    void codesAreTheStoredColumnValues() {
        for (WebhookEventState s : WebhookEventState.values()) {
            assertEquals(s, WebhookEventState.fromCode(s.code()));
        }
        assertEquals("unprocessable", UNPROCESSABLE.code());
    }
}
