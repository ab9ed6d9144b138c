package io.walletrecon.dispatch;

import java.util.Arrays;

/**
 * The life of a payment order; {@link PaymentStateMachine} says which moves between them are allowed.
 * {@code UNKNOWN}: sent, but the provider's answer was lost (timeouts, 5xx) and re-sends are used up; the money may
 * or may not have left. Never final: polling and callbacks settle it.
 */
public enum PaymentState {
    DRAFT, PENDING_APPROVAL, APPROVED, SCHEDULED, HELD, SUBMITTED, UNKNOWN, COMPLETED, FAILED, RETURNED, CANCELLED;

    public String code() {
        return name().toLowerCase();
    }

    public static PaymentState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment state " + code));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == RETURNED || this == CANCELLED;
    }
}
