package io.walletrecon.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.matching.MatchStatus.*;

/**
 * The one table of allowed match transitions, all of them a person's decision: a suggestion is confirmed or
 * rejected, a confirmed match may be unmatched. Rejected and unmatched are final (the pair stays blocked for the runs);
 * a new match of the same items is a new match.
 */
public final class MatchStateMachine {

    private static final Map<MatchStatus, EnumSet<MatchStatus>> ALLOWED = new EnumMap<>(MatchStatus.class);

    static {
        ALLOWED.put(SUGGESTED, EnumSet.of(CONFIRMED, REJECTED));
        ALLOWED.put(CONFIRMED, EnumSet.of(UNMATCHED));
        ALLOWED.put(REJECTED, EnumSet.noneOf(MatchStatus.class));
        ALLOWED.put(UNMATCHED, EnumSet.noneOf(MatchStatus.class));
    }

    private MatchStateMachine() {
    }

    public static boolean allows(MatchStatus from, MatchStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<MatchStatus> next(MatchStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /**
     * The one status a match must be in for {@code to} to happen: the guard of the conditional UPDATE that moves it.
     */
    public static MatchStatus from(MatchStatus to) {
        Set<MatchStatus> from = EnumSet.noneOf(MatchStatus.class);
        ALLOWED.forEach((status, next) -> {
            if (next.contains(to)) {
                from.add(status);
            }
        });
        if (from.size() != 1) {
            throw new IllegalArgumentException("no single status leads to " + to.code());
        }
        return from.iterator().next();
    }

    /** The statuses a match is created in: a run's confident rule and a person confirm, a weaker rule suggests. */
    public static Set<MatchStatus> initial() {
        return EnumSet.of(SUGGESTED, CONFIRMED);
    }
}
