package io.walletrecon.customers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * Collection codes (收款码): {@code WR} + six random symbols + one check symbol over a 32-symbol alphabet that
 * leaves out 0/O and 1/I, so a code read over the phone cannot be misheard into another valid one. The check
 * symbol is Luhn mod N (N = 32): because N is even, "double and add the base-N digits" is a permutation of the
 * alphabet, so every single-symbol substitution changes the checksum and is detected; adjacent transpositions
 * are detected too except the one pair Luhn cannot see. Codes are case-insensitive.
 */
public final class CollectionCodes {

    public static final String PREFIX = "WR";
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int N = ALPHABET.length();
    static final int PAYLOAD = 6;
    public static final int LENGTH = PREFIX.length() + PAYLOAD + 1;

    /** A code anywhere in free text (memo, out_trade_no, attach), not glued to other letters or digits. */
    private static final Pattern IN_TEXT = Pattern
            .compile("(?<![A-Za-z0-9])[Ww][Rr][2-9A-HJ-NP-Za-hj-np-z]{7}(?![A-Za-z0-9])");

    private CollectionCodes() {
    }

    /**
     * A new code drawn from {@code random}. The caller owns the random source (a {@code SecureRandom} held by
     * {@code CollectionCodeService}): a static one would be created while the native image is built and its seed
     * frozen into the executable.
     */
    public static String generate(RandomGenerator random) {
        StringBuilder payload = new StringBuilder(PAYLOAD);
        for (int i = 0; i < PAYLOAD; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(N)));
        }
        return PREFIX + payload + checkSymbol(payload);
    }

    /** The check symbol of a payload (Luhn mod N, doubling from the rightmost payload symbol). */
    public static char checkSymbol(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * codePoint(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        int remainder = sum % N;
        return ALPHABET.charAt((N - remainder) % N);
    }

    /** True if {@code code} (any case) is a well-formed code whose check symbol matches. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return false;
            }
        }
        String payload = upper.substring(PREFIX.length(), LENGTH - 1);
        return checkSymbol(payload) == upper.charAt(LENGTH - 1);
    }

    /** The first valid code in {@code text}, upper-cased; codes with a wrong check symbol are ignored. */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String candidate = m.group().toUpperCase(Locale.ROOT);
            if (isValid(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int codePoint(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a collection code symbol");
        }
        return v;
    }
}
