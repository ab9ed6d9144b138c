package io.walletrecon.matching;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the people's work on exceptions beyond one decision: assigning, and deciding several at once. */
public final class ExceptionRequests {

    /** The most exceptions one bulk decision takes. */
    public static final int BULK_MAX = 200;

    private ExceptionRequests() {
    }

    /** Hands an exception to a person (who works it: it is in review from then on), optionally saying why. */
    @RegisterForReflection
    public record Assignment(@NotBlank @Size(max = 200) String assignee, @Size(max = 2000) String reason) {
    }

    /**
     * The same decision for several exceptions, all or none: {@code status} in_review (with an {@code assignee}: they
     * are assigned), resolved or ignored (with a reason).
     */
    @RegisterForReflection
    public record Bulk(@NotEmpty @Size(max = BULK_MAX) List<@NotNull Long> ids, @NotBlank String status,
            @Size(max = 2000) String reason, @Size(max = 200) String assignee) {
    }
}
