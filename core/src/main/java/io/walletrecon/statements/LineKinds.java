package io.walletrecon.statements;

import io.walletrecon.problem.ProblemError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a bank line is, decided at import: a payment (a transfer from or to someone, which matching explains), or the
 * bank's own fee or interest (booked as such, never raised as an unidentified receipt or an unexpected debit).
 * Plain decisions over what the file says:
 * <ul>
 * <li>camt {@code BkTxCd}: the ISO sub-family (CHRG, COMM, COME, COMI, COMT, FEES: a fee; INTR: interest) in any
 * domain and family ({@code PMNT/ICDT/CHRG}, {@code ACMT/MDOP/INTR}); a proprietary code that begins with a SWIFT
 * transaction type ({@code NCHG+808}) is read as that type;</li>
 * <li>SWIFT (MT940, MT942) transaction type of a {@code :61:} line: {@code ?CHG} charges, {@code ?COM} commission,
 * {@code ?BRF} brokerage fee are fees; {@code ?INT} is interest;</li>
 * <li>the account's keywords (or the built-in ones below), applied by the import to a bank account's lines that no
 * code classified and that name no counterparty account: a transfer from a customer whose text says "interest" is
 * still a payment.</li>
 * </ul>
 */
public final class LineKinds {

    public static final String PAYMENT = "payment";
    public static final String FEE = "fee";
    public static final String INTEREST = "interest";

    /** Every kind a statement line can have (statement_lines.kind). */
    static final Set<String> ALL = Set.of(PAYMENT, "refund", FEE, INTEREST, "payout", "adjustment");

    static final Set<String> FEE_SUB_FAMILIES = Set.of("CHRG", "COMM", "COME", "COMI", "COMT", "FEES");
    static final Set<String> FEE_SWIFT_TYPES = Set.of("CHG", "COM", "BRF");

    /** Built-in words of a bank's fee postings (an account without keywords of its own uses these). */
    public static final List<String> DEFAULT_FEE_KEYWORDS = List.of("手续费", "工本费", "账户管理费",
            "Kontoführung", "Kontofuehrung", "Entgeltabschluss", "Gebühren", "SERVICE CHARGE", "BANK CHARGE",
            "ACCOUNT FEE", "MAINTENANCE FEE");
    /** Built-in words of interest postings. */
    public static final List<String> DEFAULT_INTEREST_KEYWORDS = List.of("利息", "结息", "Zinsen", "Zinsabschluss",
            "INTEREST");

    static final int MAX_KEYWORDS = 50;
    static final int MAX_KEYWORD_LENGTH = 100;

    private LineKinds() {
    }

    /**
     * The kind an ISO bank transaction code gives: its sub-family, else a proprietary code that begins with a SWIFT
     * transaction type; a payment otherwise (or when there is no code).
     */
    public static String ofBankCode(String subFamily, String proprietary) {
        if (subFamily != null) {
            String code = subFamily.strip().toUpperCase(Locale.ROOT);
            if (FEE_SUB_FAMILIES.contains(code)) {
                return FEE;
            }
            if (code.equals("INTR")) {
                return INTEREST;
            }
        }
        if (proprietary != null && proprietary.length() >= 4
                && proprietary.substring(0, 4).matches("[NFS][A-Z]{3}")
                && (proprietary.length() == 4 || !Character.isLetterOrDigit(proprietary.charAt(4)))) {
            return ofSwiftType(proprietary.substring(0, 4));
        }
        return PAYMENT;
    }

    /** The kind a SWIFT transaction type identification code ({@code NCHG}, {@code NINT}, {@code FCOM}) gives. */
    public static String ofSwiftType(String type) {
        if (type == null || type.length() != 4) {
            return PAYMENT;
        }
        String code = type.substring(1).toUpperCase(Locale.ROOT);
        if (FEE_SWIFT_TYPES.contains(code)) {
            return FEE;
        }
        return code.equals("INT") ? INTEREST : PAYMENT;
    }

    /**
     * The problems of an account's keyword lists: at most {@value #MAX_KEYWORDS} each, each word 2 to
     * {@value #MAX_KEYWORD_LENGTH} characters without control characters, none twice (ignoring case), none in both.
     */
    public static List<ProblemError> problems(List<String> fee, List<String> interest) {
        List<ProblemError> errors = new ArrayList<>();
        Set<String> feeWords = check("feeKeywords", fee, errors);
        Set<String> interestWords = check("interestKeywords", interest, errors);
        for (String w : interestWords) {
            if (feeWords.contains(w)) {
                errors.add(ProblemError.field("interestKeywords", "'" + w + "' is also a fee keyword; a word "
                        + "classifies a line as one kind only"));
            }
        }
        return errors;
    }

    private static Set<String> check(String field, List<String> words, List<ProblemError> errors) {
        Set<String> seen = new HashSet<>();
        if (words == null) {
            errors.add(ProblemError.field(field, "is required (an empty list classifies nothing by keyword)"));
            return seen;
        }
        if (words.size() > MAX_KEYWORDS) {
            errors.add(ProblemError.field(field, "at most " + MAX_KEYWORDS + " keywords"));
        }
        for (String w : words) {
            String word = w == null ? "" : w.strip();
            if (word.length() < 2 || word.length() > MAX_KEYWORD_LENGTH) {
                errors.add(ProblemError.field(field, "each keyword is 2 to " + MAX_KEYWORD_LENGTH
                        + " characters; '" + word + "' is not"));
            } else if (word.chars().anyMatch(Character::isISOControl)) {
                errors.add(ProblemError.field(field, "a keyword holds no control characters"));
            } else if (!seen.add(word.toLowerCase(Locale.ROOT))) {
                errors.add(ProblemError.field(field, "'" + word + "' is listed twice"));
            }
        }
        return seen;
    }

    /** The words as stored: trimmed, in the order given. */
    public static List<String> normalised(List<String> words) {
        return words.stream().map(String::strip).toList();
    }
}
