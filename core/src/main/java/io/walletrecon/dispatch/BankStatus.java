package io.walletrecon.dispatch;

import java.util.Locale;
import java.util.Map;

/**
 * What the bank said about an order in its payment status report (pain.002), by ISO 20022 transaction status code.
 * {@code ACCEPTED}: the bank took it (ACCP, ACTC, ACSP, ACSC, ACWC, ACCC, ACFC, ACWP): the order stays submitted until
 * its debit is on the statement. {@code PENDING} (PDNG): not decided yet. {@code REJECTED} (RJCT): the bank will not
 * pay it; the order fails with the bank's reason. Any other code changes nothing.
 */
public enum BankStatus {
    ACCEPTED, PENDING, REJECTED;

    private static final Map<String, BankStatus> BY_ISO_CODE = Map.ofEntries(Map.entry("ACCP", ACCEPTED),
            Map.entry("ACTC", ACCEPTED), Map.entry("ACSP", ACCEPTED), Map.entry("ACSC", ACCEPTED),
            Map.entry("ACWC", ACCEPTED), Map.entry("ACCC", ACCEPTED), Map.entry("ACFC", ACCEPTED),
            Map.entry("ACWP", ACCEPTED), Map.entry("PDNG", PENDING), Map.entry("RJCT", REJECTED));

    /**
     * The meaning of the reason codes banks give most (ISO 20022 ExternalStatusReason1Code), for people reading a
     * rejected order.
     */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("AC01", "Incorrect account number"), Map.entry("AC04", "Closed account number"),
            Map.entry("AC06", "Blocked account"), Map.entry("AC13", "Invalid debtor account type"),
            Map.entry("AG01", "Transaction forbidden on this account"),
            Map.entry("AG02", "Invalid bank operation code"),
            Map.entry("AM04", "Insufficient funds"), Map.entry("AM05", "Duplication"),
            Map.entry("BE04", "Missing creditor address"), Map.entry("BE05", "Unrecognised initiating party"),
            Map.entry("CUST", "Requested by customer"), Map.entry("DT01", "Invalid date"),
            Map.entry("FF01", "Invalid file format"), Map.entry("MD07", "End customer deceased"),
            Map.entry("MS02", "Not specified reason, customer generated"),
            Map.entry("MS03", "Not specified reason, agent generated"), Map.entry("NARR", "Narrative"),
            Map.entry("RC01", "Bank identifier incorrect"),
            Map.entry("RR01", "Missing debtor account or identification"),
            Map.entry("RR02", "Missing debtor name or address"), Map.entry("RR03", "Missing creditor name or address"),
            Map.entry("RR04", "Regulatory reason"), Map.entry("TM01", "Received after the cut-off time"));

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status an ISO transaction status code means, or null for a code that changes nothing. */
    public static BankStatus ofIsoCode(String isoCode) {
        return isoCode == null ? null : BY_ISO_CODE.get(isoCode.trim().toUpperCase(Locale.ROOT));
    }

    /** The reason as a person reads it: the code, its meaning where known, and the bank's own text. */
    public static String describe(String reasonCode, String reasonText) {
        StringBuilder out = new StringBuilder();
        if (reasonCode != null) {
            out.append(reasonCode);
            String meaning = REASONS.get(reasonCode.toUpperCase(Locale.ROOT));
            if (meaning != null) {
                out.append(" (").append(meaning).append(')');
            }
        }
        if (reasonText != null && !reasonText.isBlank()) {
            out.append(out.isEmpty() ? "" : ": ").append(reasonText.trim());
        }
        return out.isEmpty() ? "no reason given" : out.toString();
    }
}
