package io.walletrecon.statements;

import io.walletrecon.accounts.AccountNumbers;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountNumbersTest {

    @Test
    void storedFormIsUpperCaseWithoutSpacesDashesOrDots() {
        assertEquals("NL91ABNA0417164300", AccountNumbers.normalise("nl91 abna 0417.1643-00"));
        assertEquals("37040044/0532013000", AccountNumbers.normalise("37040044/0532013000"));
        assertNull(AccountNumbers.normalise("  "));
        assertThrows(IllegalArgumentException.class, () -> AccountNumbers.normalise("NL91_ABNA"));
    }

    @Test
    void aFilesAccountFieldYieldsTheFormsBanksWrapAroundTheNumber() {
        assertTrue(AccountNumbers.candidates("NL77INGB0574908765EUR").contains("NL77INGB0574908765"));
        assertTrue(AccountNumbers.candidates("NL34RABO0142623393 EUR").contains("NL34RABO0142623393"));
        assertTrue(AccountNumbers.candidates("50880050/0194774600888").contains("0194774600888"));
        assertTrue(AccountNumbers.candidates("UBRTHUHB/123456789150ABCDEF002/HUF").contains("123456789150ABCDEF002"));
        assertEquals(Set.of("PL29114010810000267002001002"), AccountNumbers.candidates("PL29114010810000267002001002"));
    }
}
