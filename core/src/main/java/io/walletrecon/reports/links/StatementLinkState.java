package io.walletrecon.reports.links;

import java.util.Arrays;
import java.util.Locale;

/** Where a customer statement sent as a signed link stands ({@code customer_statement_links.state}). */
public enum StatementLinkState {
    /** Sent; the customer has not answered yet. */
    SENT,
    /** The customer confirmed the whole statement (客户确认). Final. */
    CONFIRMED,
    /** The customer disputed one or more lines (异议); further lines may still be disputed. */
    DISPUTED,
    /** Revoked by the finance team, with a reason: the link no longer opens (410). Final. */
    REVOKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatementLinkState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown statement link state " + code));
    }
}
