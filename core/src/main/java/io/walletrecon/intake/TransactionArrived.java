package io.walletrecon.intake;

/**
 * A notification stored a new or changed wallet transaction of an account, and its transaction has committed. Fired
 * (synchronously, on the intake's worker thread) after the delivery is stored and before it is acknowledged;
 * observers must not block. Redeliveries and events without a transaction fire nothing.
 */
public record TransactionArrived(String accountCode) {
}
