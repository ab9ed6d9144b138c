package io.walletrecon.reports.confirmations;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.walletrecon.reports.confirmations.ConfirmationState.*;

/**
 * The lifecycle of a bank balance confirmation: DRAFT → PREPARED (the preparer declares it) → REVIEWED (another person
 * approves: the period locks) → REOPENED (with a reason: the period unlocks) → PREPARED again. A reviewer who rejects
 * sends PREPARED back to DRAFT. Nothing else moves.
 */
public final class ConfirmationStateMachine {

    private static final Map<ConfirmationState, Set<ConfirmationState>> TABLE = new EnumMap<>(Map.of(
            DRAFT, EnumSet.of(PREPARED),
            PREPARED, EnumSet.of(REVIEWED, DRAFT),
            REVIEWED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(PREPARED)));

    private ConfirmationStateMachine() {
    }

    public static boolean allows(ConfirmationState from, ConfirmationState to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<ConfirmationState> next(ConfirmationState from) {
        return EnumSet.copyOf(TABLE.get(from));
    }

    /** The states {@code to} may be reached from: the from-states of its conditional update. */
    public static Set<ConfirmationState> from(ConfirmationState to) {
        return TABLE.entrySet().stream().filter(e -> e.getValue().contains(to)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConfirmationState.class)));
    }
}
