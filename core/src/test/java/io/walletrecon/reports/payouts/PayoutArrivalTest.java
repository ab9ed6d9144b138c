package io.walletrecon.reports.payouts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayoutArrivalTest {

    @Test
    void aMatchDecidesBeforeAnyExceptionAndWithoutEitherThePayoutIsPending() {
        assertEquals(PayoutArrival.ARRIVED, PayoutArrival.of("confirmed", "settlement_difference"));
        assertEquals(PayoutArrival.SUGGESTED, PayoutArrival.of("suggested", "fx_difference"));
        assertEquals(PayoutArrival.AMBIGUOUS, PayoutArrival.of(null, "ambiguous"));
        assertEquals(PayoutArrival.NOT_ARRIVED, PayoutArrival.of(null, "settlement_not_arrived"));
        assertEquals(PayoutArrival.PENDING, PayoutArrival.of(null, null));
        assertEquals(PayoutArrival.PENDING, PayoutArrival.of(null, "settlement_difference"));
    }

    @Test
    void everyStandingButArrivedSaysWhyThereIsNoBankLine() {
        assertNull(PayoutArrival.ARRIVED.reasonKey());
        assertTrue(Arrays.stream(PayoutArrival.values()).filter(a -> a != PayoutArrival.ARRIVED)
                .allMatch(a -> io.walletrecon.reports.ReportLabels.has(a.reasonKey())
                        && io.walletrecon.reports.ReportLabels.has(a.code())));
    }
}
