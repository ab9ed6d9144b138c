package io.walletrecon.balances;

import io.walletrecon.balances.Balances.BankLine;
import io.walletrecon.balances.Balances.BookMovements;
import io.walletrecon.balances.Balances.Movement;
import io.walletrecon.balances.Balances.SubmittedOrder;
import io.walletrecon.transactions.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The balance formulas, one behaviour each: a payment of 1,000.00 refunded 100.00 is 900.00 however it is reported. */
class BalancesTest {

    static final long PAID = 100_000;
    static final long REFUND = 10_000;

    @Test
    void aRefundShownOnlyAsTheRefundedTotalOfThePaymentIsAnOutflow() {
        BookMovements book = Balances.movements(List.of(Movement.in(PAID, null).refunded(REFUND, 0)));

        assertEquals(BigInteger.valueOf(PAID), book.inflows());
        assertEquals(BigInteger.valueOf(REFUND), book.outflows());
        assertEquals(BigInteger.valueOf(90_000), book.net());
    }

    @Test
    void aRefundShownAsItsOwnRowAndAsTheRefundedTotalCountsOnce() {
        BookMovements book = Balances
                .movements(List.of(Movement.in(PAID, null).refunded(REFUND, REFUND), Movement.out(REFUND, null)));

        assertEquals(BigInteger.valueOf(REFUND), book.outflows());
        assertEquals(BigInteger.valueOf(90_000), book.net());
    }

    @Test
    void aRefundRowWithoutTheRefundedTotalOnThePaymentCountsOnce() {
        BookMovements book = Balances.movements(List.of(Movement.in(PAID, null), Movement.out(REFUND, null)));

        assertEquals(BigInteger.valueOf(90_000), book.net());
    }

    @Test
    void aRefundedTotalLargerThanItsRowsCountsTheRestOnThePayment() {
        BookMovements book = Balances
                .movements(List.of(Movement.in(PAID, null).refunded(REFUND, 6_000), Movement.out(6_000, null)));

        assertEquals(BigInteger.valueOf(REFUND), book.outflows());
        assertEquals(BigInteger.valueOf(90_000), book.net());
    }

    @Test
    void aFullyRefundedPaymentNetsToMinusItsFee() {
        Movement refunded = Movement.in(PAID, 300L).refunded(PAID, 0);

        assertEquals(TransactionStatus.REFUNDED, refunded.status());
        assertEquals(BigInteger.valueOf(-300), Balances.movements(List.of(refunded)).net());
    }

    @Test
    void feesCountOnEveryRowAndAPayoutIsAnOutflow() {
        BookMovements book = Balances.movements(List.of(Movement.in(PAID, 320L), Movement.out(50_000, 25L)));

        assertEquals(BigInteger.valueOf(345), book.fees());
        assertEquals(BigInteger.valueOf(PAID - 320 - 50_000 - 25), book.net());
    }

    @Test
    void aLostDisputeIsAnOutflowWithItsFeeAndAWonOneComesBackIn() {
        BookMovements lost = Balances.movements(List.of(Movement.in(PAID, null), Movement.out(PAID, 1_500L)));
        BookMovements won = Balances
                .movements(List.of(Movement.in(PAID, null), Movement.out(PAID, 1_500L), Movement.in(PAID, null)));

        assertEquals(BigInteger.valueOf(-1_500), lost.net());
        assertEquals(BigInteger.valueOf(PAID - 1_500), won.net());
    }

    @Test
    void pendingAndFailedTransactionsDoNotCount() {
        BookMovements book = Balances.movements(List.of(Movement.in(PAID, 100L).withStatus(TransactionStatus.PENDING),
                Movement.out(REFUND, null).withStatus(TransactionStatus.FAILED)));

        assertEquals(BookMovements.NONE, book);
    }

    @Test
    void sumsBeyondTheRangeOfALongAreExact() {
        BookMovements book = Balances
                .movements(List.of(Movement.in(Long.MAX_VALUE, null), Movement.in(Long.MAX_VALUE, null)));

        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO), book.net());
    }

    @Test
    void availableIsTheReportedBalancePlusTheBookSinceLessOutstandingOrders() {
        BookMovements since = Balances.movements(List.of(Movement.in(PAID, 300L).refunded(REFUND, 0)));

        assertEquals(BigInteger.valueOf(500_000 + 89_700 - 20_000),
                Balances.available(500_000L, since, BigInteger.valueOf(20_000)));
    }

    @Test
    void withoutAReportedBalanceNothingIsAvailable() {
        assertNull(Balances.available(null, BookMovements.NONE, BigInteger.ZERO));
    }

    @Test
    void bankBookIsTheReconciledLinesLessSubmittedOrdersNoReconciledLineShows() {
        List<BankLine> lines = List.of(new BankLine(50_000, null, true, null),
                new BankLine(-20_000, null, true, "e2e-41"), new BankLine(7_000, null, false, null),
                new BankLine(-500, null, false, "e2e-44"), new BankLine(-30, 5L, true, null));
        List<SubmittedOrder> orders = List.of(new SubmittedOrder("e2e-41", 20_000),
                new SubmittedOrder("e2e-42", 3_000), new SubmittedOrder("e2e-43", 1_000),
                new SubmittedOrder("e2e-44", 500));

        assertEquals(BigInteger.valueOf(50_000 - 20_000 - 35 - 3_000 - 1_000 - 500), Balances.bankBook(lines, orders));
    }

    @Test
    void aBankJournalsBookIsTheBanksBalanceOnItsFirstDayPlusItsEntries() {
        assertEquals(BigInteger.valueOf(100_000 + 80_000 - 12_000 - 30_000),
                Balances.journalBook(100_000, List.of(80_000L, -12_000L, -30_000L)));
        assertEquals(BigInteger.valueOf(100_000), Balances.journalBook(100_000, List.of()));
    }

    @Test
    void aJournalOpensAtTheBanksBalanceOnlyWhenTheBanksStatementsCoverItsFirstDay() {
        java.time.LocalDate march1 = java.time.LocalDate.of(2026, 3, 1);
        assertEquals(100_000, Balances.journalOpening(march1.plusDays(4), march1, 100_000));
        assertEquals(100_000, Balances.journalOpening(march1, march1, 100_000));
        assertEquals(0, Balances.journalOpening(march1.minusDays(1), march1, 100_000),
                "a journal that begins before the bank's statements carries its own opening entry");
        assertEquals(0, Balances.journalOpening(march1, null, 0));
    }
}
