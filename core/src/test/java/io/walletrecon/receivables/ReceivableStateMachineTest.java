package io.walletrecon.receivables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.walletrecon.receivables.ReceivableStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every one of the 25 (from, to) pairs against the expected table, written out independently of the code. */
class ReceivableStateMachineTest {

    static final Set<String> EXPECTED = Set.of(
            "OPEN>PARTIALLY_PAID", "OPEN>PAID", "OPEN>WRITTEN_OFF", "OPEN>CANCELLED",
            "PARTIALLY_PAID>OPEN", "PARTIALLY_PAID>PARTIALLY_PAID", "PARTIALLY_PAID>PAID", "PARTIALLY_PAID>WRITTEN_OFF",
            "PAID>OPEN", "PAID>PARTIALLY_PAID", "PAID>PAID");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ReceivableStatus.values())
                .flatMap(from -> Arrays.stream(ReceivableStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(ReceivableStatus from, ReceivableStatus to) {
        assertEquals(EXPECTED.contains(from + ">" + to), ReceivableStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(25, everyPair().count());
    }

    @Test
    void writtenOffAndCancelledLeadNowhere() {
        assertEquals(Set.of(), ReceivableStateMachine.next(WRITTEN_OFF));
        assertEquals(Set.of(), ReceivableStateMachine.next(CANCELLED));
    }

    @Test
    void onlyOpenPartlyPaidAndPaidReceivablesTakeOrGiveBackPayments() {
        assertEquals(EnumSet.of(OPEN, PARTIALLY_PAID, PAID), ReceivableStateMachine.payable());
    }

    @Test
    void everyStatusThePaymentRuleGivesIsReachableFromEveryPayableStatus() {
        for (ReceivableStatus from : ReceivableStateMachine.payable()) {
            for (long paid : new long[]{0, 1, 10_000}) {
                ReceivableStatus to = ReceivablePayment.statusAfter(10_000, paid, PaymentTolerance.NONE);
                assertTrue(from == to || ReceivableStateMachine.allows(from, to), from + " -> " + to);
            }
        }
    }
}
