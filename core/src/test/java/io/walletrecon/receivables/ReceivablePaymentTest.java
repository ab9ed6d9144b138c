package io.walletrecon.receivables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.walletrecon.receivables.ReceivableStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one status rule of a paid receivable, for runs and people alike. */
class ReceivablePaymentTest {

    @ParameterizedTest(name = "amount {0}, paid {1}, tolerance {2} + {3} bps -> {4}")
    @CsvSource({
            "10000, 0, 0, 0, OPEN",
            "10000, 1, 0, 0, PARTIALLY_PAID",
            "10000, 9999, 0, 0, PARTIALLY_PAID",
            "10000, 10000, 0, 0, PAID",
            "10000, 12000, 0, 0, PAID",
            // short by the absolute tolerance: paid; by one more: partly
            "10000, 9950, 50, 0, PAID",
            "10000, 9949, 50, 0, PARTIALLY_PAID",
            // 1% of 10000 = 100 beats the absolute 50
            "10000, 9900, 50, 100, PAID",
            "10000, 9899, 50, 100, PARTIALLY_PAID",
            // basis points round down to the minor unit: 1% of 999 is 9
            "999, 990, 0, 100, PAID",
            "999, 989, 0, 100, PARTIALLY_PAID",
            // a tolerance larger than the amount never makes nothing paid into paid
            "50, 0, 100, 0, OPEN",
            "50, 1, 100, 0, PAID",
            // taking back more than was left paid
            "10000, -5, 0, 0, OPEN"})
    void statusFollowsWhatIsPaidWithinTheTolerance(long amount, long paid, long absolute, int bps,
            ReceivableStatus expected) {
        assertEquals(expected, ReceivablePayment.statusAfter(amount, paid, new PaymentTolerance(absolute, bps)));
    }

    @Test
    void theAllowanceIsTheLargerOfTheAbsoluteAndTheRelativeTolerance() {
        assertEquals(50, new PaymentTolerance(50, 10).allowance(10_000));
        assertEquals(100, new PaymentTolerance(50, 100).allowance(10_000));
        assertEquals(0, PaymentTolerance.NONE.allowance(10_000));
    }

    @Test
    void aToleranceIsNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentTolerance(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PaymentTolerance(0, -1));
    }

    @Test
    void outstandingIsOpenOrPartlyPaid() {
        assertEquals(java.util.EnumSet.of(OPEN, PARTIALLY_PAID), ReceivableStatus.outstanding());
        assertEquals(PARTIALLY_PAID, ReceivableStatus.of("partially_paid"));
        assertEquals("written_off", WRITTEN_OFF.code());
    }
}
