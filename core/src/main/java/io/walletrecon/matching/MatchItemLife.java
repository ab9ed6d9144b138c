package io.walletrecon.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a match's item ({@code match_items.live}) and its one-entry state machine. A live item claims its
 * transaction or statement line for the match's kind (one live claim each, held by a unique index); it is retired
 * when a person rejects or unmatches the match, which frees the item for another match and keeps the row as history.
 * A retired item never comes back to life: matching it again makes a new match with new items.
 */
public enum MatchItemLife {
    LIVE, RETIRED;

    private static final Map<MatchItemLife, Set<MatchItemLife>> ALLOWED = new EnumMap<>(MatchItemLife.class);

    static {
        ALLOWED.put(LIVE, EnumSet.of(RETIRED));
        ALLOWED.put(RETIRED, EnumSet.noneOf(MatchItemLife.class));
    }

    /** The column's value. */
    public boolean live() {
        return this == LIVE;
    }

    public static MatchItemLife of(boolean live) {
        return live ? LIVE : RETIRED;
    }

    public static boolean allows(MatchItemLife from, MatchItemLife to) {
        return ALLOWED.get(from).contains(to);
    }

    /** What a match's move to {@code to} does to its items: a refusal retires them, anything else leaves them. */
    public static MatchItemLife after(MatchStatus to) {
        return to.refusal() ? RETIRED : LIVE;
    }
}
