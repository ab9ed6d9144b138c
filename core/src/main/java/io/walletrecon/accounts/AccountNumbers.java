package io.walletrecon.accounts;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an account number is compared: an IBAN or domestic number, upper case, without the spaces, dashes and dots
 * people and banks put in it. Statement files name their account in the bank's own way, so a file's value also
 * yields the forms it commonly wraps around the number: MT940 {@code :25:} as {@code BLZ/account} or
 * {@code BIC/account}, an IBAN followed by the currency ({@code NL77INGB0574908765EUR}, {@code ... EUR},
 * {@code .../HUF}). Matching is exact on any of these forms: a number is never guessed from a part of another.
 */
public final class AccountNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");
    private static final Pattern VALID = Pattern.compile("[A-Z0-9/]{4,64}");
    private static final Pattern IBAN_WITH_CURRENCY = Pattern.compile("([A-Z]{2}\\d{2}[A-Z0-9]{10,30}?)/?([A-Z]{3})");
    private static final Pattern BANK_CODE = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?|\\d{3,12}");

    private AccountNumbers() {
    }

    /**
     * The stored form, or null when {@code raw} is blank; throws IllegalArgumentException when it cannot be a number.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String n = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!VALID.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    "must be an IBAN or account number: 4-64 letters, digits or '/' (spaces, dashes and dots are ignored)");
        }
        return n;
    }

    /** Every form of the account a statement names that an account's stored number may equal. */
    public static Set<String> candidates(String inFile) {
        Set<String> out = new LinkedHashSet<>();
        if (inFile == null || inFile.isBlank()) {
            return out;
        }
        String n = SEPARATORS.matcher(inFile).replaceAll("").toUpperCase(Locale.ROOT);
        add(out, n);
        var withCurrency = IBAN_WITH_CURRENCY.matcher(n);
        if (withCurrency.matches()) {
            add(out, withCurrency.group(1));
        }
        String rest = n;
        if (rest.matches(".*/[A-Z]{3}")) {
            rest = rest.substring(0, rest.length() - 4);
            add(out, rest);
        }
        int slash = rest.indexOf('/');
        if (slash > 0 && BANK_CODE.matcher(rest.substring(0, slash)).matches()) {
            add(out, rest.substring(slash + 1));
        }
        return out;
    }

    private static void add(Set<String> out, String s) {
        if (VALID.matcher(s).matches()) {
            out.add(s);
        }
    }
}
