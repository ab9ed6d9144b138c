package io.walletrecon.matching;

import io.walletrecon.receivables.PaymentTolerance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a receivable is a candidate for a receipt, as the match workbench shows it: which of the runs' receipt rules
 * would pair them on its own and the evidence of each test. The tests are the runs' own, in plain Java:
 * <ul>
 * <li>reference: on a bank line, a key {@link RemittanceReferences} finds in its fields
 * ({@link BankReceiptRules#FIELDS},
 * in that order of priority) is the reference key of the receivable's reference, else of its collection code; on a
 * wallet receipt, the merchant reference is the collection code or the reference, or the collection code is in the
 * text ({@link ReceiptRules}' wallet candidates). A receivable still owing more than its tolerance is paid whole
 * ({@code reference}: nothing paid before, the amount within tolerance) or in part ({@code partial_payment});</li>
 * <li>{@code payer_amount}: the payer is a known identity of the receivable's customer and pays exactly what it
 * still owes;</li>
 * <li>{@code amount_date}: the amount within the receipt's tolerance of what it owes and the due date within the
 * account's date window: a suggestion only.</li>
 * </ul>
 * Tolerances are {@link PaymentTolerance}'s (the account's matching settings), as everywhere receivables are paid.
 */
public final class CandidateRules {

    /**
     * A receipt as the rules read it. {@code texts}: its fields by name, in order of priority ({@code code}: the
     * collection code found in a wallet receipt's texts); {@code customerId}: whose known payer identity paid it.
     */
    public record Receipt(boolean bank, long amountMinor, LocalDate valueDate, Map<String, String> texts, String code,
            Long customerId) {
    }

    /** A receivable as the rules read it. */
    public record Receivable(long id, String reference, String collectionCode, long customerId, long amountMinor,
            long paidMinor, LocalDate dueDate, String status) {

        long outstanding() {
            return amountMinor - paidMinor;
        }
    }

    /**
     * The evidence of one candidate: the rule that would pair it (null when none does on its own) with its confidence,
     * the field and text that name the receivable ({@code names}: {@code reference} or {@code collection_code}), the
     * amount against what it still owes and the tolerance, whether the payer is its customer (null: payer unknown),
     * and the days between the receipt's value date and the due date against the account's window.
     */
    public record Evidence(String rule, BigDecimal confidence, boolean suggestion, String referenceField,
            String referenceValue, String names, long outstandingMinor, long differenceMinor, long toleranceMinor,
            boolean amountWithinTolerance, Boolean samePayer, long dateDistanceDays, int dateWindowDays,
            boolean withinDateWindow, boolean alreadyPaid) {
    }

    private CandidateRules() {
    }

    public static Evidence judge(Receipt receipt, Receivable r, PaymentTolerance tolerance, int windowDays) {
        String[] named = receipt.bank() ? bankReference(receipt, r) : walletReference(receipt, r);
        long outstanding = r.outstanding();
        long receivableTol = tolerance.allowance(r.amountMinor());
        long receiptTol = tolerance.allowance(receipt.amountMinor());
        long difference = receipt.amountMinor() - outstanding;
        Boolean samePayer = receipt.customerId() == null ? null : receipt.customerId() == r.customerId();
        long days = ChronoUnit.DAYS.between(r.dueDate(), receipt.valueDate());
        boolean inWindow = Math.abs(days) <= windowDays;
        boolean owing = outstanding > receivableTol && !"paid".equals(r.status());
        String rule = null;
        BigDecimal confidence = BigDecimal.ZERO;
        long tol = receiptTol;
        if (named != null && owing) {
            boolean whole = r.paidMinor() == 0 && Math.abs(receipt.amountMinor() - r.amountMinor()) <= receivableTol;
            rule = whole ? "reference" : "partial_payment";
            confidence = BigDecimal.ONE;
            tol = receivableTol;
        } else if (named == null && Boolean.TRUE.equals(samePayer) && outstanding > 0 && difference == 0) {
            rule = "payer_amount";
            confidence = new BigDecimal("0.9");
        } else if (named == null && outstanding > 0 && Math.abs(difference) <= receiptTol && inWindow) {
            rule = "amount_date";
            confidence = new BigDecimal("0.6");
        }
        return new Evidence(rule, confidence, "amount_date".equals(rule), named == null ? null : named[0],
                named == null ? null : named[1], named == null ? null : named[2], outstanding, difference, tol,
                Math.abs(difference) <= tol, samePayer, days, windowDays, inWindow, named != null && !owing);
    }

    /** [field, text, what it names] of the first field of the line that names the receivable, or null. */
    private static String[] bankReference(Receipt receipt, Receivable r) {
        String reference = RemittanceReferences.key(r.reference());
        String code = RemittanceReferences.key(r.collectionCode());
        for (String field : BankReceiptRules.FIELDS) {
            List<RemittanceReferences.Candidate> keys = RemittanceReferences.candidates(receipt.texts().get(field));
            for (RemittanceReferences.Candidate c : keys) {
                if (c.key().equals(reference)) {
                    return new String[]{field, c.value(), "reference"};
                }
            }
            for (RemittanceReferences.Candidate c : keys) {
                if (c.key().equals(code)) {
                    return new String[]{field, c.value(), "collection_code"};
                }
            }
        }
        return null;
    }

    private static String[] walletReference(Receipt receipt, Receivable r) {
        String ref = receipt.texts().get("merchant_reference");
        if (ref != null && ref.equals(r.collectionCode())) {
            return new String[]{"merchant_reference", ref, "collection_code"};
        }
        if (receipt.code() != null && receipt.code().equals(r.collectionCode())) {
            return new String[]{"description", receipt.code(), "collection_code"};
        }
        if (ref != null && ref.equals(r.reference())) {
            return new String[]{"merchant_reference", ref, "reference"};
        }
        return null;
    }

    /** The texts of a bank line by field, in the order the rules read them. */
    public static Map<String, String> bankTexts(String creditorReference, String remittance, String endToEndId,
            String bankReference) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("creditor_reference", creditorReference);
        texts.put("remittance_info", remittance);
        texts.put("end_to_end_id", endToEndId);
        texts.put("bank_reference", bankReference);
        texts.values().removeIf(Objects::isNull);
        return texts;
    }
}
