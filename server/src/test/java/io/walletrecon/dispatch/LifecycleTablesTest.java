package io.walletrecon.dispatch;

import io.walletrecon.problem.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every (from, to) pair of the policy-change, bank-file, dispatch-job and alert-delivery lifecycles against tables
 * written out here.
 */
class LifecycleTablesTest {

    static final Set<String> POLICY_CHANGES = Set.of("PENDING>APPROVED", "PENDING>REJECTED", "PENDING>WITHDRAWN");
    static final Set<String> BANK_FILES = Set.of("BUILT>HANDING_OVER", "HANDING_OVER>HANDED_OVER",
            "HANDING_OVER>UNCERTAIN",
            "UNCERTAIN>HANDED_OVER", "UNCERTAIN>BUILT");

    static final Set<String> DISPATCH_JOBS = Set.of("PENDING>PENDING", "PENDING>IN_FLIGHT", "PENDING>BLOCKED",
            "PENDING>DONE",
            "IN_FLIGHT>IN_FLIGHT", "IN_FLIGHT>PENDING", "IN_FLIGHT>BLOCKED", "IN_FLIGHT>DONE", "BLOCKED>PENDING",
            "BLOCKED>BLOCKED", "BLOCKED>DONE");
    static final Set<String> ALERT_DELIVERIES = Set.of("PENDING>PENDING", "PENDING>DELIVERED", "PENDING>DEAD");

    static Stream<Arguments> dispatchJobPairs() {
        return Arrays.stream(DispatchJobStatus.values())
                .flatMap(f -> Arrays.stream(DispatchJobStatus.values()).map(t -> Arguments.of(f, t)));
    }

    static Stream<Arguments> alertDeliveryPairs() {
        return Arrays.stream(AlertDeliveryStatus.values())
                .flatMap(f -> Arrays.stream(AlertDeliveryStatus.values()).map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dispatchJobPairs")
    void aDispatchJobMovesExactlyAsTheTableSays(DispatchJobStatus from, DispatchJobStatus to) {
        assertEquals(DISPATCH_JOBS.contains(from + ">" + to), DispatchJobStateMachine.allows(from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("alertDeliveryPairs")
    void anAlertDeliveryMovesExactlyAsTheTableSays(AlertDeliveryStatus from, AlertDeliveryStatus to) {
        assertEquals(ALERT_DELIVERIES.contains(from + ">" + to), AlertDeliveryStateMachine.allows(from, to));
    }

    @Test
    void aDeliveryIsDeadAfterItsLastFailedAttemptAndDeliveredOnAnyAcceptedOne() {
        assertEquals(AlertDeliveryStatus.PENDING, AlertDeliveryStateMachine.after(false, 4, 5));
        assertEquals(AlertDeliveryStatus.DEAD, AlertDeliveryStateMachine.after(false, 5, 5));
        assertEquals(AlertDeliveryStatus.DELIVERED, AlertDeliveryStateMachine.after(true, 5, 5));
    }

    @Test
    void aFinishedJobIsNeverTakenUpAgain() {
        ApiException e = assertThrows(ApiException.class,
                () -> DispatchJobStateMachine.require(9, DispatchJobStatus.DONE, DispatchJobStatus.IN_FLIGHT));
        assertEquals("The dispatch job of payment 9 is done and cannot become in_flight", e.getMessage());
    }

    static Stream<Arguments> policyChangePairs() {
        return Arrays.stream(PolicyChangeState.values())
                .flatMap(f -> Arrays.stream(PolicyChangeState.values()).map(t -> Arguments.of(f, t)));
    }

    static Stream<Arguments> bankFilePairs() {
        return Arrays.stream(BankFileState.values())
                .flatMap(f -> Arrays.stream(BankFileState.values()).map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("policyChangePairs")
    void aPolicyChangeMovesExactlyAsTheTableSays(PolicyChangeState from, PolicyChangeState to) {
        assertEquals(POLICY_CHANGES.contains(from + ">" + to), PolicyChangeStateMachine.allows(from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("bankFilePairs")
    void aBankFileMovesExactlyAsTheTableSays(BankFileState from, BankFileState to) {
        assertEquals(BANK_FILES.contains(from + ">" + to), BankFileStateMachine.allows(from, to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(16, policyChangePairs().count());
        assertEquals(16, bankFilePairs().count());
        assertEquals(16, dispatchJobPairs().count());
        assertEquals(9, alertDeliveryPairs().count());
    }

    @Test
    void aDecidedChangeIsAConflictNamingItsState() {
        ApiException e = assertThrows(ApiException.class,
                () -> PolicyChangeStateMachine.require(7, PolicyChangeState.APPROVED, PolicyChangeState.APPROVED));
        assertEquals(409, e.type().status);
        assertEquals("Policy change 7 is approved and cannot become approved", e.getMessage());
    }
}
