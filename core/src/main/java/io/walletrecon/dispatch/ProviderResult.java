package io.walletrecon.dispatch;

import java.time.Duration;

/** How a provider answered one send. */
public sealed interface ProviderResult {

    /** Taken (2xx). {@code outcome} is set when the answer is already final (a refund that succeeded at once). */
    record Accepted(int httpStatus, String providerPaymentId, String providerStatus, ProviderOutcome outcome, Long processedMinor)
            implements ProviderResult {
    }

    /** Worth another try with the same idempotency key: timeout, connection failure, 5xx, 429, 409 (key in use). */
    record Transient(Integer httpStatus, String error, Duration retryAfter) implements ProviderResult {
    }

    /** Refused for good (400, 401, 402, 403, 404, ...): retrying would be refused again. */
    record Rejected(int httpStatus, String error) implements ProviderResult {
    }
}
