package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Bank files: stored with their orders in the claim's transaction, claimed for hand-over and finished on the pool,
 * read and settled by a person in the Hibernate session.
 */
@ApplicationScoped
public class BankFileRepository extends SessionSqlRepository {

    static final String INSERT_FILE = """
            insert into bank_files (account_id, execution_date, message_id, file_name, payment_count, control_sum, content, sha256)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning id""";

    /** $1 file, $2 order ids, $3 their end-to-end ids (by index), as the file carries them. */
    static final String MARK_ORDERS = """
            update payment_orders p set bank_file_id = $1, provider_payment_id = u.e2e, updated_at = now()
            from unnest($2::bigint[], $3::text[]) u(id, e2e) where p.id = u.id""";

    static final String INSERT_ATTEMPTS = """
            insert into payment_attempts (payment_id, attempt_no, outcome, provider_payment_id, error, started_at)
            select u.id, 1, $3, u.e2e, 'in bank file ' || $2, now() from unnest($1::bigint[], $4::text[]) u(id, e2e)""";

    static final String JOBS_DONE = "update dispatch_jobs set status = $2, lease_until = null, updated_at = now() where payment_id = any($1)";

    /**
     * Files to hand over: built ones, and hand-overs that stayed unfinished longer than {@code $2} ms (their dispatcher
     * died).
     */
    static final String CLAIM_FILES = """
            update bank_files f set state = $5, hand_over_started_at = now(), handed_over_by = $1
            from (select id, state from bank_files
                  where state = $4 or (state = $5 and hand_over_started_at < now() - $2 * interval '1 millisecond')
                  order by id limit $3 for update skip locked) c
            where f.id = c.id
            returning f.id, f.file_name, f.content, f.sha256, c.state = $5 as resumed""";

    static final String FINISH_FILE = """
            update bank_files set state = $2, handed_over_at = case when $2 = $4 then now() else handed_over_at end
            where id = $1 and state = $5 and handed_over_by = $3""";

    static final String VIEW = """
            select f.id || '|' || a.code || '|' || f.file_name || '|' || f.message_id || '|' || f.state || '|' || f.sha256 || '|' || f.payment_count
                   || '|' || f.control_sum || '|' || f.execution_date || '|' || coalesce(to_char(f.handed_over_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '')
            from bank_files f join accounts a on a.id = f.account_id where f.id = ?1""";

    static final String LOCK_STATE = "select state from bank_files where id = ?1 for update";

    static final String SETTLE = """
            update bank_files set state = ?2, handed_over_at = case when ?2 = ?3 then now() end, hand_over_started_at = null, handed_over_by = null
            where id = ?1""";

    private final Pool pool;

    public BankFileRepository(Pool pool) {
        this.pool = pool;
    }

    /** A built file of one account and execution date. */
    record NewFile(long accountId, LocalDate executionDate, String messageId, String fileName, int paymentCount,
            String controlSum, String content,
            String sha256) {
    }

    /**
     * Stores the file and marks its orders as in it, each known by the end-to-end id the file gives it (their attempt
     * recorded, their jobs done); answers the file's id.
     */
    Uni<Long> store(DispatchRepository.Tx tx, NewFile f, Long[] paymentIds, String[] endToEndIds) {
        return tx.conn().preparedQuery(INSERT_FILE)
                .execute(Tuple.tuple(List.of(f.accountId(), f.executionDate(), f.messageId(), f.fileName(),
                        f.paymentCount(), f.controlSum(), f.content(),
                        f.sha256())))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(fileId -> tx.conn().preparedQuery(MARK_ORDERS).execute(Tuple.of(fileId, paymentIds, endToEndIds)))
                .call(() -> tx.conn().preparedQuery(INSERT_ATTEMPTS)
                        .execute(Tuple.of(paymentIds, f.fileName(), AttemptOutcome.ACCEPTED.code(), endToEndIds)))
                .call(() -> tx.conn().preparedQuery(JOBS_DONE)
                        .execute(Tuple.of(paymentIds, DispatchJobStatus.DONE.code())));
    }

    /**
     * Claims up to {@code limit} files for {@code worker} to hand over; a hand-over older than {@code stale} is taken
     * over.
     */
    Uni<List<Row>> claimForHandOver(String worker, Duration stale, int limit) {
        return pool.preparedQuery(CLAIM_FILES)
                .execute(Tuple.of(worker, stale.toMillis(), limit, BankFileState.BUILT.code(),
                        BankFileState.HANDING_OVER.code()))
                .map(DispatchRepository::rows);
    }

    /** Ends {@code worker}'s hand-over of file {@code id} in {@code to}; with its alert when it is uncertain. */
    Uni<Void> finishHandOver(long id, BankFileState to, String worker, String uncertainMessage) {
        return pool.withTransaction(conn -> conn.preparedQuery(FINISH_FILE)
                .execute(Tuple.of(id, to.code(), worker, BankFileState.HANDED_OVER.code(),
                        BankFileState.HANDING_OVER.code()))
                .chain(() -> uncertainMessage == null
                        ? Uni.createFrom().voidItem()
                        : conn.preparedQuery(AlertRepository.RAISE_FOR_FILE)
                                .execute(Tuple.of("BANK_FILE_UNCERTAIN", id, uncertainMessage))
                                .replaceWithVoid()));
    }

    /** The file as {@code id|account|name|messageId|state|sha256|count|sum|date|handedOverAt}, or null. */
    Uni<String> view(long id) {
        return nativeFirst(VIEW, String.class, id);
    }

    /** The file's state, locked for the rest of the session's transaction; null when there is no such file. */
    Uni<BankFileState> lockState(long id) {
        return nativeFirst(LOCK_STATE, String.class, id).map(state -> state == null ? null : BankFileState.of(state));
    }

    /** A person's settlement of an uncertain file: handed over, or built again (deliver it again). */
    Uni<Void> settle(long id, BankFileState to) {
        return nativeUpdate(SETTLE, id, to.code(), BankFileState.HANDED_OVER.code()).replaceWithVoid();
    }
}
