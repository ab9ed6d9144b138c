package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;

/** A filtered, paged native query whose rows are JSON objects, with its bind parameters numbered in order. */
final class NativeQueries {

    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> params = new ArrayList<>();

    NativeQueries and(String condition, Object value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(condition.replace("?", "?" + params.size()));
        }
        return this;
    }

    String where() {
        return where.toString();
    }

    <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> q) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    static <T> T read(ObjectMapper json, String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable row", e);
        }
    }

    static <T> Uni<List<T>> rows(Mutiny.Session s, ObjectMapper json, String sql, NativeQueries filter, Class<T> type) {
        return filter.bind(s.createNativeQuery(sql, String.class)).getResultList()
                .map(list -> list.stream().map(r -> read(json, r, type)).toList());
    }
}
