package io.walletrecon.reports.exports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.reports.exports.ExportState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the 16 (from, to) pairs against the expected table, written out independently of the code. */
class ExportStateMachineTest {

    static final Set<String> EXPECTED = Set.of("QUEUED>RUNNING", "QUEUED>FAILED", "RUNNING>SUCCEEDED",
            "RUNNING>FAILED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ExportState.values())
                .flatMap(from -> Arrays.stream(ExportState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(ExportState from, ExportState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), ExportStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, everyPair().count());
    }

    @Test
    void aFinishedExportNeverChangesAgain() {
        assertTrue(SUCCEEDED.isFinal());
        assertTrue(FAILED.isFinal());
        assertEquals(Set.of(), ExportStateMachine.next(SUCCEEDED));
        assertFalse(ExportStateMachine.allows(SUCCEEDED, FAILED));
    }

    @Test
    void onlyAQueuedJobIsClaimedAndOnlyAnUnfinishedOneFails() {
        assertEquals(Set.of(QUEUED), ExportStateMachine.from(RUNNING));
        assertEquals(Set.of(QUEUED, RUNNING), ExportStateMachine.from(FAILED));
        assertEquals(Set.of(RUNNING), ExportStateMachine.from(SUCCEEDED));
        assertEquals(Set.of(), ExportStateMachine.from(QUEUED));
    }

    @Test
    void codesAreTheStoredValues() {
        for (ExportState s : ExportState.values()) {
            assertEquals(s, ExportState.of(s.code()));
        }
        assertEquals("succeeded", SUCCEEDED.code());
    }
}
