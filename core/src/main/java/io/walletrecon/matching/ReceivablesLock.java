package io.walletrecon.matching;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Receivables belong to no account: a receipt on any wallet account of a currency may pay any open receivable of
 * that currency, while the matching lock is per account. Everything that pays or un-pays receivables (a run's
 * receipt rules, a manual receipt match, confirming or unmatching one) therefore also takes this transaction-scoped
 * advisory lock per currency, waiting for it: two runs of different accounts in one currency pay receivables one
 * after the other, and the second sees what the first paid (a duplicate, not a second payment).
 * <p>
 * Several currencies are locked in one statement in key order, so two holders never wait on each other in a cycle.
 * Account locks are only ever tried (never waited for), so holding one while waiting here cannot deadlock either.
 */
final class ReceivablesLock {

    /** Advisory lock class of receivables ("rcvb"); the object id is {@link #key(String)} of the currency. */
    static final int LOCK_CLASS = 0x72637662;

    private ReceivablesLock() {
    }

    /** A stable, collision-free key of an ISO 4217 code: its three ASCII letters as an int (CNY = 0x434E59). */
    static int key(String currency) {
        return (currency.charAt(0) << 16) | (currency.charAt(1) << 8) | currency.charAt(2);
    }

    /** {@link #key(String)} in SQL, for currency columns (checked against ^[A-Z]{3}$ by the schema). */
    private static String sqlKey(String column) {
        return "(ascii(substr(%1$s, 1, 1)) * 65536 + ascii(substr(%1$s, 2, 1)) * 256 + ascii(substr(%1$s, 3, 1)))".formatted(column);
    }

    /**
     * Waits for the currencies a run can pay receivables in: the account's and those of its receipts, read from the
     * run's staged receipts ({@code mr_receipt}), so before anything of the run reads receivables or their holds.
     */
    static Uni<Void> forRun(Mutiny.Session s, RunContext ctx) {
        return lock(s, "select '%s' as currency union select distinct currency from mr_receipt".formatted(ctx.currency()));
    }

    /** Waits for the currencies of the given receivables (a manual receipt match). */
    static Uni<Void> forReceivables(Mutiny.Session s, String receivableIds) {
        return lock(s, "select distinct currency from receivables where id in (" + receivableIds + ")");
    }

    /** Waits for one currency (confirming, rejecting or unmatching a receipt match of that currency). */
    static Uni<Void> forCurrency(Mutiny.Session s, String currency) {
        return lock(s, "select '" + currency + "' as currency");
    }

    private static Uni<Void> lock(Mutiny.Session s, String currencies) {
        return MatchRulesRepository.count(s, """
                select count(pg_advisory_xact_lock(%d, k)) from (
                  select distinct %s as k from (%s) c order by k
                ) keys""".formatted(LOCK_CLASS, sqlKey("c.currency"), currencies)).replaceWithVoid();
    }
}
