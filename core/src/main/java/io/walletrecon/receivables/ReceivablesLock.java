package io.walletrecon.receivables;

/**
 * Receivables belong to a company, not to an account: a receipt on any account of a company may pay any open receivable
 * of that company in its currency, while the matching lock is per account. Everything that pays or un-pays receivables
 * (a run's receipt rules, a manual receipt match, confirming or unmatching one) therefore also takes this
 * transaction-scoped advisory lock per (company, currency), waiting for it: two runs of different accounts of one
 * company in one currency pay receivables one after the other, and the second sees what the first paid (a duplicate,
 * not a second payment). Runs of different companies never wait for each other: their keys differ.
 * <p>
 * {@link ReceivableRepository#lockForPayment} locks several keys in one statement in key order, so two holders never
 * wait on each other in a cycle. Account locks are only ever tried (never waited for), so holding one while waiting
 * here cannot deadlock either.
 */
public final class ReceivablesLock {

    /** Advisory lock class of receivables ("rcvb"); the object id is {@link #key(long, String)}. */
    public static final int LOCK_CLASS = 0x72637662;

    /** A currency's three letters A-Z take 15 bits (26^3 = 17,576 < 2^15); the company id the 16 above them. */
    private static final int CURRENCY_BITS = 15;

    private ReceivablesLock() {
    }

    /**
     * A stable, collision-free int key of (company, ISO 4217 code): {@code company id << 15} plus the code read as a
     * base-26 number (AAA = 0, CNY = 1,736). The schema keeps company ids between 1 and 65,535, so the key fits an int.
     * {@link ReceivableRepository#LOCK} computes the same in SQL.
     */
    public static int key(long companyId, String currency) {
        int code = (currency.charAt(0) - 'A') * 676 + (currency.charAt(1) - 'A') * 26 + (currency.charAt(2) - 'A');
        return (int) ((companyId << CURRENCY_BITS) | code);
    }
}
