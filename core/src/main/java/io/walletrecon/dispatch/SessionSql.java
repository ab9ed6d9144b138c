package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Native SQL in the caller's Hibernate Reactive session (so in its transaction, beside AuditLog.record). */
final class SessionSql {

    private SessionSql() {
    }

    static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    static <T> Uni<List<T>> list(String sql, Class<T> type, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    static <T> Uni<T> first(String sql, Class<T> type, Object... params) {
        return list(sql, type, params).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
