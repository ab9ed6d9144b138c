package io.walletrecon.intake;

import io.walletrecon.transactions.TransactionStatus;
import io.walletrecon.data.WalletTransaction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.walletrecon.transactions.TransactionStatus.FAILED;
import static io.walletrecon.transactions.TransactionStatus.PENDING;
import static io.walletrecon.transactions.TransactionStatus.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How one provider report creates or changes a canonical transaction (plain Java, no database). */
class TransactionMergeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant CREATED = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void aNewRowTakesTheReportedFactsWithTheBusinessDateInTheAccountsZone() {
        TransactionFacts f = TransactionFacts
                .payment("txn_1", 8888, "CNY", SUCCEEDED, Instant.parse("2026-03-01T17:30:00Z"))
                .withReference("INV-42", null);

        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI, f, CREATED);

        assertEquals(7L, t.accountId);
        assertEquals(8888, t.amountMinor);
        assertEquals("succeeded", t.status);
        assertEquals(LocalDate.of(2026, 3, 2), t.valueDate);
        assertEquals("INV-42", t.merchantReference);
        assertEquals(TransactionMerge.SOURCE_WEBHOOK, t.source);
        assertEquals(CREATED, t.updatedAt);
    }

    @Test
    void aNotificationOfAPaymentRecordedFromTheBillMakesItNotifiedAndKeepsTheBillsAmountAndFee() {
        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI,
                TransactionFacts.payment("4200001", 8888, "CNY", SUCCEEDED, CREATED), CREATED);
        t.source = TransactionMerge.SOURCE_BILL;
        t.feeMinor = 53L;

        boolean changed = TransactionMerge.merge(SHANGHAI, t,
                TransactionFacts.payment("4200001", 8888, "CNY", SUCCEEDED, LATER).withPayer("wechat_openid", "o1"),
                LATER);

        assertTrue(changed);
        assertEquals(TransactionMerge.SOURCE_WEBHOOK, t.source);
        assertEquals(8888, t.amountMinor);
        assertEquals(53L, t.feeMinor);
        assertEquals("o1", t.payerIdentity);
        assertEquals(CREATED, t.occurredAt, "the bill's time stays");
    }

    @Test
    void theReportThatSettlesAPendingPaymentIsItsAuthoritativeAmountAndTime() {
        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI,
                TransactionFacts.payment("txn_1", 1000, "CNY", PENDING,
                        Instant.parse("2026-03-01T01:00:00Z")),
                CREATED);
        Instant settled = Instant.parse("2026-03-03T02:00:00Z");

        boolean changed = TransactionMerge.merge(SHANGHAI, t,
                TransactionFacts.payment("txn_1", 990, "CNY", SUCCEEDED, settled), LATER);

        assertTrue(changed);
        assertEquals("succeeded", t.status);
        assertEquals(990, t.amountMinor);
        assertEquals(settled, t.occurredAt);
        assertEquals(LocalDate.of(2026, 3, 3), t.valueDate);
        assertEquals(LATER, t.updatedAt);
    }

    @Test
    void aLateFailureNeverMovesASucceededPaymentBackNorChangesItsAmount() {
        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI,
                TransactionFacts.payment("txn_1", 1000, "CNY", SUCCEEDED,
                        Instant.parse("2026-03-01T01:00:00Z")),
                CREATED);

        boolean changed = TransactionMerge.merge(SHANGHAI, t,
                TransactionFacts.payment("txn_1", 5, "CNY", FAILED, LATER), LATER);

        assertFalse(changed);
        assertEquals("succeeded", t.status);
        assertEquals(1000, t.amountMinor);
        assertEquals(CREATED, t.updatedAt);
    }

    @Test
    void aRedeliveredReportChangesNothing() {
        TransactionFacts f = TransactionFacts.payment("txn_1", 1000, "CNY", SUCCEEDED, CREATED)
                .withPayer("wechat_openid", "o-1");
        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI, f, CREATED);

        assertFalse(TransactionMerge.merge(SHANGHAI, t, f, LATER));
        assertEquals(CREATED, t.updatedAt);
    }

    @Test
    void missingPayerReferenceAndFeeAreFilledInButNeverOverwritten() {
        WalletTransaction t = TransactionMerge.newRow(7, SHANGHAI,
                TransactionFacts.payment("txn_1", 1000, "CNY", SUCCEEDED, CREATED)
                        .withReference("INV-1", null),
                CREATED);

        boolean changed = TransactionMerge.merge(SHANGHAI, t,
                TransactionFacts.payment("txn_1", 1000, "CNY", SUCCEEDED, CREATED)
                        .withPayer("wechat_openid", "o-1").withReference("INV-2", "memo").withFee(6L),
                LATER);

        assertTrue(changed);
        assertEquals("o-1", t.payerIdentity);
        assertEquals("wechat_openid", t.payerKind);
        assertEquals("INV-1", t.merchantReference);
        assertEquals("memo", t.description);
        assertEquals(6L, t.feeMinor);
    }

    @Test
    void succeededRefundsDecideBetweenPartiallyRefundedAndRefunded() {
        WalletTransaction payment = TransactionMerge.newRow(7, SHANGHAI,
                TransactionFacts.payment("txn_1", 1000, "CNY", SUCCEEDED,
                        CREATED),
                CREATED);

        assertTrue(TransactionMerge.refunded(payment, 400, LATER));
        assertEquals("partially_refunded", payment.status);
        assertEquals(400, payment.refundedMinor);

        assertTrue(TransactionMerge.refunded(payment, 1000, LATER));
        assertEquals("refunded", payment.status);
        assertFalse(TransactionMerge.refunded(payment, 1000, LATER));
    }
}
