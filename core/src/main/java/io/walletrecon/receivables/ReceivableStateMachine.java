package io.walletrecon.receivables;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.receivables.ReceivableStatus.*;

/**
 * The one table of allowed receivable transitions. Payments move a receivable forward (open, partially paid, paid);
 * taking a payment back (a person unmatches it) moves it back as far as what is left paid says. Written off and
 * cancelled are final: nothing pays them any more.
 */
public final class ReceivableStateMachine {

    private static final Map<ReceivableStatus, EnumSet<ReceivableStatus>> ALLOWED = new EnumMap<>(
            ReceivableStatus.class);
    /** What paying (or taking a payment back) can make of a receivable. */
    private static final Set<ReceivableStatus> PAYMENT_RESULTS = EnumSet.of(OPEN, PARTIALLY_PAID, PAID);

    static {
        ALLOWED.put(OPEN, EnumSet.of(PARTIALLY_PAID, PAID, WRITTEN_OFF, CANCELLED));
        ALLOWED.put(PARTIALLY_PAID, EnumSet.of(OPEN, PARTIALLY_PAID, PAID, WRITTEN_OFF));
        ALLOWED.put(PAID, EnumSet.of(OPEN, PARTIALLY_PAID, PAID));
        ALLOWED.put(WRITTEN_OFF, EnumSet.noneOf(ReceivableStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(ReceivableStatus.class));
    }

    private ReceivableStateMachine() {
    }

    public static boolean allows(ReceivableStatus from, ReceivableStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<ReceivableStatus> next(ReceivableStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /**
     * The statuses in which a payment (or taking one back) may change a receivable, whatever the status it leads to:
     * the guard of the paying UPDATE.
     */
    public static Set<ReceivableStatus> payable() {
        EnumSet<ReceivableStatus> payable = EnumSet.noneOf(ReceivableStatus.class);
        ALLOWED.forEach((status, next) -> {
            EnumSet<ReceivableStatus> reach = EnumSet.copyOf(next);
            reach.add(status);
            if (reach.containsAll(PAYMENT_RESULTS)) {
                payable.add(status);
            }
        });
        return payable;
    }
}
