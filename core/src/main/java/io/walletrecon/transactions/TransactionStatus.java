package io.walletrecon.transactions;

import java.util.Locale;

/** The lifecycle states of a canonical transaction, as stored in {@code transactions.status}. */
public enum TransactionStatus {
    PENDING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransactionStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
