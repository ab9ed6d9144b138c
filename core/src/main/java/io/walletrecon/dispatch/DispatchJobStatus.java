package io.walletrecon.dispatch;

import java.util.Arrays;
import java.util.Locale;

/** Where an order's dispatch job (its outbox row, {@code dispatch_jobs.status}) stands. */
public enum DispatchJobStatus {
    /** Due at {@code due_at}: the next dispatcher run claims it. */
    PENDING,
    /** Claimed and leased by one dispatcher, which is sending it; claimed again once the lease runs out. */
    IN_FLIGHT,
    /** Stopped until a person releases the order's hold (risk, dispatch error). */
    BLOCKED,
    /** Nothing more to send: answered, given up, built into a bank file, or cancelled. */
    DONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DispatchJobStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dispatch job status " + code));
    }
}
