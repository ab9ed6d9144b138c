package io.walletrecon.ledger;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/** What the bank journal's routes answer. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /**
     * One import of a journal file: rows read, entries added, rows already there from an earlier import (the same
     * entry again adds nothing), and the charset the file was read in.
     */
    @RegisterForReflection
    public record ImportView(long importId, String account, long rows, long inserted, long unchanged,
            String charset) {
    }

    /**
     * One journal entry with its match state: {@code matched} (a confirmed match to bank lines), {@code suggested}
     * (a match waiting for a person) or {@code unmatched}; the match and the bank lines it pairs the entry with.
     */
    @RegisterForReflection
    public record EntryView(long id, String account, LocalDate date, long amountMinor, String currency,
            String voucher, String reference, String counterparty, String memo, int lineNo, long importId,
            String matchState, Long matchId, String matchRule, List<Long> statementLineIds) {
    }

    /**
     * A bank line or journal entry that no confirmed match explains, as the reconciliation statement lists it; a bank
     * line carries the exception still open on it ({@code exceptionId}, null when there is none).
     */
    @RegisterForReflection
    public record OpenItem(String type, long id, LocalDate date, long amountMinor, String reference,
            String counterparty, String memo, Long exceptionId) {
    }

    /** One group of the reconciliation statement: how many items, their sum, the items (at most a page of them). */
    @RegisterForReflection
    public record OpenGroup(long count, long totalMinor, List<OpenItem> items) {
    }

    /**
     * What the bank journal and the bank's lines of an account do not explain of each other over a period: the
     * reconciling items of the bank reconciliation statement (余额调节表). Bank side: 银行已收企业未收 (credits
     * the books lack) and 银行已付企业未付 (debits the books lack); books side: 企业已收银行未收 and 企业已付银行未付.
     */
    @RegisterForReflection
    public record Unreconciled(String account, String currency, LocalDate from, LocalDate to,
            OpenGroup bankReceivedNotBooked, OpenGroup bankPaidNotBooked, OpenGroup bookedReceivedNotInBank,
            OpenGroup bookedPaidNotInBank) {
    }
}
