package io.walletrecon.dispatch;

/** A provider's final word on a submitted payment. */
public enum ProviderOutcome {
    COMPLETED, FAILED, RETURNED;

    public PaymentState state() {
        return PaymentState.valueOf(name());
    }
}
