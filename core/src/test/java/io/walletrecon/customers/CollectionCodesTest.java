package io.walletrecon.customers;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionCodesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generatedCodesAreValidShortAndFromTheUnambiguousAlphabet() {
        for (int i = 0; i < 10_000; i++) {
            String code = CollectionCodes.generate(RANDOM);
            assertEquals(9, code.length());
            assertTrue(code.matches("WR[2-9A-HJ-NP-Z]{7}"), code);
            assertTrue(CollectionCodes.isValid(code), code);
            assertTrue(CollectionCodes.isValid(code.toLowerCase()), "codes are case-insensitive");
        }
    }

    /**
     * The last two payload symbols exhaustively (all 1024 pairs) plus 1000 random codes, every position, every other
     * symbol.
     */
    @Test
    void everySingleSymbolSubstitutionIsDetectedExhaustively() {
        String a = CollectionCodes.ALPHABET;
        int checked = 0;
        for (int p = 0; p < 2024; p++) {
            String code = p < a.length() * a.length()
                    ? "WR" + "2345" + a.charAt(p / a.length()) + a.charAt(p % a.length())
                    : CollectionCodes.generate(RANDOM);
            code = code.length() == 8 ? code + CollectionCodes.checkSymbol(code.substring(2)) : code;
            assertTrue(CollectionCodes.isValid(code), code);
            for (int pos = 2; pos < code.length(); pos++) {
                for (int s = 0; s < a.length(); s++) {
                    char c = a.charAt(s);
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String typo = code.substring(0, pos) + c + code.substring(pos + 1);
                    assertFalse(CollectionCodes.isValid(typo), code + " -> " + typo + " was not detected");
                    checked++;
                }
            }
        }
        assertEquals(2024 * 7 * 31, checked);
    }

    /** The algebra behind it: for each position weight (1 or 2) the symbol's contribution is a permutation mod 32. */
    @Test
    void eachPositionWeightIsAPermutationOfTheAlphabet() {
        for (int factor = 1; factor <= 2; factor++) {
            Set<Integer> seen = new HashSet<>();
            for (int v = 0; v < CollectionCodes.N; v++) {
                int addend = factor * v;
                seen.add((addend / CollectionCodes.N + addend % CollectionCodes.N) % CollectionCodes.N);
            }
            assertEquals(CollectionCodes.N, seen.size());
        }
    }

    @Test
    void ambiguousSymbolsAndWrongLengthsAreNotCodes() {
        String code = CollectionCodes.generate(RANDOM);
        assertFalse(CollectionCodes.isValid(code.substring(0, 8)));
        assertFalse(CollectionCodes.isValid(code + "2"));
        assertFalse(CollectionCodes.isValid("WR0O1I234"));
        assertFalse(CollectionCodes.isValid("XX" + code.substring(2)));
    }

    @Test
    void findsAValidCodeInsideFreeTextAndIgnoresInvalidOnes() {
        String code = CollectionCodes.generate(RANDOM);
        char wrongCheck = CollectionCodes.ALPHABET.charAt((CollectionCodes.ALPHABET.indexOf(code.charAt(8)) + 1) % 32);
        String typo = code.substring(0, 8) + wrongCheck;
        assertEquals(code, CollectionCodes.find("货款 " + typo + " / 付款码:" + code.toLowerCase() + "，谢谢").orElseThrow());
        assertTrue(CollectionCodes.find("ORDER-" + typo).isEmpty());
        assertTrue(CollectionCodes.find("X" + code).isEmpty(), "glued to other letters is not a code");
        assertEquals(code, CollectionCodes.find("INV-2026-01|" + code).orElseThrow());
    }
}
