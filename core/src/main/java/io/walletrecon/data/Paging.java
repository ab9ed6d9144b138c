package io.walletrecon.data;

import io.walletrecon.problem.ProblemError;

import java.util.List;

/** The one rule for {@code page} and {@code size} query parameters of every list endpoint. */
public final class Paging {

    private Paging() {
    }

    /** Adds a problem for each of {@code page} and {@code size} that is out of range. */
    public static void check(int page, int size, int maxSize, List<ProblemError> errors) {
        if (page < 0) {
            errors.add(ProblemError.field("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            errors.add(ProblemError.field("size", "must be between 1 and " + maxSize));
        }
    }
}
