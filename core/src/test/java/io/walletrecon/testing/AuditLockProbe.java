package io.walletrecon.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Proves that a use case appends to the audit trail last: the test holds the audit chain's lock in a transaction of
 * its own, runs the request in the background, and once the request's transaction waits for that lock reads which
 * tables it has written so far (its {@code RowExclusiveLock}s). Everything the use case writes must be among them:
 * a write after the audit row would be missing, and would be a write under the chain's lock.
 */
public final class AuditLockProbe {

    /** The audit chain's advisory lock ({@code AuditLog.CHAIN_LOCK}, "audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private AuditLockProbe() {
    }

    /** What the request's transaction had written when it reached the audit chain's lock, and the request's result. */
    public record Probed<T>(Set<String> tablesWrittenBeforeTheAudit, T result) {
    }

    public static <T> Probed<T> run(Supplier<T> request) {
        try (Connection holder = TestDb.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            CompletableFuture<T> running = CompletableFuture.supplyAsync(request);
            Set<String> written;
            try {
                written = tablesOfTheWaiter(running);
            } finally {
                holder.rollback();
            }
            return new Probed<>(written, running.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (SQLException | InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> tablesOfTheWaiter(CompletableFuture<?> running)
            throws SQLException, InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            if (running.isDone()) {
                throw new AssertionError(
                        "the request finished without waiting for the audit chain's lock: it recorded no audit row");
            }
            Integer pid = waiter();
            if (pid != null) {
                return tablesWrittenBy(pid);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no transaction waited for the audit chain's lock within " + WAIT);
    }

    private static Integer waiter() throws SQLException {
        try (Connection c = TestDb.connect();
                PreparedStatement ps = c.prepareStatement("select pid from pg_locks where locktype = 'advisory'"
                        + " and not granted and objsubid = 1 and ((classid::bigint << 32) | objid::bigint) = ?")) {
            ps.setLong(1, CHAIN_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static Set<String> tablesWrittenBy(int pid) throws SQLException {
        try (Connection c = TestDb.connect();
                PreparedStatement ps = c.prepareStatement("select distinct r.relname from pg_locks l"
                        + " join pg_class r on r.oid = l.relation where l.pid = ? and l.mode = 'RowExclusiveLock' and r.relkind in ('r', 'p')")) {
            ps.setInt(1, pid);
            Set<String> tables = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }
}
