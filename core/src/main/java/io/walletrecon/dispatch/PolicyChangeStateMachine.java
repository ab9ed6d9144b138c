package io.walletrecon.dispatch;

import java.util.Set;

import static io.walletrecon.dispatch.PolicyChangeState.*;

/** A policy change is decided once: approved, rejected or withdrawn, and then never changes again. */
public final class PolicyChangeStateMachine {

    private static final TransitionTable<PolicyChangeState> TABLE = new TransitionTable<>(PolicyChangeState.class,
            PolicyChangeState::code)
            .from(PENDING, APPROVED, REJECTED, WITHDRAWN);

    private PolicyChangeStateMachine() {
    }

    public static boolean allows(PolicyChangeState from, PolicyChangeState to) {
        return TABLE.allows(from, to);
    }

    public static Set<PolicyChangeState> next(PolicyChangeState from) {
        return TABLE.next(from);
    }

    public static void require(long changeId, PolicyChangeState from, PolicyChangeState to) {
        TABLE.require("Policy change " + changeId, from, to);
    }
}
