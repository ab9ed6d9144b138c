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
        try {
            return Money.currency(code).getCurrencyCode();
        } catch (MoneyFormatException e) {
            throw new StatementFormatException(line, e.getMessage());
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
