package io.walletrecon.dispatch;

import java.time.Duration;

/** How a provider answered one send. */
public sealed interface ProviderResult {

    /** Taken (2xx). {@code outcome} is set when the answer is already final (a refund that succeeded at once). */
    record Accepted(int httpStatus, String providerPaymentId, String providerStatus, ProviderOutcome outcome,
            Long processedMinor)
            implements
                ProviderResult {
    }

    /**
     * Worth another try with the same idempotency key. {@code ambiguous}: the provider may have acted on the request
     * (timeout, connection lost after sending, 5xx, 409 key in use); not ambiguous: it certainly did not (429, no
     * connection made).
     */
    record Transient(Integer httpStatus, String error, Duration retryAfter,
            boolean ambiguous) implements ProviderResult {
    }

    /** Refused for good (400, 401, 402, 403, 404, ...): retrying would be refused again. */
    record Rejected(int httpStatus, String error) implements ProviderResult {
    }
}
