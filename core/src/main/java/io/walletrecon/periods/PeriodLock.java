package io.walletrecon.periods;

import java.time.LocalDate;

/**
 * An account's locked period: every day up to and including {@code through} is locked by the reviewed balance
 * confirmation {@code confirmationId} (the latest period end among the account's reviewed confirmations).
 */
public record PeriodLock(long confirmationId, String account, LocalDate through) {
}
