package io.walletrecon.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.matching.RunState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every one of the 36 (from, to) pairs against the expected table, written out independently of the code. */
class RunStateMachineTest {

    static final Set<String> EXPECTED = Set.of(
            "QUEUED>RUNNING", "QUEUED>REFUSED", "QUEUED>FAILED", "QUEUED>ABANDONED",
            "RUNNING>SUCCEEDED", "RUNNING>FAILED", "RUNNING>ABANDONED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(RunState.values())
                .flatMap(from -> Arrays.stream(RunState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(RunState from, RunState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), RunStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(36, everyPair().count());
    }

    @Test
    void finalStatesLeadNowhere() {
        for (RunState s : EnumSet.of(SUCCEEDED, FAILED, REFUSED, ABANDONED)) {
            assertEquals(Set.of(), RunStateMachine.next(s), s.name());
        }
    }

    @Test
    void theGuardOfEachMoveIsTheSetOfStatesThatMayMakeIt() {
        assertEquals(EnumSet.of(QUEUED), RunStateMachine.from(RUNNING));
        assertEquals(EnumSet.of(QUEUED, RUNNING), RunStateMachine.from(ABANDONED));
        assertEquals(EnumSet.of(QUEUED, RUNNING), RunStateMachine.from(FAILED));
        assertEquals(EnumSet.of(RUNNING), RunStateMachine.from(SUCCEEDED));
        assertEquals(EnumSet.of(QUEUED), RunStateMachine.from(REFUSED));
    }

    @Test
    void queuedAndRunningRunsHoldTheirAccount() {
        assertEquals(EnumSet.of(QUEUED, RUNNING), RunStateMachine.active());
    }

    @Test
    void codesAreTheDatabaseValues() {
        assertEquals("abandoned", ABANDONED.code());
        assertEquals(RUNNING, RunState.of("running"));
    }
}
