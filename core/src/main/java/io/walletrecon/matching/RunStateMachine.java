package io.walletrecon.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.matching.RunState.*;

/**
 * The one table of allowed matching run transitions. A run is claimed ({@code queued → running}) only by an
 * executor that already holds the account's matching lock, so a {@code running} run whose lock is gone has lost its
 * process: it becomes {@code abandoned}. Its transaction was rolled back by PostgreSQL with the connection, so
 * nothing it did survives. The final states lead nowhere: a new request makes a new run.
 */
public final class RunStateMachine {

    private static final Map<RunState, EnumSet<RunState>> ALLOWED = new EnumMap<>(RunState.class);

    static {
        // failed from queued: the run could not be handed to its executor; abandoned: it was never started.
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, REFUSED, FAILED, ABANDONED));
        ALLOWED.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, ABANDONED));
        ALLOWED.put(SUCCEEDED, EnumSet.noneOf(RunState.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(RunState.class));
        ALLOWED.put(REFUSED, EnumSet.noneOf(RunState.class));
        ALLOWED.put(ABANDONED, EnumSet.noneOf(RunState.class));
    }

    private RunStateMachine() {
    }

    public static boolean allows(RunState from, RunState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<RunState> next(RunState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /** The states a run may be in for {@code to} to happen: the guard of the conditional UPDATE that moves it. */
    public static Set<RunState> from(RunState to) {
        EnumSet<RunState> from = EnumSet.noneOf(RunState.class);
        ALLOWED.forEach((state, next) -> {
            if (next.contains(to)) {
                from.add(state);
            }
        });
        return from;
    }

    /** A run in one of these states still holds its account: a new request for the account is a conflict. */
    public static Set<RunState> active() {
        return EnumSet.of(QUEUED, RUNNING);
    }
}
