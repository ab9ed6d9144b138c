package io.walletrecon.dispatch;

import java.util.Arrays;

/** A proposed change of a currency's payment policy ({@code payment_policy_changes.state}). */
public enum PolicyChangeState {
    /** Proposed by one admin, waiting for a second. */
    PENDING,
    /** Approved by a second admin and in force (until a later change replaces it). */
    APPROVED,
    /** Turned down by another admin. */
    REJECTED,
    /** Taken back by the admin who proposed it. */
    WITHDRAWN;

    public String code() {
        return name().toLowerCase();
    }

    public static PolicyChangeState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy change state " + code));
    }
}
