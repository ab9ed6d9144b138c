package io.walletrecon.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency: integer minor units plus the ISO 4217 currency, whose real exponent
 * (JPY 0, CNY 2, KWD 3) decides how a provider's decimal string converts. There is deliberately no
 * constructor or factory taking a {@code double}.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new MoneyFormatException(
                    "currency " + currency.getCurrencyCode() + " has no minor unit and cannot carry money");
        }
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    public static Money zero(String currencyCode) {
        return ofMinor(0, currencyCode);
    }

    /**
     * Converts a provider's decimal string ("88.88" yuan, "1000" yen, "-1.250" dinar) to minor units exactly.
     * More decimals than the currency has are rejected rather than rounded, unless they are trailing zeros.
     */
    public static Money parse(String decimal, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (decimal == null || decimal.isBlank()) {
            throw new MoneyFormatException("amount is empty");
        }
        String trimmed = decimal.trim();
        if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new MoneyFormatException("'" + decimal + "' is not a decimal amount");
        }
        BigDecimal value = new BigDecimal(trimmed);
        int exponent = currency.getDefaultFractionDigits();
        BigDecimal scaled;
        try {
            scaled = value.setScale(exponent, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new MoneyFormatException("'" + decimal + "' has more than " + exponent + " decimal"
                    + (exponent == 1 ? "" : "s") + ", the most " + currency.getCurrencyCode() + " allows");
        }
        try {
            return new Money(scaled.unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new MoneyFormatException("'" + decimal + "' is too large");
        }
    }

    /** Whether {@code currencyCode} is an ISO 4217 code in upper case. */
    public static boolean isCurrency(String currencyCode) {
        try {
            currency(currencyCode);
            return true;
        } catch (MoneyFormatException e) {
            return false;
        }
    }

    public static Currency currency(String currencyCode) {
        if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
            throw new MoneyFormatException("'" + currencyCode + "' is not an ISO 4217 currency code");
        }
        try {
            return Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new MoneyFormatException("'" + currencyCode + "' is not an ISO 4217 currency code");
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public int exponent() {
        return currency.getDefaultFractionDigits();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money abs() {
        return minorUnits < 0 ? negate() : this;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount as an exact decimal with the currency's decimals, e.g. 88.88 or 1000. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, exponent());
    }

    /** Plain decimal string for files and providers: "88.88", "-0.50", "1000", "1.250". */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency.getCurrencyCode(), other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currencyCode();
    }
}
