package io.walletrecon.reports.payouts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/**
 * A payout's breakdown as JSON: amounts as exact decimal strings plus {@code amountMinor} in minor units of the
 * payout's currency, every label in the language asked for. {@code items} only on GET /reports/payouts/{id}.
 */
@RegisterForReflection
public record PayoutView(String id, String payoutId, String source, long sourceId, String account, LocalDate date,
        String currency, Figure amount, Figure gross, Figure fees, Figure refunds, Figure disputes,
        Figure adjustments, Figure net, Figure difference, long itemCount, Arrival arrival, List<Item> items) {

    /** A labelled amount. */
    @RegisterForReflection
    public record Figure(String label, String amount, long amountMinor) {
    }

    /**
     * Where the payout stands at the bank: {@code bankLine} is the line it arrived as (a confirmed match) or the line
     * proposed for it (a suggested match), null with the {@code reason} when none; {@code exceptionId} its open
     * settlement exception.
     */
    @RegisterForReflection
    public record Arrival(String status, String label, String reason, BankLine bankLine, Long exceptionId) {
    }

    /** The bank statement line a payout is matched to, and the match. */
    @RegisterForReflection
    public record BankLine(long statementLineId, String account, LocalDate date, String currency, String amount,
            long amountMinor, String reference, String remittanceInfo, long matchId, String matchStatus,
            String rule) {
    }

    /**
     * One thing the payout contains: a provider bill line ({@code statement_line}) or one of our transactions, the
     * component it counts under, its signed amount (money in positive), its fee, and for a payment the refunded part
     * no refund row shows (counted under refunds).
     */
    @RegisterForReflection
    public record Item(String source, long id, LocalDate date, String kind, String component, String amount,
            long amountMinor, String fee, long feeMinor, String refunded, long refundedMinor, String providerTxnId,
            String reference, String description) {
    }

    /** A page of the payouts of an account in a period. */
    @RegisterForReflection
    public record Page(String report, String title, String language, String account, String accountName,
            LocalDate from, LocalDate to, int page, int size, long total, List<PayoutView> payouts) {
    }
}
