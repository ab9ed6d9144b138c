package io.walletrecon.statements;

import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;

/** Provider decimals to minor units, with the file line in the error. */
final class Amounts {

    private Amounts() {
    }

    static long minor(String decimal, String currency, long line, String what) {
        try {
            return Money.parse(decimal.replace(",", ""), currency).minorUnits();
        } catch (MoneyFormatException e) {
            throw new StatementFormatException(line, what + ": " + e.getMessage());
        }
    }

    /** SWIFT amounts: decimal comma, no grouping ("1250,00", "5,"). */
    static long swift(String amount, String currency, long line, String what) {
        try {
            return Money.parse(amount.replace(',', '.'), currency).minorUnits();
        } catch (MoneyFormatException e) {
            throw new StatementFormatException(line, what + ": " + e.getMessage());
        }
    }

    static String currency(String code, long line) {
        java.util.Currency c;
        try {
            c = Money.currency(code);
        } catch (MoneyFormatException e) {
            throw new StatementFormatException(line, e.getMessage());
        }
        if (c.getDefaultFractionDigits() < 0) {
            throw new StatementFormatException(line,
                    "'" + code + "' is not a currency money is kept in (a code such as XXX or XAU)");
        }
        return c.getCurrencyCode();
    }

    /** A running total; one beyond a long is a file no account could hold. */
    static long add(long total, long amount, long line) {
        try {
            return Math.addExact(total, amount);
        } catch (ArithmeticException e) {
            throw new StatementFormatException(line, "the amounts add up beyond what an account can hold");
        }
    }

    static String emptyToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
