package io.walletrecon.matching;

import io.walletrecon.receivables.PaymentTolerance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence the workbench shows for each candidate: the runs' receipt rules, one receipt and one receivable. */
class CandidateRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final PaymentTolerance TOLERANCE = new PaymentTolerance(100, 0);

    static CandidateRules.Receipt bankLine(long amount, String remittance, Long customer) {
        return new CandidateRules.Receipt(true, amount, DAY,
                CandidateRules.bankTexts(null, remittance, null, null), null, customer);
    }

    static CandidateRules.Receivable receivable(String reference, String code, long amount, long paid, int dueOffset) {
        return new CandidateRules.Receivable(1, reference, code, 7, amount, paid, DAY.plusDays(dueOffset),
                paid == 0 ? "open" : paid >= amount ? "paid" : "partially_paid");
    }

    @Test
    void aReferenceSplitOverTheRemittanceNamesTheReceivableWhichItPaysWhole() {
        CandidateRules.Evidence e = CandidateRules.judge(bankLine(50000, "Rechnung INV-40 01 Danke", null),
                receivable("INV-4001", null, 50000, 0, -2), TOLERANCE, 3);

        assertEquals("reference", e.rule());
        assertEquals(BigDecimal.ONE, e.confidence());
        assertEquals("remittance_info", e.referenceField());
        assertEquals("INV-40 01", e.referenceValue());
        assertEquals("reference", e.names());
        assertEquals(2, e.dateDistanceDays(), "paid two days after it was due");
        assertNull(e.samePayer(), "an unknown payer");
    }

    @Test
    void aReferencedReceivablePaidBeforeIsPaidInPart() {
        CandidateRules.Evidence e = CandidateRules.judge(bankLine(20000, "INV-4001", null),
                receivable("INV-4001", null, 50000, 10000, 0), TOLERANCE, 3);

        assertEquals("partial_payment", e.rule());
        assertEquals(40000, e.outstandingMinor());
        assertEquals(-20000, e.differenceMinor());
        assertFalse(e.amountWithinTolerance());
    }

    @Test
    void aCollectionCodeNamesItsReceivableAfterTheReference() {
        CandidateRules.Evidence e = CandidateRules.judge(bankLine(12000, "Payment code wr7k q4mxj", null),
                receivable("B-77", "WR7KQ4MXJ", 12000, 0, 0), TOLERANCE, 3);

        assertEquals("reference", e.rule());
        assertEquals("collection_code", e.names());
    }

    @Test
    void aReceivableAlreadyPaidIsNamedButNotPaidAgain() {
        CandidateRules.Evidence e = CandidateRules.judge(bankLine(50000, "INV-4001", null),
                receivable("INV-4001", null, 50000, 50000, 0), TOLERANCE, 3);

        assertNull(e.rule());
        assertTrue(e.alreadyPaid());
    }

    @Test
    void aKnownPayerPayingExactlyWhatItsCustomerOwesIsPayerAmount() {
        CandidateRules.Evidence e = CandidateRules.judge(bankLine(45000, "Danke", 7L),
                receivable("E-1", null, 45000, 0, 20), TOLERANCE, 3);

        assertEquals("payer_amount", e.rule());
        assertEquals(Boolean.TRUE, e.samePayer());
        assertFalse(e.withinDateWindow(), "the payer and the amount are enough, whatever the date");
    }

    @Test
    void amountWithinToleranceAndDateWithinTheWindowIsOnlyASuggestion() {
        CandidateRules.Evidence near = CandidateRules.judge(bankLine(29950, "Danke", null),
                receivable("X-1", null, 30000, 0, -1), TOLERANCE, 3);
        CandidateRules.Evidence late = CandidateRules.judge(bankLine(29950, "Danke", null),
                receivable("X-1", null, 30000, 0, -4), TOLERANCE, 3);
        CandidateRules.Evidence otherPayer = CandidateRules.judge(bankLine(30000, "Danke", 8L),
                receivable("X-1", null, 30000, 0, 10), TOLERANCE, 3);

        assertEquals("amount_date", near.rule());
        assertTrue(near.suggestion());
        assertEquals(new BigDecimal("0.6"), near.confidence());
        assertNull(late.rule(), "four days after the due date is outside the window of three");
        assertNull(otherPayer.rule());
        assertEquals(Boolean.FALSE, otherPayer.samePayer());
    }

    @Test
    void aWalletReceiptNamesByEqualReferenceOrTheCodeInItsText() {
        CandidateRules.Receipt byRef = new CandidateRules.Receipt(false, 8888, DAY,
                Map.of("merchant_reference", "INV-2026-0042"), null, null);
        CandidateRules.Receipt byCode = new CandidateRules.Receipt(false, 8888, DAY,
                Map.of("merchant_reference", "order 5", "description", "pay WR7KQ4MXJ"), "WR7KQ4MXJ", null);

        assertEquals("merchant_reference",
                CandidateRules.judge(byRef, receivable("INV-2026-0042", null, 8888, 0, 0), TOLERANCE, 3)
                        .referenceField());
        assertEquals("description",
                CandidateRules.judge(byCode, receivable("B-1", "WR7KQ4MXJ", 8888, 0, 0), TOLERANCE, 3)
                        .referenceField());
        assertNull(CandidateRules.judge(byRef, receivable("INV-2026-00420", null, 8888, 0, 0), TOLERANCE, 3)
                .referenceField(), "a wallet's reference is compared whole, as the runs do");
    }
}
