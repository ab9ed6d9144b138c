package io.walletrecon.reports.links;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.reports.links.StatementLinkState.*;

/**
 * A customer's answer to a statement: SENT → CONFIRMED (the whole statement, once) or SENT → DISPUTED (a line);
 * a disputed statement takes disputes of further lines (DISPUTED → DISPUTED) but can no longer be confirmed, and a
 * confirmed one takes no more answers. The finance team may revoke a link in any of these states (→ REVOKED); a revoked
 * link takes nothing more.
 */
public final class StatementLinkStateMachine {

    private static final Map<StatementLinkState, Set<StatementLinkState>> TABLE = new EnumMap<>(Map.of(
            SENT, EnumSet.of(CONFIRMED, DISPUTED, REVOKED),
            DISPUTED, EnumSet.of(DISPUTED, REVOKED),
            CONFIRMED, EnumSet.of(REVOKED),
            REVOKED, EnumSet.noneOf(StatementLinkState.class)));

    private StatementLinkStateMachine() {
    }

    public static boolean allows(StatementLinkState from, StatementLinkState to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<StatementLinkState> next(StatementLinkState from) {
        return EnumSet.copyOf(TABLE.get(from));
    }
}
