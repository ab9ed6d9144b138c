package io.walletrecon.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Everything one run needs to know, resolved before its transaction starts. Every value is a number, a date or
 * one of our own constants, so the rule SQL can inline it (PostgreSQL takes no bind parameters in
 * {@code CREATE TABLE AS}, and the rules are built of temp tables).
 *
 * @param full true for manual and day-end runs over a period; false for incremental runs over what changed since
 *     {@code since}. Only full runs raise exceptions about absence (unmatched, unpaid, missing, not arrived):
 *     absence is only known when a period is closed.
 * @param companyId the account's company: the only receivables, customers and payer identities the run reads.
 * @param firstOpenDay the first day after the account's locked period ({@link io.walletrecon.periods.PeriodLocks}),
 *     null when none is locked: every scope below leaves the days before it alone, so a run matches nothing dated in
 *     a locked period and raises or closes no exception about it (it skips them: absence there was settled when the
 *     period was confirmed, and a person reopens the period to change it).
 */
record RunContext(long accountId, long companyId, long runId, String provider, String currency, boolean full,
        LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, Instant since,
        MatchingConfig config, Long settlementAccountId, LocalDate firstOpenDay) {

    /** SQL: {@code dateExpr} is after the account's locked period (always true when none is locked). */
    String open(String dateExpr) {
        return firstOpenDay == null ? "true" : "(" + dateExpr + ") >= date '" + firstOpenDay + "'";
    }

    /** The first day of the period a full run may touch; {@code to} when the whole period is locked. */
    LocalDate openFrom(LocalDate from) {
        return firstOpenDay == null || !firstOpenDay.isAfter(from) ? from : firstOpenDay;
    }

    boolean on(String rule) {
        return config.rules().contains(rule);
    }

    boolean walletAccount() {
        return !"bank".equals(provider);
    }

    /**
     * What a run's receipts are: a wallet run's are its incoming {@code transaction}s, a bank run's its credit
     * {@code statement_line}s. A run never has both: this names the item type of its receipt matches, the column of
     * its receipt exceptions and the tag of their dedupe keys.
     */
    String receiptType() {
        return walletAccount() ? "transaction" : "statement_line";
    }

    /** The column of recon_exceptions that names one of this run's receipts. */
    String receiptColumn() {
        return walletAccount() ? "transaction_id" : "statement_line_id";
    }

    /** The receipt's part of an exception's dedupe key ({@code unmatched_receipt:txn:42}, {@code ...:line:42}). */
    String receiptTag() {
        return walletAccount() ? "txn" : "line";
    }

    Set<String> rules() {
        return config.rules();
    }

    /** SQL tolerance for an amount expression: the larger of the absolute and the relative tolerance. */
    String tol(String amountExpr) {
        return "greatest(" + config.toleranceMinor() + ", (" + amountExpr + ") * " + config.toleranceBps()
                + " / 10000)";
    }

    int window() {
        return config.dateWindowDays();
    }

    /** Which transactions a run looks at: a period's business dates, or what changed since the last incremental run. */
    String txnScope(String alias) {
        return "(" + (full
                ? alias + ".value_date between date '" + periodStart + "' and date '" + periodEnd + "'"
                : alias + ".updated_at > timestamptz '" + since + "'") + " and " + open(alias + ".value_date") + ")";
    }

    /**
     * Our records a run compares with the bill: {@link #txnScope}, and in a full run also the grace days before the
     * period, whose records may be on this period's bills (a payment at 23:59 on the next day's bill) and are only
     * known to be missing now.
     */
    String recordScope(String alias) {
        return full ? periodAndDaysBefore(alias, config.graceDays()) : txnScope(alias);
    }

    /**
     * The payouts (transactions) a run looks for at the bank: {@link #txnScope}, and in a full run also the days
     * before the period within which a payout may still arrive ({@link MatchingConfig#settlementAfterDays()}).
     */
    String payoutScope(String alias) {
        return full ? periodAndDaysBefore(alias, config.settlementAfterDays()) : txnScope(alias);
    }

    /** The payout lines of the provider's bill a run looks for at the bank, as {@link #payoutScope}. */
    String payoutLineScope(String alias) {
        return full ? periodAndDaysBefore(alias, config.settlementAfterDays()) : lineScope(alias);
    }

    private String periodAndDaysBefore(String alias, int days) {
        return "(" + alias + ".value_date between date '" + periodStart + "' - " + days + " and date '" + periodEnd
                + "' and " + open(alias + ".value_date") + ")";
    }

    String lineScope(String alias) {
        return "(" + (full
                ? alias + ".value_date between date '" + periodStart + "' and date '" + periodEnd + "'"
                : alias + ".created_at > timestamptz '" + since + "'") + " and " + open(alias + ".value_date") + ")";
    }
}
