package io.walletrecon.statements;

import java.time.LocalDate;

/**
 * One booked line as a parser read it. {@code amountMinor} is signed (credits positive); {@code feeMinor} is the
 * fee the provider kept for this line (positive = charged), separate from the gross amount. {@code key} is the
 * line's natural identity in its source (bank reference, provider transaction id) and makes re-imports no-ops.
 */
public record StatementLine(int lineNo, String key, String kind, LocalDate valueDate, LocalDate bookingDate,
                            long amountMinor, Long feeMinor, String currency, String counterpartyName,
                            String counterpartyAccount, String bankReference, String endToEndId, String providerTxnId,
                            String merchantReference, String payoutId, String remittanceInfo, String raw) {
}
