package io.walletrecon.reports.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.reports.links.StatementLinkState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every one of the 16 (from, to) pairs against the expected table, written out independently of the code. */
class StatementLinkStateMachineTest {

    static final Set<String> EXPECTED = Set.of("SENT>CONFIRMED", "SENT>DISPUTED", "DISPUTED>DISPUTED",
            "SENT>REVOKED", "DISPUTED>REVOKED", "CONFIRMED>REVOKED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(StatementLinkState.values())
                .flatMap(from -> Arrays.stream(StatementLinkState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(StatementLinkState from, StatementLinkState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), StatementLinkStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, everyPair().count());
    }

    @Test
    void aConfirmedStatementTakesNoFurtherAnswerButCanBeRevoked() {
        assertEquals(Set.of(REVOKED), StatementLinkStateMachine.next(CONFIRMED));
    }

    @Test
    void aRevokedLinkTakesNothingMore() {
        assertEquals(Set.of(), StatementLinkStateMachine.next(REVOKED));
    }

    @Test
    void aDisputedStatementTakesMoreDisputesButNoConfirmation() {
        assertEquals(Set.of(DISPUTED, REVOKED), StatementLinkStateMachine.next(DISPUTED));
        assertFalse(StatementLinkStateMachine.allows(DISPUTED, CONFIRMED));
    }

    @Test
    void codesAreTheStoredValues() {
        for (StatementLinkState s : StatementLinkState.values()) {
            assertEquals(s, StatementLinkState.of(s.code()));
        }
    }
}
