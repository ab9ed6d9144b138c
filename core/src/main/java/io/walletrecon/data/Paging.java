package io.walletrecon.data;

import io.walletrecon.problem.ProblemError;

import java.util.List;

/**
 * The one rule for {@code page} and {@code size} query parameters of every list endpoint: a page starts at 0, a size
 * is between 1 and the endpoint's maximum, and a page may start at most {@link #MAX_OFFSET} rows in. Deeper pages
 * would make the database walk (and throw away) millions of rows per request, and {@code page * size} of two large
 * ints overflows; a caller that needs them narrows the filter (dates, status) or exports the report.
 */
public final class Paging {

    /** The furthest row a page may start at. */
    public static final long MAX_OFFSET = 1_000_000;

    private Paging() {
    }

    /** Adds a problem for each of {@code page} and {@code size} that is out of range. */
    public static void check(int page, int size, int maxSize, List<ProblemError> errors) {
        if (page < 0) {
            errors.add(ProblemError.field("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            errors.add(ProblemError.field("size", "must be between 1 and " + maxSize));
        } else if (page > 0 && offset(page, size) > MAX_OFFSET) {
            errors.add(ProblemError.field("page", "must start at most " + MAX_OFFSET + " rows in (page × size); narrow the filter "
                    + "or export the report to see further"));
        }
    }

    /** The first row of the page, without int overflow. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
