package io.walletrecon.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.matching.ExceptionStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every one of the 16 (from, to) pairs against the expected table, written out independently of the code. */
class ExceptionStateMachineTest {

    static final Set<String> EXPECTED = Set.of(
            "OPEN>IN_REVIEW", "OPEN>RESOLVED", "OPEN>IGNORED",
            "IN_REVIEW>IN_REVIEW", "IN_REVIEW>RESOLVED", "IN_REVIEW>IGNORED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ExceptionStatus.values())
                .flatMap(from -> Arrays.stream(ExceptionStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(ExceptionStatus from, ExceptionStatus to) {
        assertEquals(EXPECTED.contains(from + ">" + to), ExceptionStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, everyPair().count());
    }

    @Test
    void aResolvedExceptionNeverGoesBackToReview() {
        assertFalse(ExceptionStateMachine.allows(RESOLVED, IN_REVIEW));
        assertFalse(ExceptionStateMachine.allows(IGNORED, IN_REVIEW));
    }

    @Test
    void closedStatusesLeadNowhere() {
        for (ExceptionStatus s : EnumSet.of(RESOLVED, IGNORED)) {
            assertEquals(Set.of(), ExceptionStateMachine.next(s), s.name());
        }
    }

    @Test
    void theGuardOfEachMoveIsTheSetOfStatusesThatMayMakeIt() {
        assertEquals(EnumSet.of(OPEN, IN_REVIEW), ExceptionStateMachine.from(IN_REVIEW));
        assertEquals(EnumSet.of(OPEN, IN_REVIEW), ExceptionStateMachine.from(RESOLVED));
        assertEquals(EnumSet.of(OPEN, IN_REVIEW), ExceptionStateMachine.from(IGNORED));
        assertEquals(EnumSet.noneOf(ExceptionStatus.class), ExceptionStateMachine.from(OPEN));
    }

    @Test
    void aPersonSetsEveryStatusButOpen() {
        assertEquals(EnumSet.of(IN_REVIEW, RESOLVED, IGNORED), ExceptionStateMachine.settable());
    }

    @Test
    void codesAreTheDatabaseValues() {
        assertEquals("in_review", IN_REVIEW.code());
        assertEquals(IGNORED, ExceptionStatus.of("ignored"));
        assertNull(ExceptionStatus.ofOrNull("done"));
    }
}
