package io.walletrecon.matching;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Receivables belong to a company, not to an account: a receipt on any account of a company may pay any open receivable
 * of that company in its currency, while the matching lock is per account. Everything that pays or un-pays receivables
 * (a run's receipt rules, a manual receipt match, confirming or unmatching one) therefore also takes this
 * transaction-scoped advisory lock per (company, currency), waiting for it: two runs of different accounts of one
 * company in one currency pay receivables one after the other, and the second sees what the first paid (a duplicate,
 * not a second payment). Runs of different companies never wait for each other: their keys differ.
 * <p>
 * Several keys are locked in one statement in key order, so two holders never wait on each other in a cycle.
 * Account locks are only ever tried (never waited for), so holding one while waiting here cannot deadlock either.
 */
final class ReceivablesLock {

    /** Advisory lock class of receivables ("rcvb"); the object id is {@link #key(long, String)}. */
    static final int LOCK_CLASS = 0x72637662;

    /** A currency's three letters A-Z take 15 bits (26^3 = 17,576 < 2^15); the company id the 16 above them. */
    private static final int CURRENCY_BITS = 15;

    private ReceivablesLock() {
    }

    /**
     * A stable, collision-free int key of (company, ISO 4217 code): {@code company id << 15} plus the code read as a
     * base-26 number (AAA = 0, CNY = 1,736). The schema keeps company ids between 1 and 65,535, so the key fits an int.
     */
    static int key(long companyId, String currency) {
        int code = (currency.charAt(0) - 'A') * 676 + (currency.charAt(1) - 'A') * 26 + (currency.charAt(2) - 'A');
        return (int) ((companyId << CURRENCY_BITS) | code);
    }

    /** {@link #key(long, String)} in SQL, over (company_id, currency) columns (currency checked against ^[A-Z]{3}$ by the schema). */
    private static final String SQL_KEY = "cast(c.company_id * 32768 + (ascii(substr(c.currency, 1, 1)) - 65) * 676"
            + " + (ascii(substr(c.currency, 2, 1)) - 65) * 26 + ascii(substr(c.currency, 3, 1)) - 65 as int)";

    /**
     * Waits for the (company, currency) keys a run can pay receivables in: its account's company with the account's
     * currency and those of its receipts, read from the run's staged receipts ({@code mr_receipt}), so before anything
     * of the run reads receivables or their holds.
     */
    static Uni<Void> forRun(Mutiny.Session s, RunContext ctx) {
        return lock(s, "select %1$d as company_id, '%2$s' as currency union select %1$d, currency from mr_receipt"
                .formatted(ctx.companyId(), ctx.currency()));
    }

    /** Waits for the keys of the given receivables (a manual receipt match). */
    static Uni<Void> forReceivables(Mutiny.Session s, String receivableIds) {
        return lock(s, "select distinct company_id, currency from receivables where id in (" + receivableIds + ")");
    }

    /** Waits for one key (confirming, rejecting or unmatching a receipt match of that company and currency). */
    static Uni<Void> forCurrency(Mutiny.Session s, long companyId, String currency) {
        return lock(s, "select " + companyId + " as company_id, '" + currency + "' as currency");
    }

    private static Uni<Void> lock(Mutiny.Session s, String keys) {
        return MatchRulesRepository.count(s, """
                select count(pg_advisory_xact_lock(%d, k)) from (
                  select distinct %s as k from (%s) c order by k
                ) keys""".formatted(LOCK_CLASS, SQL_KEY, keys)).replaceWithVoid();
    }
}
