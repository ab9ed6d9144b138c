package io.walletrecon.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A payment order as the API shows it ({@code company}: its paying account's); approvals, attempts, history and the
 * idempotency key only on GET /payments/{id}. {@code bankStatus} ({@code accepted}, {@code pending},
 * {@code rejected}), with the ISO status code and the bank's reason code and text: the latest payment status report
 * (pain.002) about a supplier payment.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(long id, String type, String company, String account, BeneficiaryView beneficiary,
        String amount, long amountMinor,
        String currency, String reference, String refundOf, LocalDate executeOn, String recurrence,
        Long seriesId, List<Long> occurrenceIds, String state, String holdReason, int approvalsRequired,
        String channel, String providerPaymentId, Long processedMinor, String failureReason,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime finishedAt,
        String idempotencyKey, List<ApprovalView> approvals, List<AttemptView> attempts, List<HistoryView> history,
        String bankStatus, String bankStatusCode, String bankReasonCode, String bankReason,
        OffsetDateTime bankStatusAt) {

    /**
     * The beneficiary as this order names it. The detail view adds the full identity an approver checks: the wallet
     * identity, or the bank account number with the order's BIC or CNAPS code (联行号) and the name the account is
     * held in (户名); lists show {@code masked} only.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BeneficiaryView(long id, String kind, String name, String masked, String walletIdentity,
            String bankAccount,
            String bankCode, String accountName) {
    }

    @RegisterForReflection
    public record ApprovalView(String decision, String approver, String comment, OffsetDateTime at) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(int attemptNo, String outcome, Integer httpStatus, String providerPaymentId, String error,
            OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(String from, String to, String actor, String reason, OffsetDateTime at) {
    }
}
