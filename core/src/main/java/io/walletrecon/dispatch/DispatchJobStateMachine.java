package io.walletrecon.dispatch;

import java.util.Set;

import static io.walletrecon.dispatch.DispatchJobStatus.*;

/**
 * The moves of a dispatch job. A claim takes a pending job in flight, holds it back (pending again, later: a low
 * balance), blocks it (a risk or dispatch-error hold) or closes it (its order has nothing to send). An answer closes a
 * job in flight or puts it back to pending for a retry; a job whose lease ran out is claimed again (in flight again)
 * or closed. A person's release puts a blocked job back to pending; a cancellation closes it. Nothing leaves DONE.
 */
public final class DispatchJobStateMachine {

    private static final TransitionTable<DispatchJobStatus> TABLE = new TransitionTable<>(DispatchJobStatus.class,
            DispatchJobStatus::code)
            .from(PENDING, PENDING, IN_FLIGHT, BLOCKED, DONE)
            .from(IN_FLIGHT, IN_FLIGHT, PENDING, BLOCKED, DONE)
            .from(BLOCKED, PENDING, BLOCKED, DONE);

    private DispatchJobStateMachine() {
    }

    public static boolean allows(DispatchJobStatus from, DispatchJobStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<DispatchJobStatus> next(DispatchJobStatus from) {
        return TABLE.next(from);
    }

    public static void require(long paymentId, DispatchJobStatus from, DispatchJobStatus to) {
        TABLE.require("The dispatch job of payment " + paymentId, from, to);
    }
}
