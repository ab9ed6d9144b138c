package io.walletrecon.dispatch;

import io.walletrecon.problem.ProblemError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankBeneficiaryRulesTest {

    private static final String ICBC_SHANGHAI = "102290000011";

    private static PaymentRequests.Beneficiary bank(String account, String code, String accountName) {
        return new PaymentRequests.Beneficiary("Supplier", null, account, code, accountName);
    }

    private static List<String> fields(List<ProblemError> errors) {
        return errors.stream().map(ProblemError::field).toList();
    }

    @Test
    void aChineseBeneficiaryWithCnapsCodeDigitsAndAccountNameInCnyIsGood() {
        assertEquals(List.of(),
                BankBeneficiaryRules.check(bank("6222021001122334455", ICBC_SHANGHAI, "上海星河贸易有限公司"), "CNY"));
        assertEquals(BankBeneficiaryRules.Scheme.CNAPS,
                BankBeneficiaryRules.scheme("6222021001122334455", ICBC_SHANGHAI));
    }

    @Test
    void aCnapsCodeIsTwelveDigitsExactly() {
        assertEquals(List.of("beneficiary.bankCode"),
                fields(BankBeneficiaryRules.check(bank("6222021001122334455", "10229000001", "户名"), "CNY")));
        assertEquals(List.of("beneficiary.bankCode"),
                fields(BankBeneficiaryRules.check(bank("6222021001122334455", "1022900000111", "户名"), "CNY")));
        assertEquals(List.of("beneficiary.bankCode"),
                fields(BankBeneficiaryRules.check(bank("6222021001122334455", "10229000001A", "户名"), "CNY")));
    }

    @Test
    void aChineseAccountNumberIsEightToThirtyTwoDigits() {
        for (String bad : List.of("1234567", "123456789012345678901234567890123", "62220210011223344X",
                "CN6222021001122")) {
            assertEquals(List.of("beneficiary.bankAccount"),
                    fields(BankBeneficiaryRules.check(bank(bad, ICBC_SHANGHAI, "户名"), "CNY")), bad);
        }
        for (String good : List.of("12345678", "12345678901234567890123456789012", "1001234509876543210")) {
            assertEquals(List.of(), BankBeneficiaryRules.check(bank(good, ICBC_SHANGHAI, "户名"), "CNY"), good);
        }
    }

    @Test
    void theAccountNameIsRequiredWithACnapsCodeAndACnapsPaymentIsInCny() {
        List<ProblemError> errors = BankBeneficiaryRules.check(bank("6222021001122334455", ICBC_SHANGHAI, null),
                "EUR");
        assertEquals(List.of("beneficiary.accountName", "currency"), fields(errors));
        assertTrue(errors.get(0).message().contains("户名"), errors.get(0).message());
        assertEquals(List.of("beneficiary.accountName"),
                fields(BankBeneficiaryRules.check(bank("6222021001122334455", ICBC_SHANGHAI, "  "), "CNY")));
    }

    @Test
    void anIbanMustHaveMatchingCheckDigits() {
        assertEquals(List.of(), BankBeneficiaryRules.check(bank("DE89370400440532013000", "COBADEFFXXX", null), "EUR"));
        assertEquals(List.of(), BankBeneficiaryRules.check(bank("GB82WEST12345698765432", null, null), "GBP"));
        assertEquals(List.of(), BankBeneficiaryRules.check(bank("fr1420041010050500013m02606", null, null), "EUR"));
        List<ProblemError> wrong = BankBeneficiaryRules.check(bank("DE89370400440532013001", "COBADEFFXXX", null),
                "EUR");
        assertEquals(List.of("beneficiary.bankAccount"), fields(wrong));
        assertTrue(wrong.get(0).message().contains("IBAN"), wrong.get(0).message());
        assertEquals(BankBeneficiaryRules.Scheme.IBAN,
                BankBeneficiaryRules.scheme("DE89370400440532013000", "COBADEFFXXX"));
    }

    @Test
    void theIbanCheckFollowsIso13616() {
        assertTrue(BankBeneficiaryRules.ibanCheckDigitsHold("NL91ABNA0417164300"));
        assertTrue(BankBeneficiaryRules.ibanCheckDigitsHold("CH9300762011623852957"));
        assertFalse(BankBeneficiaryRules.ibanCheckDigitsHold("NL19ABNA0417164300"));
        assertFalse(BankBeneficiaryRules.ibanCheckDigitsHold("CH9300762011623852975"), "two digits swapped");
    }

    @Test
    void elsewhereAnAccountNumberWithAnOptionalBic() {
        assertEquals(List.of(), BankBeneficiaryRules.check(bank("000123456789", "CHASUS33", null), "USD"));
        assertEquals(List.of(), BankBeneficiaryRules.check(bank("6222020200112233445", null, null), "EUR"));
        assertEquals(BankBeneficiaryRules.Scheme.OTHER, BankBeneficiaryRules.scheme("000123456789", "CHASUS33"));
        assertEquals(List.of("beneficiary.bankCode"),
                fields(BankBeneficiaryRules.check(bank("000123456789", "chasus33", null), "USD")));
        assertEquals(List.of("beneficiary.bankAccount"),
                fields(BankBeneficiaryRules.check(bank("12-34", null, null), "USD")));
    }
}
