package io.walletrecon.reports.links;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;

/** Bodies and answers of the customer statement link API. */
public final class StatementLinkRequests {

    private StatementLinkRequests() {
    }

    @RegisterForReflection
    public record Send(Long customer, LocalDate from, LocalDate to) {
    }

    @RegisterForReflection
    public record Confirm(String comment) {
    }

    @RegisterForReflection
    public record Dispute(String lineType, Long lineId, String comment) {
    }

    /** A link as its sender sees it; {@code url} is what goes to the customer. */
    @RegisterForReflection
    public record LinkView(long id, long customerId, LocalDate from, LocalDate to, Instant expiresAt, String state,
            String token, String url) {
    }

    /** Why the finance team withdraws a link (required). */
    @RegisterForReflection
    public record Revocation(String reason) {
    }

    @RegisterForReflection
    public record RevokedView(long linkId, String state, String reason, String revokedBy) {
    }

    @RegisterForReflection
    public record AnswerView(long linkId, String kind, String lineType, Long lineId, String comment, String state) {
    }
}
