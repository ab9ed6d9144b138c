package io.walletrecon.intake;

import io.walletrecon.transactions.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.walletrecon.transactions.TransactionStatus.FAILED;
import static io.walletrecon.transactions.TransactionStatus.PARTIALLY_REFUNDED;
import static io.walletrecon.transactions.TransactionStatus.PENDING;
import static io.walletrecon.transactions.TransactionStatus.REFUNDED;
import static io.walletrecon.transactions.TransactionStatus.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionStateMachineTest {

    /** Every (current, reported) pair without refund amounts: the whole transition table. */
    @ParameterizedTest(name = "{0} + reported {1} -> {2}")
    @CsvSource({
            "PENDING, PENDING, PENDING",
            "PENDING, SUCCEEDED, SUCCEEDED",
            "PENDING, FAILED, FAILED",
            "PENDING, PARTIALLY_REFUNDED, PARTIALLY_REFUNDED",
            "PENDING, REFUNDED, REFUNDED",
            "SUCCEEDED, PENDING, SUCCEEDED",
            "SUCCEEDED, SUCCEEDED, SUCCEEDED",
            "SUCCEEDED, FAILED, SUCCEEDED",
            "SUCCEEDED, PARTIALLY_REFUNDED, PARTIALLY_REFUNDED",
            "SUCCEEDED, REFUNDED, REFUNDED",
            "FAILED, PENDING, FAILED",
            "FAILED, SUCCEEDED, SUCCEEDED",
            "FAILED, FAILED, FAILED",
            "FAILED, PARTIALLY_REFUNDED, PARTIALLY_REFUNDED",
            "FAILED, REFUNDED, REFUNDED",
            "PARTIALLY_REFUNDED, PENDING, PARTIALLY_REFUNDED",
            "PARTIALLY_REFUNDED, SUCCEEDED, PARTIALLY_REFUNDED",
            "PARTIALLY_REFUNDED, FAILED, PARTIALLY_REFUNDED",
            "PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, PARTIALLY_REFUNDED",
            "PARTIALLY_REFUNDED, REFUNDED, REFUNDED",
            "REFUNDED, PENDING, REFUNDED",
            "REFUNDED, SUCCEEDED, REFUNDED",
            "REFUNDED, FAILED, REFUNDED",
            "REFUNDED, PARTIALLY_REFUNDED, REFUNDED",
            "REFUNDED, REFUNDED, REFUNDED",
    })
    void transitionTable(TransactionStatus current, TransactionStatus reported, TransactionStatus expected) {
        assertEquals(expected, TransactionStateMachine.apply(current, 0, 1000, reported, null).status());
    }

    @Test
    void latePendingNeverOverwritesSucceeded() {
        var outcome = TransactionStateMachine.apply(SUCCEEDED, 0, 8888, PENDING, null);
        assertEquals(new TransactionStateMachine.Outcome(SUCCEEDED, 0), outcome);
    }

    @Test
    void partialRefundAfterSuccessMovesForwardWithItsAmount() {
        var outcome = TransactionStateMachine.apply(SUCCEEDED, 0, 8888, PARTIALLY_REFUNDED, 1000L);
        assertEquals(new TransactionStateMachine.Outcome(PARTIALLY_REFUNDED, 1000), outcome);
    }

    @Test
    void refundsThatAddUpToTheAmountMakeItRefunded() {
        var outcome = TransactionStateMachine.apply(PARTIALLY_REFUNDED, 1000, 8888, PARTIALLY_REFUNDED, 8888L);
        assertEquals(new TransactionStateMachine.Outcome(REFUNDED, 8888), outcome);
    }

    @Test
    void anOlderSmallerRefundedTotalNeverShrinksIt() {
        var outcome = TransactionStateMachine.apply(PARTIALLY_REFUNDED, 5000, 8888, PARTIALLY_REFUNDED, 1000L);
        assertEquals(new TransactionStateMachine.Outcome(PARTIALLY_REFUNDED, 5000), outcome);
    }

    @Test
    void lateSuccessReportAfterRefundKeepsTheRefund() {
        var outcome = TransactionStateMachine.apply(REFUNDED, 8888, 8888, SUCCEEDED, 0L);
        assertEquals(new TransactionStateMachine.Outcome(REFUNDED, 8888), outcome);
    }

    @Test
    void refundedTotalOnASucceededPaymentSettlesTheStatusByAmount() {
        assertEquals(PARTIALLY_REFUNDED, TransactionStateMachine.apply(SUCCEEDED, 0, 8888, SUCCEEDED, 100L).status());
        assertEquals(REFUNDED, TransactionStateMachine.apply(SUCCEEDED, 0, 8888, SUCCEEDED, 8888L).status());
    }

    @Test
    void refundedTotalNeverTurnsAPendingPaymentIntoARefund() {
        assertEquals(PENDING, TransactionStateMachine.apply(PENDING, 0, 8888, PENDING, 100L).status());
    }

    @Test
    void failedThenSucceededRetryEndsSucceeded() {
        assertEquals(SUCCEEDED, TransactionStateMachine.apply(FAILED, 0, 8888, SUCCEEDED, null).status());
    }
}
