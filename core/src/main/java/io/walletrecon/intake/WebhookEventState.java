package io.walletrecon.intake;

import java.util.Locale;

/** The states of a stored webhook event, as stored in {@code webhook_events.state}. */
public enum WebhookEventState {
    /** Stored, not yet turned into a transaction (the column's default; intake decides in the same transaction). */
    RECEIVED,
    /** Turned into its transaction ({@code transaction_id} set). */
    PROCESSED,
    /** Authentic but not turned into a transaction; {@code error} says why, and a replay may process it later. */
    UNPROCESSABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookEventState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
