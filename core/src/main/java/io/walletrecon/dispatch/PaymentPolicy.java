package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Approval tiers and risk limits of one company (its code) in one currency. Amounts up to {@code autoLimitMinor} are
 * approved at once, up to
 * {@code dualLimitMinor} need one approver, above it two different approvers. Null risk limits mean no limit.
 */
@RegisterForReflection
public record PaymentPolicy(String company, String currency, long autoLimitMinor, long dualLimitMinor,
        Long beneficiaryDailyAmountMinor,
        Integer beneficiaryDailyCount, Long largeAmountMinor) {

    public int approvalsRequired(long amountMinor) {
        if (amountMinor <= autoLimitMinor) {
            return 0;
        }
        return amountMinor <= dualLimitMinor ? 1 : 2;
    }

    public boolean isLarge(long amountMinor) {
        return largeAmountMinor != null && amountMinor > largeAmountMinor;
    }
}
