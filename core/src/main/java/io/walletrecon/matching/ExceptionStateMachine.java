package io.walletrecon.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.matching.ExceptionStatus.*;

/**
 * The one table of allowed exception transitions. A person takes an open exception in review (and may hand it to
 * another assignee while it is there), resolves or ignores it with a reason; a run resolves an open exception whose
 * item it has since matched. A closed exception (resolved or ignored) stays closed: its reason, who closed it and when
 * are what the difference report and the auditors read, so a person cannot take it back into review.
 */
public final class ExceptionStateMachine {

    private static final Map<ExceptionStatus, EnumSet<ExceptionStatus>> ALLOWED = new EnumMap<>(ExceptionStatus.class);

    static {
        ALLOWED.put(OPEN, EnumSet.of(IN_REVIEW, RESOLVED, IGNORED));
        // in_review to itself: a new assignee, the exception stays in review.
        ALLOWED.put(IN_REVIEW, EnumSet.of(IN_REVIEW, RESOLVED, IGNORED));
        ALLOWED.put(RESOLVED, EnumSet.noneOf(ExceptionStatus.class));
        ALLOWED.put(IGNORED, EnumSet.noneOf(ExceptionStatus.class));
    }

    private ExceptionStateMachine() {
    }

    public static boolean allows(ExceptionStatus from, ExceptionStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<ExceptionStatus> next(ExceptionStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /**
     * The statuses an exception may be in for {@code to} to happen: the guard of the conditional UPDATE that moves it.
     */
    public static Set<ExceptionStatus> from(ExceptionStatus to) {
        EnumSet<ExceptionStatus> from = EnumSet.noneOf(ExceptionStatus.class);
        ALLOWED.forEach((status, next) -> {
            if (next.contains(to)) {
                from.add(status);
            }
        });
        return from;
    }

    /** What a person may set by hand: everything but open, which only a run raises. */
    public static Set<ExceptionStatus> settable() {
        return EnumSet.of(IN_REVIEW, RESOLVED, IGNORED);
    }
}
