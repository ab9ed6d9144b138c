package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The base of the dispatch repositories whose statements run in the caller's Hibernate Reactive session, so in its
 * transaction, beside the entity changes and {@code AuditLog.record}. Statements are named constants of the subclass,
 * with {@code ?n} binds; these helpers only bind and run them.
 */
abstract class SessionSqlRepository {

    protected static Uni<Integer> nativeUpdate(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    protected static <T> Uni<List<T>> nativeList(String sql, Class<T> type, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    protected static <T> Uni<T> nativeFirst(String sql, Class<T> type, Object... params) {
        return nativeList(sql, type, params).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
