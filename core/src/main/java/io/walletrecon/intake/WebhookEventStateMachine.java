package io.walletrecon.intake;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.intake.WebhookEventState.PROCESSED;
import static io.walletrecon.intake.WebhookEventState.RECEIVED;
import static io.walletrecon.intake.WebhookEventState.UNPROCESSABLE;

/**
 * Where a stored webhook event may go. Intake decides a received event's state in the transaction that stores it
 * (processed with its transaction, or unprocessable with a reason); a replay re-normalises an event that is not
 * processed, and either processes it or leaves it unprocessable with the new reason. A processed event is final: its
 * transaction exists, and processing it again would apply its money twice.
 */
public final class WebhookEventStateMachine {

    private static final Map<WebhookEventState, Set<WebhookEventState>> TABLE = new EnumMap<>(WebhookEventState.class);

    static {
        TABLE.put(RECEIVED, EnumSet.of(PROCESSED, UNPROCESSABLE));
        TABLE.put(UNPROCESSABLE, EnumSet.of(PROCESSED, UNPROCESSABLE));
        TABLE.put(PROCESSED, EnumSet.noneOf(WebhookEventState.class));
    }

    private WebhookEventStateMachine() {
    }

    public static boolean allows(WebhookEventState from, WebhookEventState to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<WebhookEventState> next(WebhookEventState from) {
        return EnumSet.copyOf(TABLE.get(from));
    }

    /** The state intake stores a newly received event in: processed when it became a transaction. */
    public static WebhookEventState afterIntake(boolean becameTransaction) {
        return becameTransaction ? PROCESSED : UNPROCESSABLE;
    }

    /** Whether a replay may re-normalise an event in this state (it may end processed). */
    public static boolean replayable(WebhookEventState state) {
        return allows(state, PROCESSED);
    }
}
