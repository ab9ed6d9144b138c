package io.walletrecon.balances;

import io.walletrecon.transactions.TransactionStatus;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one definition of each balance, as plain arithmetic. {@link BalanceRepository} computes the same figures in SQL
 * over the stored rows; every caller (dispatch's balance check, the reports' opening and closing balances, the
 * console) takes them from there. All amounts are minor units of one currency: a balance is always per account
 * <em>and</em> currency, and nothing here adds two currencies. Sums are {@link BigInteger}, so no number of rows can
 * overflow them. See docs/design/balances.md.
 *
 * <h2>Reported balance</h2>
 * What the provider or bank says: the closing balance of the latest imported statement of the account in the
 * currency whose period ends on or before the date (latest period end first, then the latest import, then the latest
 * row). No such statement: no reported balance. Banks state it; wallets' account-flow bills (Alipay 账务明细, WeChat Pay
 * 资金账单) give it from the balance after each row ({@code statements.BalanceChain}).
 *
 * <h2>Book balance of a wallet</h2>
 * What we can account for from the wallet's transactions. A transaction counts when its money moved: status
 * {@code succeeded}, {@code refunded} or {@code partially_refunded} ({@link #COUNTED}); pending and failed ones do not.
 * Each counted transaction adds
 * <pre>
 * book effect = inflow − outflow − fee
 * inflow = amount when the money came in (payments, disputes won)
 * outflow = amount when the money went out (refund rows, payouts, disputes lost)
 * + refunded total not shown by refund rows on a payment
 * fee = the provider's fee on the row (0 when it names none)
 * </pre>
 * A refund is counted exactly once however the provider reports it. WeChat Pay and Stripe's refund objects arrive as
 * rows of their own (kind {@code refund}, out, under the payment they refund); Alipay, Standard Webhooks and Stripe's
 * {@code charge.refunded} give only the payment's running refunded total. So a payment subtracts only the part of its
 * refunded total that its succeeded refund rows do not already show: {@code max(refunded − Σ refund rows, 0)}; a part
 * known only as a total is counted on the payment's value date, the only date we have for it. A dispute reaches the
 * book as an adjustment row and counts by its direction, like any other row. A payout is an outflow of the wallet.
 * <pre>
 * book balance at date D = Σ book effect of counted transactions valued on or before D
 * book movements of a period = Σ inflow, Σ outflow, Σ fee of counted transactions valued in it
 * </pre>
 *
 * <h2>Bank balance (what the bank's statements say at any day)</h2>
 * The closing balance of the latest statement ending before the day plus the lines valued after its end and before
 * the day; without such a statement, the opening balance of the account's first statement plus the lines valued before
 * the day. A line moves the balance by its signed amount less the fee it states; a bank's fee posting (line kind
 * {@code fee}) is a fee, every other credit an inflow and every other debit an outflow:
 * <pre>
 * bank balance at the start of D = anchor balance + Σ (amount − fee) of lines valued from the anchor to D − 1
 * </pre>
 *
 * <h2>Book balance of a bank account with a bank journal</h2>
 * Where the company imports its bank journal (银行日记账, {@code ledger_entries}) the book is the journal. A journal
 * that begins inside the bank's statements opens at the bank's balance on its first day (the day the company began
 * reconciling with us); one that begins before them carries its own opening as an entry (期初余额) and opens at 0.
 * <pre>
 * book balance at D = opening + Σ entries dated on or before D
 * opening = bank balance at the start of the journal's first day, when the bank's statements cover that day; else 0
 * </pre>
 * Bank lines and entries from the later of the two first days are matched or are reconciling items; an item is
 * reconciled on a day when a confirmed journal match claims it and every item of that match is dated by the day. The
 * difference between the book and the bank's reported balance is then exactly the items one side has and the other
 * lacks, plus what a journal's own opening does not agree with the bank's. The reconciliation statement, the
 * 余额调节表 and the overview compose the same SQL ({@code BalanceRepository.journalBookAtStart},
 * {@code journalReconciledFrom}, {@code journalReconciledOn}).
 *
 * <h2>Book balance of a bank account without a journal</h2>
 * The statement lines we have reconciled (claimed by a live item of a confirmed match) plus the orders we submitted
 * that no reconciled line shows yet.
 * <pre>
 * book balance at D = Σ (amount − fee) of reconciled lines valued on or before D (credits positive, debits negative)
 * − Σ amount of orders SUBMITTED, UNKNOWN or COMPLETED by the end of D (the account's day)
 * whose payment id no reconciled line carries as its end-to-end id
 * </pre>
 *
 * <h2>Available balance (dispatch)</h2>
 * What dispatch may still send from an account in a currency:
 * <pre>
 * available = reported balance of the latest statement
 * + Σ book effect of counted transactions valued after that statement's period end
 * − Σ amount of orders SUBMITTED or UNKNOWN (the money may be gone)
 * − Σ amount of orders COMPLETED since that statement that no transaction row shows yet
 * </pre>
 * No statement with a closing balance in that currency means no known balance: nothing is sent.
 */
public final class Balances {

    /** The transaction statuses whose money moved: these, and only these, count in a book balance. */
    public static final Set<TransactionStatus> COUNTED = EnumSet.of(TransactionStatus.SUCCEEDED,
            TransactionStatus.PARTIALLY_REFUNDED,
            TransactionStatus.REFUNDED);

    private Balances() {
    }

    /** Which way a transaction's money went, as stored in {@code transactions.direction}. */
    public enum Direction {
        IN, OUT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One wallet transaction as the book sees it. {@code refundedMinor} is the refunded total recorded on a payment,
     * {@code refundRowsMinor} what its succeeded refund rows add up to (both 0 for any other row).
     */
    public record Movement(Direction direction, TransactionStatus status, long amountMinor, Long feeMinor,
            long refundedMinor,
            long refundRowsMinor) {

        public static Movement in(long amount, Long fee) {
            return new Movement(Direction.IN, TransactionStatus.SUCCEEDED, amount, fee, 0, 0);
        }

        public static Movement out(long amount, Long fee) {
            return new Movement(Direction.OUT, TransactionStatus.SUCCEEDED, amount, fee, 0, 0);
        }

        public Movement withStatus(TransactionStatus status) {
            return new Movement(direction, status, amountMinor, feeMinor, refundedMinor, refundRowsMinor);
        }

        /** A payment whose refunded total is {@code refunded}, of which refund rows show {@code inRows}. */
        public Movement refunded(long refunded, long inRows) {
            TransactionStatus s = refunded == 0
                    ? status
                    : refunded >= amountMinor ? TransactionStatus.REFUNDED : TransactionStatus.PARTIALLY_REFUNDED;
            return new Movement(direction, s, amountMinor, feeMinor, refunded, inRows);
        }

        public boolean counted() {
            return COUNTED.contains(status);
        }

        public BigInteger inflow() {
            return direction == Direction.IN ? BigInteger.valueOf(amountMinor) : BigInteger.ZERO;
        }

        /** The amount of an outgoing row, or the refunded part of a payment that no refund row shows. */
        public BigInteger outflow() {
            return direction == Direction.OUT ? BigInteger.valueOf(amountMinor) : refundWithoutRow();
        }

        public BigInteger fee() {
            return feeMinor == null ? BigInteger.ZERO : BigInteger.valueOf(feeMinor);
        }

        BigInteger refundWithoutRow() {
            return BigInteger.valueOf(refundedMinor).subtract(BigInteger.valueOf(refundRowsMinor)).max(BigInteger.ZERO);
        }

        public BigInteger bookEffect() {
            return inflow().subtract(outflow()).subtract(fee());
        }
    }

    /** The book movements of a period: inflows − outflows − fees = net. */
    public record BookMovements(BigInteger inflows, BigInteger outflows, BigInteger fees) {

        public static final BookMovements NONE = new BookMovements(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

        public BigInteger net() {
            return inflows.subtract(outflows).subtract(fees);
        }

        public BookMovements plus(Movement m) {
            return m.counted()
                    ? new BookMovements(inflows.add(m.inflow()), outflows.add(m.outflow()), fees.add(m.fee()))
                    : this;
        }
    }

    /** The book movements of the given transactions: the counted ones only. */
    public static BookMovements movements(Iterable<Movement> transactions) {
        BookMovements sum = BookMovements.NONE;
        for (Movement m : transactions) {
            sum = sum.plus(m);
        }
        return sum;
    }

    /** One line of a bank statement: signed (credits positive), with its fee, and whether we reconciled it. */
    public record BankLine(long amountMinor, Long feeMinor, boolean reconciled, String endToEndId) {
    }

    /** An order we submitted from a bank account: the end-to-end id its bank file gives it, and its amount. */
    public record SubmittedOrder(String endToEndId, long amountMinor) {
    }

    /** The book balance of a bank account from its lines and submitted orders (all of them valued by the date). */
    public static BigInteger bankBook(Iterable<BankLine> lines, Iterable<SubmittedOrder> orders) {
        BigInteger sum = BigInteger.ZERO;
        Set<String> shown = new java.util.HashSet<>();
        for (BankLine l : lines) {
            if (l.reconciled()) {
                BigInteger fee = l.feeMinor() == null ? BigInteger.ZERO : BigInteger.valueOf(l.feeMinor());
                sum = sum.add(BigInteger.valueOf(l.amountMinor())).subtract(fee);
                if (l.endToEndId() != null) {
                    shown.add(l.endToEndId());
                }
            }
        }
        for (SubmittedOrder o : orders) {
            if (!shown.contains(o.endToEndId())) {
                sum = sum.subtract(BigInteger.valueOf(o.amountMinor()));
            }
        }
        return sum;
    }

    /**
     * The opening of a bank journal that begins on {@code journalStart}: the bank's balance at the start of that day
     * when the bank's statements cover it (they begin on {@code firstStatementDay}, null when there are none), else 0
     * (the journal carries its own opening entry).
     */
    public static long journalOpening(java.time.LocalDate journalStart, java.time.LocalDate firstStatementDay,
            long bankBalanceAtJournalStart) {
        return firstStatementDay != null && !journalStart.isBefore(firstStatementDay) ? bankBalanceAtJournalStart : 0;
    }

    /**
     * The book balance of a bank account with a journal: its {@link #journalOpening opening} plus the journal's
     * entries (signed, money in positive) dated by the day.
     */
    public static BigInteger journalBook(long opening, Iterable<Long> entries) {
        BigInteger sum = BigInteger.valueOf(opening);
        for (long e : entries) {
            sum = sum.add(BigInteger.valueOf(e));
        }
        return sum;
    }

    /**
     * The available balance: the reported balance, plus the book movements since its statement, less the orders that
     * may have taken money out that no transaction shows yet. {@code reported} null means no known balance: null.
     */
    public static BigInteger available(Long reported, BookMovements since, BigInteger outstandingOrders) {
        return reported == null ? null : BigInteger.valueOf(reported).add(since.net()).subtract(outstandingOrders);
    }
}
