package io.walletrecon.dispatch;

import java.util.Set;

import static io.walletrecon.dispatch.AlertDeliveryStatus.*;

/** An alert's delivery is tried until the webhook takes it or the attempts run out; then it never changes again. */
public final class AlertDeliveryStateMachine {

    private static final TransitionTable<AlertDeliveryStatus> TABLE = new TransitionTable<>(AlertDeliveryStatus.class,
            AlertDeliveryStatus::code)
            .from(PENDING, PENDING, DELIVERED, DEAD);

    private AlertDeliveryStateMachine() {
    }

    public static boolean allows(AlertDeliveryStatus from, AlertDeliveryStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<AlertDeliveryStatus> next(AlertDeliveryStatus from) {
        return TABLE.next(from);
    }

    /**
     * What a delivery attempt leads to: delivered on a 2xx, dead after the last attempt, else pending for the next one.
     */
    public static AlertDeliveryStatus after(boolean accepted, int attempt, int maxAttempts) {
        return accepted ? DELIVERED : attempt >= maxAttempts ? DEAD : PENDING;
    }

    public static void require(long alertId, AlertDeliveryStatus from, AlertDeliveryStatus to) {
        TABLE.require("The delivery of alert " + alertId, from, to);
    }
}
