package io.walletrecon.matching;

import io.walletrecon.customers.CollectionCodes;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How invoice numbers, collection codes and creditor references are found in what a bank writes on a line
 * (remittance text, structured creditor reference, end-to-end id, bank reference), whatever separators and line
 * breaks the bank inserted.
 * <ul>
 * <li>{@link #key}: the comparable form of a reference: NFKC (full-width to half-width), ASCII letters upper-cased,
 * everything but ASCII letters and digits dropped. "INV-4001", "inv 4001" and "ＩＮＶ４００１" are all {@code INV4001}.
 * The database's {@code reference_key(text)} (migration V20) is the same rule for receivables; the two stay equal.</li>
 * <li>{@link #candidates}: the keys a text may name: each word (a run of letters and digits), each run of letters or
 * of digits within a word, and the joins of two to four adjacent ones, so that a reference split by a separator
 * or wrapped over two lines ("INV-40" + "01") is found, as is one glued to the next word ("INV4001Kunde"). A key is
 * looked up only if it has at least {@value #MIN_KEY} characters and a digit: a word such as "Invoice" names
 * nothing. A collection code is looked up even without a digit (about one code in eight has none, "WRRZNAZDK"),
 * when its check symbol holds.</li>
 * <li>ISO 11649 creditor references ({@code RF}, two check digits, up to 21 letters and digits, printed in groups of
 * four): a reference whose mod-97 check holds is a key, and so is what follows its check digits (the creditor's own
 * reference, often the invoice number).</li>
 * </ul>
 */
public final class RemittanceReferences {

    /** The shortest key looked up; shorter ones name too many things by chance. */
    public static final int MIN_KEY = 4;
    private static final int RF_MAX = 25;
    private static final int JOIN = 4;

    /** A key a text names, and the text it was read from (as the evidence of a match shows it). */
    public record Candidate(String key, String value) {
    }

    private RemittanceReferences() {
    }

    /** The comparable form of a reference; null when nothing comparable is left. */
    public static String key(String value) {
        if (value == null) {
            return null;
        }
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'a' && c <= 'z') {
                b.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** Every key {@code text} may name, each once, in the order they occur. */
    public static List<Candidate> candidates(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<Token> words = words(n);
        Map<String, Candidate> found = new LinkedHashMap<>();
        creditorReferences(n, words, found);
        joins(n, words, found);
        List<Token> parts = new ArrayList<>();
        for (Token w : words) {
            parts.addAll(parts(w));
        }
        joins(n, parts, found);
        return List.copyOf(found.values());
    }

    /** Whether {@code reference} (spaces allowed) is an ISO 11649 creditor reference whose check digits hold. */
    public static boolean creditorReference(String reference) {
        String r = key(reference);
        if (r == null || r.length() < 5 || r.length() > RF_MAX || !r.startsWith("RF")
                || !Character.isDigit(r.charAt(2)) || !Character.isDigit(r.charAt(3))) {
            return false;
        }
        String moved = r.substring(4) + r.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private record Token(String key, int start, int end) {
    }

    private static List<Token> words(String n) {
        List<Token> words = new ArrayList<>();
        int i = 0;
        while (i < n.length()) {
            if (!alnum(n.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n.length() && alnum(n.charAt(i))) {
                i++;
            }
            words.add(new Token(key(n.substring(start, i)), start, i));
        }
        return words;
    }

    /** The runs of letters and of digits of a word ("INV4001KUNDE": INV, 4001, KUNDE; "INV": INV). */
    private static List<Token> parts(Token w) {
        List<Token> parts = new ArrayList<>();
        String k = w.key();
        int start = 0;
        for (int i = 1; i <= k.length(); i++) {
            if (i == k.length() || Character.isDigit(k.charAt(i)) != Character.isDigit(k.charAt(i - 1))) {
                parts.add(new Token(k.substring(start, i), w.start() + start, w.start() + i));
                start = i;
            }
        }
        return parts;
    }

    private static void joins(String n, List<Token> tokens, Map<String, Candidate> found) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < Math.min(tokens.size(), i + JOIN); j++) {
                joined.append(tokens.get(j).key());
                String key = joined.toString();
                if (key.length() >= MIN_KEY && key.chars().anyMatch(Character::isDigit)
                        || CollectionCodes.isValid(key)) {
                    found.putIfAbsent(key,
                            new Candidate(key, n.substring(tokens.get(i).start(), tokens.get(j).end()).strip()));
                }
            }
        }
    }

    /** RF references starting at a word, joined with the words after it up to the longest one whose check holds. */
    private static void creditorReferences(String n, List<Token> words, Map<String, Candidate> found) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).key().startsWith("RF")) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            String best = null;
            int bestEnd = -1;
            for (int j = i; j < words.size() && joined.length() + words.get(j).key().length() <= RF_MAX; j++) {
                joined.append(words.get(j).key());
                if (creditorReference(joined.toString())) {
                    best = joined.toString();
                    bestEnd = words.get(j).end();
                }
            }
            if (best != null) {
                String printed = n.substring(words.get(i).start(), bestEnd);
                found.putIfAbsent(best, new Candidate(best, printed));
                found.putIfAbsent(best.substring(4), new Candidate(best.substring(4), printed));
            }
        }
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
