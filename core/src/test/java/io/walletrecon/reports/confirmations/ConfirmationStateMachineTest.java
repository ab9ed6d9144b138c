package io.walletrecon.reports.confirmations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.reports.confirmations.ConfirmationState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the 16 (from, to) pairs against the expected table, written out independently of the code. */
class ConfirmationStateMachineTest {

    static final Set<String> EXPECTED = Set.of("DRAFT>PREPARED", "PREPARED>REVIEWED", "PREPARED>DRAFT",
            "REVIEWED>REOPENED", "REOPENED>PREPARED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ConfirmationState.values())
                .flatMap(from -> Arrays.stream(ConfirmationState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(ConfirmationState from, ConfirmationState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), ConfirmationStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, everyPair().count());
    }

    @Test
    void theFromStatesOfAnUpdateAreThoseTheTableLeadsFrom() {
        assertEquals(EnumSet.of(DRAFT, REOPENED), ConfirmationStateMachine.from(PREPARED));
        assertEquals(EnumSet.of(PREPARED), ConfirmationStateMachine.from(REVIEWED));
        assertEquals(EnumSet.of(PREPARED), ConfirmationStateMachine.from(DRAFT));
        assertEquals(EnumSet.of(REVIEWED), ConfirmationStateMachine.from(REOPENED));
    }

    @Test
    void onlyAReviewedConfirmationLocksItsPeriod() {
        for (ConfirmationState s : ConfirmationState.values()) {
            assertEquals(s == REVIEWED, s.locksPeriod(), s.code());
        }
        assertTrue(ConfirmationStateMachine.allows(REVIEWED, REOPENED));
        assertFalse(ConfirmationStateMachine.allows(REVIEWED, DRAFT), "a locked period is only ever reopened");
    }

    @Test
    void codesAreTheStoredValues() {
        for (ConfirmationState s : ConfirmationState.values()) {
            assertEquals(s, ConfirmationState.of(s.code()));
        }
    }
}
