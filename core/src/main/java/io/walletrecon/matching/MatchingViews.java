package io.walletrecon.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the matching API shows. Amounts are minor units of {@code currency}; nothing here is an entity. */
public final class MatchingViews {

    private MatchingViews() {
    }

    @RegisterForReflection
    public record RunView(long id, String account, String kind, LocalDate periodStart, LocalDate periodEnd,
            String state,
            String requestedBy, long itemsTotal, long itemsProcessed, Map<String, Map<String, Long>> counts,
            String error, String incidentId, OffsetDateTime createdAt, OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {
    }

    @RegisterForReflection
    public record MatchItemView(String side, String type, long id, long amountMinor, boolean live) {
    }

    @RegisterForReflection
    public record MatchView(long id, String account, Long runId, String kind, String rule, BigDecimal confidence,
            String status,
            String currency, long leftTotalMinor, long rightTotalMinor, long differenceMinor, String createdBy,
            OffsetDateTime createdAt, String decidedBy, OffsetDateTime decidedAt, String reason, JsonNode evidence,
            FxView fx, List<MatchItemView> items) {
    }

    /**
     * A settlement credited in another currency than its payout ({@code rightTotalMinor} is in
     * {@code counterCurrency}): the rate the two amounts imply, the configured reference rate (null when none), and
     * the FX difference, the credit less the payout converted at the reference rate, in minor units of
     * {@code counterCurrency}: the reconciling item.
     */
    @RegisterForReflection
    public record FxView(String counterCurrency, BigDecimal rate, BigDecimal referenceRate, Long differenceMinor) {
    }

    @RegisterForReflection
    public record AnnotationView(long id, String author, String body, OffsetDateTime createdAt) {
    }

    @RegisterForReflection
    public record ExceptionView(long id, String company, String account, Long runId, String type, String status,
            String currency,
            Long expectedMinor, Long actualMinor, Long differenceMinor, Long transactionId, Long receivableId,
            Long statementLineId, Long paymentOrderId, Long customerId, JsonNode candidates, LocalDate businessDate,
            String detail,
            String assignee, String resolutionReason, String resolvedBy, OffsetDateTime resolvedAt,
            OffsetDateTime detectedAt, OffsetDateTime updatedAt, List<AnnotationView> annotations,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<SuggestedCustomer> suggestedCustomers) {

        /** The exception with the customers its payer's name suggests. */
        public ExceptionView withSuggestions(List<SuggestedCustomer> suggested) {
            return new ExceptionView(id, company, account, runId, type, status, currency, expectedMinor, actualMinor,
                    differenceMinor, transactionId, receivableId, statementLineId, paymentOrderId, customerId,
                    candidates,
                    businessDate, detail, assignee, resolutionReason, resolvedBy, resolvedAt, detectedAt, updatedAt,
                    annotations, suggested);
        }
    }

    /**
     * A customer whose name, normalised, is the payer's name on an unidentified receipt: a suggestion for the person
     * who claims it, never a match.
     */
    @RegisterForReflection
    public record SuggestedCustomer(long customerId, String name) {
    }
}
