package io.walletrecon.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Compiled, never run: what {@link SqlScanner} must see, and what it must let pass. */
@SuppressWarnings("unused")
final class SqlScannerFixtures {

    private SqlScannerFixtures() {
    }

    /** Named statements with binds: issues SQL, composes none. */
    static final class BindsOnly {
        private static final String BY_ID = "select id from payment_orders where id = ?1";

        Uni<List<Long>> byId(Mutiny.Session session, long id) {
            return session.createNativeQuery(BY_ID, Long.class).setParameter(1, id).getResultList();
        }
    }

    static final class HoldsAPool {
        private final Pool pool;

        HoldsAPool(Pool pool) {
            this.pool = pool;
        }

        Uni<?> count(long account) {
            return pool.preparedQuery("select count(*) from matches where account_id = $1").execute(Tuple.of(account));
        }
    }

    static final class Formats {
        Uni<List<Long>> list(Mutiny.Session session, String status) {
            return session.createNativeQuery("select id from matches where status = '%s'".formatted(status), Long.class)
                    .getResultList();
        }
    }

    static final class ConcatenatesThroughALocal {
        Uni<List<Long>> list(Mutiny.Session session, int size) {
            String sql = "select id from matches limit " + size;
            return session.createNativeQuery(sql, Long.class).getResultList();
        }
    }

    static final class ConcatenatesIntoALambda {
        Uni<List<Long>> list(Mutiny.SessionFactory sessions, int size) {
            String sql = "select id from matches limit " + size;
            return sessions.withSession(session -> session.createNativeQuery(sql, Long.class).getResultList());
        }
    }

    /** Composes SQL and hands it to a helper that runs it: the helper's callers are checked as well. */
    static final class ComposesForAHelper {
        Uni<List<Long>> list(Mutiny.Session session, String order) {
            StringBuilder sql = new StringBuilder("select id from matches order by ").append(order);
            return Helper.rows(session, sql.toString());
        }
    }

    static final class Helper {
        static Uni<List<Long>> rows(Mutiny.Session session, String sql) {
            return session.createNativeQuery(sql, Long.class).getResultList();
        }
    }
}
