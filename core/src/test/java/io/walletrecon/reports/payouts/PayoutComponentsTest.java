package io.walletrecon.reports.payouts;

import io.walletrecon.reports.payouts.PayoutBreakdown.Component;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayoutComponentsTest {

    @Test
    void eachKindCountsUnderOneComponentAndAStripeDisputeUnderDisputes() {
        assertEquals(Component.GROSS, Component.of("payment", "ch_1"));
        assertEquals(Component.REFUNDS, Component.of("refund", "re_1"));
        assertEquals(Component.FEES, Component.of("fee", null));
        assertEquals(Component.DISPUTES, Component.of("adjustment", "dp_1"));
        assertEquals(Component.DISPUTES, Component.of("adjustment", "du_1"));
        assertEquals(Component.ADJUSTMENTS, Component.of("adjustment", "adj_1"));
        assertEquals(Component.ADJUSTMENTS, Component.of("adjustment", null));
    }

    @Test
    void theComponentsOfAnyItemsAddUpToTheirSignedAmountsLessTheirFees() {
        // (component, signed, fee, refunded without a row)
        List<long[]> items = List.of(new long[]{0, 10_000, 320, 0}, new long[]{0, 25_000, 755, 1_000},
                new long[]{2, -3_000, 0, 0}, new long[]{3, -5_000, 1_500, 0}, new long[]{1, -90, 0, 0},
                new long[]{4, 7, 0, 0}, new long[]{4, -12, 0, 0});
        PayoutBreakdown sum = PayoutBreakdown.NONE;
        long signed = 0;
        long fees = 0;
        for (long[] i : items) {
            sum = sum.plus(PayoutBreakdown.of(Component.values()[(int) i[0]], i[1], i[2], i[3]));
            signed += i[1];
            fees += i[2] + i[3];
        }
        assertEquals(BigInteger.valueOf(35_000), sum.gross());
        assertEquals(BigInteger.valueOf(320 + 755 + 1_500 + 90), sum.fees());
        assertEquals(BigInteger.valueOf(3_000 + 1_000), sum.refunds());
        assertEquals(BigInteger.valueOf(5_000), sum.disputes());
        assertEquals(BigInteger.valueOf(-5), sum.adjustments());
        assertEquals(BigInteger.valueOf(signed - fees), sum.net());
        assertEquals(BigInteger.ZERO, sum.difference(signed - fees));
        assertEquals(BigInteger.ONE, sum.difference(signed - fees + 1));
    }
}
