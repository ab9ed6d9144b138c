package io.walletrecon.statements;

import java.time.LocalDate;
import java.util.Map;

/**
 * One booked line as a parser read it. {@code amountMinor} is signed (credits positive); {@code feeMinor} is the
 * fee the provider kept for this line (positive = charged), separate from the gross amount. {@code key} is the
 * line's natural identity in its source (bank reference, provider transaction id) and makes re-imports no-ops.
 * {@code balanceAfterMinor} is the account balance the source states after this line (account-flow bills), and
 * {@code details} the structured fields the source carries beyond the common columns (MT940 :86: subfields such as
 * {@code EREF}, {@code SVWZ}, {@code ?20}; bank transaction codes), stored as JSON and searchable.
 */
public record StatementLine(int lineNo, String key, String kind, LocalDate valueDate, LocalDate bookingDate,
        long amountMinor, Long feeMinor, String currency, String counterpartyName,
        String counterpartyAccount, String bankReference, String endToEndId, String providerTxnId,
        String merchantReference, String payoutId, String remittanceInfo, String raw,
        Long balanceAfterMinor, Map<String, String> details) {

    public StatementLine(int lineNo, String key, String kind, LocalDate valueDate, LocalDate bookingDate,
            long amountMinor, Long feeMinor, String currency, String counterpartyName,
            String counterpartyAccount, String bankReference, String endToEndId, String providerTxnId,
            String merchantReference, String payoutId, String remittanceInfo, String raw) {
        this(lineNo, key, kind, valueDate, bookingDate, amountMinor, feeMinor, currency, counterpartyName,
                counterpartyAccount,
                bankReference, endToEndId, providerTxnId, merchantReference, payoutId, remittanceInfo, raw, null, null);
    }
}
