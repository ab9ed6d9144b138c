package io.walletrecon.intake;

import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;

import java.util.Locale;

final class Currencies {

    private Currencies() {
    }

    /** An ISO 4217 code in upper case (Stripe sends lower case), or unprocessable. */
    static String iso(String code) {
        if (code == null) {
            throw new UnprocessableEventException("the currency is missing");
        }
        String upper = code.toUpperCase(Locale.ROOT);
        try {
            Money.currency(upper);
        } catch (MoneyFormatException e) {
            throw new UnprocessableEventException("currency '" + code + "' is not an ISO 4217 code");
        }
        return upper;
    }

    /** A provider decimal (yuan) converted exactly to minor units. */
    static long decimalToMinor(String decimal, String currency, String field) {
        if (decimal == null || decimal.isBlank()) {
            throw new UnprocessableEventException(field + " is missing");
        }
        try {
            return Money.parse(decimal.trim(), currency).minorUnits();
        } catch (MoneyFormatException e) {
            throw new UnprocessableEventException(field + " '" + decimal + "' is not an exact " + currency + " amount");
        }
    }
}
