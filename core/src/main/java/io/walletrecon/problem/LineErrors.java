package io.walletrecon.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of an imported file, by line and column: every one counted, the first {@link #MAX_LISTED} kept for
 * the problem body, and the one sentence that refuses the file (422, nothing imported) naming the first by line.
 */
public final class LineErrors {

    /** The problem body lists at most this many errors; the detail says how many there were. */
    public static final int MAX_LISTED = 1000;

    private final List<ProblemError> listed = new ArrayList<>();
    private int count;

    public void add(long line, String column, String message) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(ProblemError.line(line, column, message));
        }
    }

    public int count() {
        return count;
    }

    /** 422: how many errors, the first by line and column, every listed one in {@code errors[]}; nothing imported. */
    public ApiException refusal() {
        List<ProblemError> sorted = listed.stream().sorted(Comparator.comparingLong(ProblemError::line)).toList();
        ProblemError first = sorted.get(0);
        return ApiException.unprocessable(count + " error(s) in the file; nothing was imported. First: line "
                + first.line() + (first.column() == null ? "" : ", column " + first.column()) + ": "
                + first.message()
                + (count > sorted.size() ? " (the first " + sorted.size() + " are listed)" : ""),
                sorted);
    }
}
