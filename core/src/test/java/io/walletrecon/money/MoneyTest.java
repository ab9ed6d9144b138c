package io.walletrecon.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void alipayYuanStringConvertsToFenExactly() {
        assertEquals(8888, Money.parse("88.88", "CNY").minorUnits());
        assertEquals(10, Money.parse("0.1", "CNY").minorUnits());
        assertEquals(1, Money.parse("0.01", "CNY").minorUnits());
    }

    @Test
    void yenHasNoMinorUnit() {
        assertEquals(1000, Money.parse("1000", "JPY").minorUnits());
        assertEquals("1000", Money.ofMinor(1000, "JPY").toDecimalString());
    }

    @Test
    void kuwaitiDinarHasThreeDecimals() {
        assertEquals(1250, Money.parse("1.25", "KWD").minorUnits());
        assertEquals(1, Money.parse("0.001", "KWD").minorUnits());
        assertEquals("1.250", Money.ofMinor(1250, "KWD").toDecimalString());
    }

    @Test
    void negativeAmountsParseAndFormat() {
        assertEquals(-50, Money.parse("-0.50", "CNY").minorUnits());
        assertEquals("-0.50", Money.ofMinor(-50, "CNY").toDecimalString());
        assertEquals(-1, Money.parse("-1", "JPY").minorUnits());
    }

    @Test
    void excessDecimalsAreRejectedNotRounded() {
        MoneyFormatException cny = assertThrows(MoneyFormatException.class, () -> Money.parse("1.005", "CNY"));
        assertTrue(cny.getMessage().contains("more than 2 decimals"), cny.getMessage());
        assertThrows(MoneyFormatException.class, () -> Money.parse("1.5", "JPY"));
        assertThrows(MoneyFormatException.class, () -> Money.parse("0.0001", "KWD"));
    }

    @Test
    void trailingZerosBeyondTheExponentAreExact() {
        assertEquals(8888, Money.parse("88.8800", "CNY").minorUnits());
        assertEquals(5, Money.parse("5.00", "JPY").minorUnits());
    }

    @Test
    void garbageIsRejectedWithTheValueInTheMessage() {
        MoneyFormatException e = assertThrows(MoneyFormatException.class, () -> Money.parse("12,50", "EUR"));
        assertTrue(e.getMessage().contains("12,50"));
        assertThrows(MoneyFormatException.class, () -> Money.parse("1e3", "EUR"));
        assertThrows(MoneyFormatException.class, () -> Money.parse("", "EUR"));
        assertThrows(MoneyFormatException.class, () -> Money.parse("NaN", "EUR"));
    }

    @Test
    void unknownCurrencyIsRejected() {
        assertThrows(MoneyFormatException.class, () -> Money.parse("1", "XYZ"));
        assertThrows(MoneyFormatException.class, () -> Money.parse("1", "cny"));
    }

    @Test
    void amountsBeyondLongAreRejected() {
        assertThrows(MoneyFormatException.class, () -> Money.parse("999999999999999999999", "CNY"));
    }

    @Test
    void arithmeticStaysInOneCurrency() {
        Money a = Money.parse("10.10", "CNY");
        Money b = Money.parse("0.90", "CNY");
        assertEquals(Money.parse("11.00", "CNY"), a.plus(b));
        assertEquals(Money.parse("9.20", "CNY"), a.minus(b));
        assertEquals(Money.parse("-10.10", "CNY"), a.negate());
        assertTrue(a.compareTo(b) > 0);
    }

    @Test
    void mixingCurrenciesIsAnError() {
        Money yuan = Money.parse("1.00", "CNY");
        Money dollars = Money.parse("1.00", "USD");
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class, () -> yuan.plus(dollars));
        assertEquals("cannot combine CNY with USD", e.getMessage());
        assertThrows(CurrencyMismatchException.class, () -> yuan.compareTo(dollars));
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        Money max = Money.ofMinor(Long.MAX_VALUE, "CNY");
        assertThrows(ArithmeticException.class, () -> max.plus(Money.ofMinor(1, "CNY")));
    }
}
