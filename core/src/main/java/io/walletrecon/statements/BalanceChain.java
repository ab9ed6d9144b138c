package io.walletrecon.statements;

/**
 * The opening and closing balance of a bill that states the account balance after each row (Alipay 账务明细 账户余额,
 * WeChat Pay 资金账单 账户结余), in constant memory. Each row's balance must follow from its neighbour's by the row's
 * amount, in file order (oldest first) or in reverse (newest first): then the opening is the oldest row's balance
 * before it and the closing the newest row's balance after it. A bill whose balances follow in neither order, or
 * where a row states none, has no balances: its rows are still imported, but no reported balance comes from it.
 */
final class BalanceChain {

    private long rows;
    private long firstAmount;
    private long firstBalance;
    private long lastAmount;
    private long lastBalance;
    private boolean oldestFirst = true;
    private boolean newestFirst = true;
    private boolean stated = true;

    /** The next row in file order: its signed amount and the balance stated after it (null: none stated). */
    void add(long amount, Long balanceAfter) {
        if (balanceAfter == null) {
            stated = false;
            return;
        }
        if (rows == 0) {
            firstAmount = amount;
            firstBalance = balanceAfter;
        } else {
            oldestFirst &= lastBalance + amount == balanceAfter;
            newestFirst &= balanceAfter + lastAmount == lastBalance;
        }
        lastAmount = amount;
        lastBalance = balanceAfter;
        rows++;
    }

    private boolean known() {
        return stated && rows > 0 && (oldestFirst || newestFirst);
    }

    /** The balance before the oldest row; null when the bill states none that add up. */
    Long opening() {
        if (!known()) {
            return null;
        }
        return oldestFirst ? firstBalance - firstAmount : lastBalance - lastAmount;
    }

    /** The balance after the newest row; null when the bill states none that add up. */
    Long closing() {
        if (!known()) {
            return null;
        }
        return oldestFirst ? lastBalance : firstBalance;
    }
}
