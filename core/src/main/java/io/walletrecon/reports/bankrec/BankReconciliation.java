package io.walletrecon.reports.bankrec;

import java.math.BigInteger;

/**
 * The bank reconciliation statement (银行存款余额调节表) of a bank account on a date, as plain arithmetic. The
 * standard two-column layout, journal on the left, bank on the right:
 * <ul>
 * <li>企业银行存款日记账余额 (journal balance) | 银行对账单余额 (bank balance);</li>
 * <li>+ 银行已收、企业未收 (bank credits not booked) | + 企业已收、银行未收 (booked receipts not at the bank);</li>
 * <li>− 银行已付、企业未付 (bank debits not booked) | − 企业已付、银行未付 (booked payments not at the bank);</li>
 * <li>= 调节后余额 (adjusted balance) | = 调节后余额 (adjusted balance).</li>
 * </ul>
 * The two adjusted balances are equal when the reconciling items explain every difference between the journal and
 * the bank; otherwise the gap (bank side − journal side) is the unexplained difference (未达账项以外的差额). The
 * groups' totals are signed as stored: credits and receipts positive, debits and payments negative, so "less" adds a
 * negative total. Amounts are minor units of the account's one currency; sums are exact.
 */
public record BankReconciliation(BigInteger journalBalance, BigInteger bankReceivedNotBooked,
        BigInteger bankPaidNotBooked, BigInteger bankBalance, BigInteger bookedReceivedNotInBank,
        BigInteger bookedPaidNotInBank) {

    /** Journal balance + bank credits not booked − bank debits not booked (signed, so both are added). */
    public BigInteger adjustedJournal() {
        return journalBalance.add(bankReceivedNotBooked).add(bankPaidNotBooked);
    }

    /** Bank balance + booked receipts not at the bank − booked payments not at the bank (signed, added). */
    public BigInteger adjustedBank() {
        return bankBalance.add(bookedReceivedNotInBank).add(bookedPaidNotInBank);
    }

    /** What the reconciling items do not explain: adjusted bank balance − adjusted journal balance; 0 when balanced. */
    public BigInteger unexplainedDifference() {
        return adjustedBank().subtract(adjustedJournal());
    }

    public boolean balanced() {
        return unexplainedDifference().signum() == 0;
    }
}
