package io.walletrecon.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened to one authentic delivery: stored now or already stored (a redelivery), and whether it became a
 * transaction ({@code processed}) or awaits a replay ({@code unprocessable}, with the reason).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(long webhookEventId, String eventId, boolean duplicate, String state, String error,
        Long transactionId) {
}
