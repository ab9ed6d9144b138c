package io.walletrecon.dispatch;

import io.walletrecon.problem.ApiException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A lifecycle's allowed moves, written once as a table; each {@code *StateMachine} of the dispatch feature holds one.
 * A state missing from the table leads nowhere.
 */
final class TransitionTable<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, EnumSet<S>> allowed;
    private final Function<S, String> code;

    TransitionTable(Class<S> type, Function<S, String> code) {
        this.type = type;
        this.allowed = new EnumMap<>(type);
        this.code = code;
    }

    @SafeVarargs
    final TransitionTable<S> from(S from, S... to) {
        EnumSet<S> next = EnumSet.noneOf(type);
        next.addAll(java.util.List.of(to));
        allowed.put(from, next);
        return this;
    }

    boolean allows(S from, S to) {
        return allowed.getOrDefault(from, EnumSet.noneOf(type)).contains(to);
    }

    Set<S> next(S from) {
        return EnumSet.copyOf(allowed.getOrDefault(from, EnumSet.noneOf(type)));
    }

    /** Throws a 409 problem naming the current state when {@code from → to} is not in the table. */
    void require(String what, S from, S to) {
        if (!allows(from, to)) {
            throw ApiException.conflict(what + " is " + code.apply(from) + " and cannot become " + code.apply(to));
        }
    }
}
