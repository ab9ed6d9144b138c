package io.walletrecon.reports.exports;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.reports.exports.ExportState.*;

/**
 * An export runs once: QUEUED → RUNNING → SUCCEEDED or FAILED. A job that cannot be handed to its executor fails
 * while still QUEUED. SUCCEEDED and FAILED are final: a failed export is requested again, never re-run, and a
 * finished file never turns into a failure. The repository's conditional updates take their from-states from here.
 */
public final class ExportStateMachine {

    private static final Map<ExportState, Set<ExportState>> TABLE = new EnumMap<>(Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.noneOf(ExportState.class),
            FAILED, EnumSet.noneOf(ExportState.class)));

    private ExportStateMachine() {
    }

    public static boolean allows(ExportState from, ExportState to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<ExportState> next(ExportState from) {
        return EnumSet.copyOf(TABLE.get(from));
    }

    /** The states an export may be in to become {@code to}: the condition of the update that moves it. */
    public static Set<ExportState> from(ExportState to) {
        EnumSet<ExportState> out = EnumSet.noneOf(ExportState.class);
        TABLE.forEach((from, next) -> {
            if (next.contains(to)) {
                out.add(from);
            }
        });
        return out;
    }
}
