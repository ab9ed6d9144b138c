package io.walletrecon.data;

import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for {@code page} and {@code size} query parameters of every list endpoint: a page starts at 0, a size
 * is between 1 and the configured maximum ({@link PagingConfig}), absent it is the configured default, and a page may
 * start at most {@link #MAX_OFFSET} rows in. Deeper pages would make the database walk (and throw away) millions of
 * rows per request, and {@code page * size} of two large ints overflows; a caller that needs them narrows the filter
 * (dates, status) or exports the report.
 *
 * <p>How a list endpoint uses it: the resource takes {@code @QueryParam("page") @DefaultValue("0") int page} and
 * {@code @QueryParam("size") Integer size} (no default there: absent is {@code null}); the service injects
 * {@code Paging}, and
 * <pre>{@code
 * int pageSize = paging.size(size);
 * paging.check(page, pageSize, errors);     // with the request's other checks, then Validation.refuseIfAny(errors)
 * ... Paging.offset(page, pageSize) ...     // or Panache's Page.of(page, pageSize)
 * }</pre>
 * {@link #require(int, int)} does the check and the refusal when paging is all there is to check.
 */
@ApplicationScoped
public class Paging {

    /** The furthest row a page may start at. */
    public static final long MAX_OFFSET = 1_000_000;

    private final PagingConfig config;

    public Paging(PagingConfig config) {
        this.config = config;
    }

    /** The size asked for, or the configured default when the request gives none. */
    public int size(Integer requested) {
        return requested == null ? config.defaultSize() : requested;
    }

    /** Adds a problem for each of {@code page} and {@code size} that is out of range for a list endpoint. */
    public void check(int page, int size, List<ProblemError> errors) {
        check(page, size, config.maxSize(), errors);
    }

    /** Refuses (400) a page or size out of range for a list endpoint. */
    public void require(int page, int size) {
        List<ProblemError> errors = new ArrayList<>();
        check(page, size, errors);
        Validation.refuseIfAny(errors);
    }

    /**
     * Adds a problem for each of {@code page} and {@code size} that is out of range, for an endpoint of its own
     * maximum.
     */
    public static void check(int page, int size, int maxSize, List<ProblemError> errors) {
        if (page < 0) {
            errors.add(ProblemError.field("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            errors.add(ProblemError.field("size", "must be between 1 and " + maxSize));
        } else if (page > 0 && offset(page, size) > MAX_OFFSET) {
            errors.add(ProblemError.field("page",
                    "must start at most " + MAX_OFFSET + " rows in (page × size); narrow the filter "
                            + "or export the report to see further"));
        }
    }

    /** The first row of the page, without int overflow. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
