package io.walletrecon.reports.bankrec;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two columns of the 余额调节表, as arithmetic over signed minor units. */
class BankReconciliationTest {

    private static BigInteger v(long minor) {
        return BigInteger.valueOf(minor);
    }

    @Test
    void withoutItemsBothAdjustedBalancesAreTheBalances() {
        BankReconciliation r = new BankReconciliation(v(1_073_456), v(0), v(0), v(1_073_456), v(0), v(0));

        assertEquals(v(1_073_456), r.adjustedJournal());
        assertEquals(v(1_073_456), r.adjustedBank());
        assertTrue(r.balanced());
    }

    @Test
    void bankItemsAdjustTheJournalAndJournalItemsAdjustTheBank() {
        // journal 12,434.56 + 888.00 − 15.00 = 13,307.56 = bank 11,607.56 + 2,000.00 − 300.00
        BankReconciliation r = new BankReconciliation(v(1_243_456), v(88_800), v(-1_500), v(1_160_756), v(200_000),
                v(-30_000));

        assertEquals(v(1_330_756), r.adjustedJournal());
        assertEquals(v(1_330_756), r.adjustedBank());
        assertEquals(BigInteger.ZERO, r.unexplainedDifference());
        assertTrue(r.balanced());
    }

    @Test
    void whatTheItemsDoNotExplainIsTheBankSideLessTheJournalSide() {
        BankReconciliation r = new BankReconciliation(v(1_072_456), v(0), v(0), v(1_073_456), v(0), v(0));

        assertEquals(v(1_000), r.unexplainedDifference());
        assertFalse(r.balanced());
    }

    @Test
    void sumsDoNotOverflow() {
        BankReconciliation r = new BankReconciliation(v(Long.MAX_VALUE), v(Long.MAX_VALUE), v(0), v(0), v(0), v(0));

        assertEquals(v(Long.MAX_VALUE).multiply(v(2)), r.adjustedJournal());
    }
}
