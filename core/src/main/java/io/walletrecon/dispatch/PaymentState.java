package io.walletrecon.dispatch;

import java.util.Arrays;

/** The life of a payment order; {@link PaymentStateMachine} says which moves between them are allowed. */
public enum PaymentState {
    DRAFT, PENDING_APPROVAL, APPROVED, SCHEDULED, HELD, SUBMITTED, COMPLETED, FAILED, RETURNED, CANCELLED;

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
