package io.walletrecon.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemittanceReferencesTest {

    private static List<String> keys(String text) {
        return RemittanceReferences.candidates(text).stream().map(RemittanceReferences.Candidate::key).toList();
    }

    @Test
    void aReferenceIsComparedWithoutSeparatorsCaseOrFullWidth() {
        assertEquals("INV4001", RemittanceReferences.key("INV-4001"));
        assertEquals("INV4001", RemittanceReferences.key("inv 4001"));
        assertEquals("INV4001", RemittanceReferences.key("ＩＮＶ－４００１"));
        assertEquals("INV4001", RemittanceReferences.key("发票 INV/4001"));
        assertNull(RemittanceReferences.key(" -/ "));
    }

    @Test
    void theSeparatorsBanksInsertStillNameTheInvoice() {
        assertTrue(keys("Invoice INV-4001").contains("INV4001"));
        assertTrue(keys("Invoice INV 4001").contains("INV4001"));
        assertTrue(keys("invoice inv4001, thanks").contains("INV4001"));
        assertTrue(keys("2024-INV-0001").contains("2024INV0001"));
    }

    @Test
    void aReferenceWrappedOverTwoLinesOrGluedToTheNextWordIsFound() {
        assertTrue(keys("Invoice INV-40 01 paid").contains("INV4001"));
        assertTrue(keys("Rechnung INV-4001Kunde 12").contains("INV4001"));
    }

    @Test
    void aCollectionCodeWithoutADigitIsStillLookedUpWhenItsCheckSymbolHolds() {
        assertTrue(io.walletrecon.customers.CollectionCodes.isValid("WRRZNAZDK"));
        assertTrue(keys("货款 WRRZNAZDK 深圳前海星河科技有限公司").contains("WRRZNAZDK"));
        assertTrue(keys("货款 wrrznazdk").contains("WRRZNAZDK"), "codes are case-insensitive");
        assertFalse(keys("货款 WRRZNAZDA").contains("WRRZNAZDA"), "a wrong check symbol names nothing");
        assertFalse(keys("Invoice paid").contains("INVOICE"), "a word of letters still names nothing");
    }

    @Test
    void theEvidenceIsTheTextAsWritten() {
        RemittanceReferences.Candidate c = RemittanceReferences.candidates("Invoice INV-4001 thanks").stream()
                .filter(x -> x.key().equals("INV4001")).findFirst().orElseThrow();
        assertEquals("INV-4001", c.value());
    }

    @Test
    void wordsWithoutDigitsOrShorterThanFourCharactersNameNothing() {
        List<String> keys = keys("Invoice for goods 12");
        assertFalse(keys.contains("INVOICE"));
        assertFalse(keys.contains("12"));
        assertTrue(keys("").isEmpty());
        assertTrue(keys(null).isEmpty());
    }

    @Test
    void aValidCreditorReferenceNamesItselfAndWhatFollowsItsCheckDigits() {
        assertTrue(RemittanceReferences.creditorReference("RF18 5390 0754 7034"));
        assertTrue(RemittanceReferences.creditorReference("RF18539007547034"));
        List<String> keys = keys("RF18 5390 0754 7034");
        assertTrue(keys.contains("RF18539007547034"));
        assertTrue(keys.contains("539007547034"));
    }

    @Test
    void aLongCreditorReferenceNamesItsPayloadOnlyWhenItsCheckDigitsHold() {
        String payload = "123456789012345678901";
        String valid = "RF" + checkDigits(payload) + payload;
        String printed = String.join(" ", valid.split("(?<=\\G.{4})"));
        assertEquals(7, printed.split(" ").length, "printed in seven groups of four: " + printed);
        assertTrue(keys("Ref " + printed).contains(payload));
        String wrong = "RF" + (checkDigits(payload).equals("00") ? "01" : "00") + payload;
        assertFalse(RemittanceReferences.creditorReference(wrong));
        assertFalse(keys(String.join(" ", wrong.split("(?<=\\G.{4})"))).contains(payload));
        assertFalse(RemittanceReferences.creditorReference("RF18"));
        assertFalse(RemittanceReferences.creditorReference("XX18539007547034"));
    }

    @Test
    void aCreditorReferenceWithLettersIsChecked() {
        // RF71 + "INV4001": check digits computed by the ISO 11649 rule (INV4001RF00 -> 98 - mod 97).
        String rf = "RF" + checkDigits("INV4001") + "INV4001";
        assertTrue(RemittanceReferences.creditorReference(rf));
        assertTrue(keys("Ref " + rf.substring(0, 4) + " INV4 001").contains("INV4001"));
    }

    private static String checkDigits(String payload) {
        StringBuilder d = new StringBuilder();
        for (char c : (payload + "RF00").toCharArray()) {
            d.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new java.math.BigInteger(d.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }
}
