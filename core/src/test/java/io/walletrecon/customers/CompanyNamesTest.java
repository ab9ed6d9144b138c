package io.walletrecon.customers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyNamesTest {

    @Test
    void chineseLegalFormsAreDropped() {
        assertEquals("上海明光贸易", CompanyNames.normalise("上海明光贸易有限公司"));
        assertEquals("上海明光贸易", CompanyNames.normalise("上海明光贸易有限责任公司"));
        assertEquals("上海明光贸易", CompanyNames.normalise("上海明光贸易股份有限公司"));
        assertEquals("上海明光贸易", CompanyNames.normalise("上海明光贸易公司"));
    }

    @Test
    void traditionalCharactersFullWidthAndSpacingCompareAsSimplified() {
        assertTrue(CompanyNames.same("上海明光貿易有限公司", "上海明光贸易有限公司"));
        assertTrue(CompanyNames.same("上海 明光贸易（有限公司）", "上海明光贸易"));
        assertTrue(CompanyNames.same("ＡＢＣ科技有限公司", "abc科技"));
    }

    @Test
    void latinLegalFormsCasePunctuationAndSpacingAreIgnored() {
        assertTrue(CompanyNames.same("Müller GmbH", "MÜLLER"));
        assertTrue(CompanyNames.same("Acme Ltd.", "ACME LIMITED"));
        assertTrue(CompanyNames.same("Acme, Inc.", "acme"));
        assertTrue(CompanyNames.same("Nord-Licht AG", "Nord Licht"));
        assertTrue(CompanyNames.same("Widget Co. LLC", "widget"));
    }

    @Test
    void differentCompaniesStayDifferent() {
        assertFalse(CompanyNames.same("Acme Ltd", "Acmes Ltd"));
        assertFalse(CompanyNames.same("上海明光贸易有限公司", "北京明光贸易有限公司"));
        assertFalse(CompanyNames.same("GmbH", "Ltd"));
        assertFalse(CompanyNames.same(null, null));
    }

    @Test
    void aWordEndingInASuffixIsNotCut() {
        assertEquals("visa", CompanyNames.normalise("Visa"));
        assertEquals("kinag", CompanyNames.normalise("Kinag AG"));
    }
}
