package io.walletrecon.dispatch;

import io.walletrecon.problem.ProblemError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a supplier's bank account is named, by where it is: a Chinese account by its bank's CNAPS code (联行号, 12
 * digits), its domestic account number (digits) and the name it is held in (户名), paid in CNY; an IBAN (check digits
 * verified) with an optional BIC; elsewhere an account number with an optional BIC. Plain rules, no I/O.
 */
final class BankBeneficiaryRules {

    /** How the beneficiary's bank is identified, and so how pain.001 names it. */
    enum Scheme {
        /** China National Advanced Payment System: ClrSysMmbId with clearing system code {@code CNAPS}. */
        CNAPS,
        /** An IBAN, with a BIC when given. */
        IBAN,
        /** A bank's own account number, with a BIC when given. */
        OTHER
    }

    static final String CNY = "CNY";

    private static final String BIC = "[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?";
    private static final String CNAPS_CODE = "[0-9]{12}";
    private static final String IBAN_SHAPE = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}";
    private static final String CN_ACCOUNT = "[0-9]{8,32}";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private BankBeneficiaryRules() {
    }

    static boolean isCnapsCode(String bankCode) {
        return bankCode != null && bankCode.matches(CNAPS_CODE);
    }

    static boolean isBic(String bankCode) {
        return bankCode != null && bankCode.matches(BIC);
    }

    /** Shaped like an IBAN (country, check digits, 11 to 30 letters and digits): its check digits must then hold. */
    static boolean looksLikeIban(String account) {
        return account != null && account.toUpperCase(Locale.ROOT).matches(IBAN_SHAPE);
    }

    /** ISO 13616 check: the country and check digits moved to the end, letters as 10–35, the number mod 97 is 1. */
    static boolean ibanCheckDigitsHold(String iban) {
        String s = iban.toUpperCase(Locale.ROOT);
        String moved = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder(moved.length() * 2);
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE);
    }

    /** The scheme of an account and bank code that {@link #check} accepted. */
    static Scheme scheme(String bankAccount, String bankCode) {
        if (isCnapsCode(bankCode)) {
            return Scheme.CNAPS;
        }
        return looksLikeIban(bankAccount) ? Scheme.IBAN : Scheme.OTHER;
    }

    /** A bank code, when given, is a BIC or a CNAPS code. */
    static List<ProblemError> checkBankCode(String code) {
        return code == null || isBic(code) || isCnapsCode(code)
                ? List.of()
                : List.of(ProblemError.field("beneficiary.bankCode",
                        "must be a BIC (8 or 11 letters and digits) or, for a bank in China, its CNAPS code"
                                + " (联行号, 12 digits)"));
    }

    /** Every problem with a bank beneficiary paid in {@code currency}, each naming its field; none when it is good. */
    static List<ProblemError> check(PaymentRequests.Beneficiary b, String currency) {
        List<ProblemError> errors = new ArrayList<>(checkBankCode(b.bankCode()));
        String account = b.bankAccount();
        String code = b.bankCode();
        if (b.accountName() != null && b.accountName().isBlank()) {
            errors.add(ProblemError.field("beneficiary.accountName", "must not be blank when given"));
        }
        if (isCnapsCode(code)) {
            if (!account.matches(CN_ACCOUNT)) {
                errors.add(ProblemError.field("beneficiary.bankAccount",
                        "a Chinese account number (账号) is 8 to 32 digits, without spaces or letters"));
            }
            if (b.accountName() == null) {
                errors.add(ProblemError.field("beneficiary.accountName",
                        "is required with a CNAPS code: the name the account is held in (户名), exactly as the"
                                + " bank has it"));
            }
            if (currency != null && !CNY.equals(currency)) {
                errors.add(ProblemError.field("currency", "a payment through CNAPS (bankCode " + code + ") is in CNY"));
            }
        } else if (!account.matches("[A-Za-z0-9]{4,34}")) {
            errors.add(ProblemError.field("beneficiary.bankAccount",
                    "must be an IBAN or account number of 4 to 34 letters and digits"));
        } else if (looksLikeIban(account) && !ibanCheckDigitsHold(account)) {
            errors.add(ProblemError.field("beneficiary.bankAccount",
                    "is not a valid IBAN: its check digits do not match (mod 97); check the number"));
        }
        return errors;
    }
}
