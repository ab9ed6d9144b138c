package io.walletrecon.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.matching.MatchStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (from, to) pair of matches and of their items against the expected tables, written out independently. */
class MatchStateMachineTest {

    static final Set<String> EXPECTED = Set.of("SUGGESTED>CONFIRMED", "SUGGESTED>REJECTED", "CONFIRMED>UNMATCHED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(MatchStatus.values())
                .flatMap(from -> Arrays.stream(MatchStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(MatchStatus from, MatchStatus to) {
        assertEquals(EXPECTED.contains(from + ">" + to), MatchStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, everyPair().count());
    }

    @Test
    void rejectedAndUnmatchedAreFinal() {
        assertEquals(Set.of(), MatchStateMachine.next(REJECTED));
        assertEquals(Set.of(), MatchStateMachine.next(UNMATCHED));
    }

    @Test
    void theGuardOfEachDecisionIsTheOneStatusThatLeadsThere() {
        assertEquals(SUGGESTED, MatchStateMachine.from(CONFIRMED));
        assertEquals(SUGGESTED, MatchStateMachine.from(REJECTED));
        assertEquals(CONFIRMED, MatchStateMachine.from(UNMATCHED));
        assertThrows(IllegalArgumentException.class, () -> MatchStateMachine.from(SUGGESTED));
    }

    @Test
    void matchesAreCreatedSuggestedOrConfirmed() {
        assertEquals(EnumSet.of(SUGGESTED, CONFIRMED), MatchStateMachine.initial());
    }

    @Test
    void itemsAreRetiredOnceAndNeverComeBack() {
        assertTrue(MatchItemLife.allows(MatchItemLife.LIVE, MatchItemLife.RETIRED));
        assertFalse(MatchItemLife.allows(MatchItemLife.RETIRED, MatchItemLife.LIVE));
        assertFalse(MatchItemLife.allows(MatchItemLife.LIVE, MatchItemLife.LIVE));
        assertFalse(MatchItemLife.allows(MatchItemLife.RETIRED, MatchItemLife.RETIRED));
    }

    @Test
    void aRefusalRetiresTheItemsAndAConfirmationKeepsThemLive() {
        assertEquals(MatchItemLife.RETIRED, MatchItemLife.after(REJECTED));
        assertEquals(MatchItemLife.RETIRED, MatchItemLife.after(UNMATCHED));
        assertEquals(MatchItemLife.LIVE, MatchItemLife.after(CONFIRMED));
        assertTrue(MatchItemLife.LIVE.live());
        assertEquals(MatchItemLife.RETIRED, MatchItemLife.of(false));
    }
}
