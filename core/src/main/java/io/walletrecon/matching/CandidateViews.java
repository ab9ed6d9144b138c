package io.walletrecon.matching;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What {@code GET /exceptions/{id}/candidates} shows. Amounts are minor units of {@code currency}. */
public final class CandidateViews {

    private CandidateViews() {
    }

    /**
     * An exception's item and the receivables that may be what it pays, best first, each with the evidence of the
     * rules; {@code liveMatches}: the live matches that hold the item now (to undo one). An exception about no
     * receipt (a receivable, a debit, a payout) lists its item and no candidates.
     */
    @RegisterForReflection
    public record ExceptionCandidates(long exception, String account, Item item, List<Candidate> candidates,
            List<Long> liveMatches) {
    }

    /**
     * The exception's item: {@code type} transaction, statement_line or receivable; {@code texts} the fields the rules
     * read; {@code customerId} the customer its payer is a known identity of.
     */
    @RegisterForReflection
    public record Item(String type, long id, long amountMinor, String currency, LocalDate valueDate,
            Map<String, String> texts, String payerName, String payerAccount, Long customerId) {
    }

    /**
     * A receivable that may be what the receipt pays; {@code suggestedMinor} what a match would apply to it (what it
     * still owes, at most the receipt).
     */
    @RegisterForReflection
    public record Candidate(String type, long id, String reference, String collectionCode, long customerId,
            String customerName, long amountMinor, long paidMinor, String currency, LocalDate dueDate, String status,
            long suggestedMinor, CandidateRules.Evidence evidence) {
    }
}
