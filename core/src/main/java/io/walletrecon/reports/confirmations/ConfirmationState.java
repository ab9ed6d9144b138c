package io.walletrecon.reports.confirmations;

import java.util.Arrays;
import java.util.Locale;

/** Where a bank balance confirmation stands ({@code balance_confirmations.state}). */
public enum ConfirmationState {
    /** Recorded with the bank's balance; nobody has declared it agreeing or not yet (or a reviewer sent it back). */
    DRAFT,
    /** A finance person declared it agreeing (相符) or not (不相符), with the statement's figures; awaits review. */
    PREPARED,
    /** Approved by another person: the account's period up to the period end is locked. */
    REVIEWED,
    /** Reopened with a reason: the period is unlocked; it can be prepared and reviewed again. */
    REOPENED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a confirmation in this state locks its account's period. */
    public boolean locksPeriod() {
        return this == REVIEWED;
    }

    public static ConfirmationState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown confirmation state " + code));
    }

    public static ConfirmationState ofOrNull(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}
