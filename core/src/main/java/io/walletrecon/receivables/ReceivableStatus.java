package io.walletrecon.receivables;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a receivable ({@code receivables.status}) stands. {@link ReceivableStateMachine} holds the allowed transitions,
 * {@link ReceivablePayment} decides the status from what is paid.
 * <ul>
 * <li>{@code open}: nothing paid yet;</li>
 * <li>{@code partially_paid}: some paid, more than the tolerance still owed;</li>
 * <li>{@code paid}: paid in full, or short by no more than the account's tolerance (fees, FX rounding);</li>
 * <li>{@code written_off}, {@code cancelled}: no longer expected; nothing pays them.</li>
 * </ul>
 */
public enum ReceivableStatus {
    OPEN, PARTIALLY_PAID, PAID, WRITTEN_OFF, CANCELLED;

    public String code() {
        return name().toLowerCase();
    }

    public static ReceivableStatus of(String code) {
        return valueOf(code.toUpperCase());
    }

    /** Something is still owed on it: it takes payments and appears on the customer's statement as outstanding. */
    public static Set<ReceivableStatus> outstanding() {
        return EnumSet.of(OPEN, PARTIALLY_PAID);
    }

    public static Set<String> codes() {
        return Arrays.stream(values()).map(ReceivableStatus::code).collect(Collectors.toUnmodifiableSet());
    }
}
