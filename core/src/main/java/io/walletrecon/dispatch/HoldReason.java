package io.walletrecon.dispatch;

import java.util.Arrays;

/**
 * Why an order is held ({@code payment_orders.hold_reason}), and who may let it go on. A hold that guards against the
 * maker (a possible duplicate, a beneficiary's daily risk limit) is released only by a checker: someone with the
 * approver role who did not create the order; otherwise one person could split any total into auto-approved parts and
 * release them. A low balance or a dispatch error is re-checked in full by the dispatcher, so finance may release it.
 */
public enum HoldReason {
    LOW_BALANCE(false), POSSIBLE_DUPLICATE(true), RISK(true), DISPATCH_ERROR(false);

    private final boolean releasedByChecker;

    HoldReason(boolean releasedByChecker) {
        this.releasedByChecker = releasedByChecker;
    }

    public String code() {
        return name();
    }

    /** True when only an approver other than the order's creator may release this hold. */
    public boolean releasedByChecker() {
        return releasedByChecker;
    }

    public static HoldReason of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown hold reason " + code));
    }
}
