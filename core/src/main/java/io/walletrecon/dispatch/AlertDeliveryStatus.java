package io.walletrecon.dispatch;

import java.util.Arrays;
import java.util.Locale;

/** Where the delivery of an alert to the outgoing webhook stands ({@code alert_deliveries.status}). */
public enum AlertDeliveryStatus {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    PENDING,
    /** The webhook answered 2xx. */
    DELIVERED,
    /** No 2xx within {@code max-attempts}: not tried again. */
    DEAD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertDeliveryStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alert delivery status " + code));
    }
}
