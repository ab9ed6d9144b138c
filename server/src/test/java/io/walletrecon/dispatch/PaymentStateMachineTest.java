package io.walletrecon.dispatch;

import io.walletrecon.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.dispatch.PaymentState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every one of the 121 (from, to) pairs against the expected table, written out independently of the code. */
class PaymentStateMachineTest {

    static final Set<String> EXPECTED = Set.of(
            "DRAFT>PENDING_APPROVAL", "DRAFT>APPROVED", "DRAFT>HELD", "DRAFT>CANCELLED",
            "PENDING_APPROVAL>APPROVED", "PENDING_APPROVAL>CANCELLED",
            "APPROVED>SCHEDULED", "APPROVED>CANCELLED",
            "SCHEDULED>SUBMITTED", "SCHEDULED>HELD", "SCHEDULED>CANCELLED",
            "HELD>PENDING_APPROVAL", "HELD>APPROVED", "HELD>SCHEDULED", "HELD>SUBMITTED", "HELD>CANCELLED",
            "SUBMITTED>UNKNOWN", "SUBMITTED>COMPLETED", "SUBMITTED>FAILED", "SUBMITTED>RETURNED",
            "UNKNOWN>SUBMITTED", "UNKNOWN>COMPLETED", "UNKNOWN>FAILED",
            "COMPLETED>RETURNED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(PaymentState.values())
                .flatMap(from -> Arrays.stream(PaymentState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(PaymentState from, PaymentState to) {
        assertEquals(EXPECTED.contains(from + ">" + to), PaymentStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(121, everyPair().count());
    }

    @Test
    void cancellationIsPossibleFromEveryStateBeforeSubmittedAndFromNoneAfter() {
        for (PaymentState s : PaymentState.values()) {
            boolean beforeSubmitted = Set.of(DRAFT, PENDING_APPROVAL, APPROVED, SCHEDULED, HELD).contains(s);
            assertEquals(beforeSubmitted, PaymentStateMachine.allows(s, CANCELLED), s.name());
        }
    }

    @Test
    void anUnknownOutcomeIsNeverFinalNorCancelledAndOnlyTheProviderSettlesIt() {
        assertEquals(false, UNKNOWN.isFinal());
        assertEquals(Set.of(SUBMITTED, COMPLETED, FAILED), PaymentStateMachine.next(UNKNOWN));
        assertEquals(false, PaymentStateMachine.allows(UNKNOWN, CANCELLED));
        assertEquals(false, PaymentStateMachine.allows(UNKNOWN, SCHEDULED));
    }

    @Test
    void finalStatesLeadNowhereExceptAPaidPayoutComingBack() {
        assertEquals(Set.of(), PaymentStateMachine.next(FAILED));
        assertEquals(Set.of(), PaymentStateMachine.next(RETURNED));
        assertEquals(Set.of(), PaymentStateMachine.next(CANCELLED));
        assertEquals(Set.of(RETURNED), PaymentStateMachine.next(COMPLETED));
    }

    @Test
    void disallowedTransitionIsAConflictNamingTheCurrentState() {
        ApiException e = assertThrows(ApiException.class, () -> PaymentStateMachine.require(42, SUBMITTED, CANCELLED));
        assertEquals(409, e.type().status);
        assertEquals("Payment 42 is submitted and cannot become cancelled", e.getMessage());
    }
}
