package io.walletrecon.reports.exports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement over {@code report_exports}. The request is recorded in the caller's Hibernate transaction (so
 * that its audit row commits with it, {@code ?n} binds); the run's steps go on the Vert.x pool ({@code $n} binds),
 * each a conditional update whose from-states come from {@link ExportStateMachine}, so a job delivered twice runs
 * once and a finished job never changes again. The blocking methods are for the executor, which runs off the event
 * loop.
 */
@ApplicationScoped
public class ExportRepository {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final String INSERT = "insert into report_exports (id, report, format, parameters, requested_by, state, language) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text))";

    /** $1 id, $2 the running state, $3 the states it may start from. */
    static final String CLAIM = "update report_exports set state = $2, started_at = now() where id = $1 and state = any($3) "
            + "returning report, format, parameters, language";

    static final String ROWS_TOTAL = "update report_exports set rows_total = $2 where id = $1";

    static final String ROWS_WRITTEN = "update report_exports set rows_written = $2 where id = $1";

    /** $1 id, $2 the succeeded state, $3 the states it may come from, then the file. */
    static final String SUCCEED = "update report_exports set state = $2, rows_written = $4, storage_key = $5, file_name = $6, "
            + "content_type = $7, bytes = $8, finished_at = clock_timestamp() where id = $1 and state = any($3)";

    /** $1 id, $2 the failed state, $3 the states it may come from, $4 the error. */
    static final String FAIL = "update report_exports set state = $2, error = $4, finished_at = clock_timestamp() where id = $1 and state = any($3)";

    static final String SELECT = "select id, report, format, state, rows_total, rows_written, file_name, content_type, bytes, error, "
            + "created_at, finished_at, storage_key from report_exports where id = $1";

    private final Pool pool;

    public ExportRepository(Pool pool) {
        this.pool = pool;
    }

    /** An export job as stored. */
    public record Export(UUID id, String report, String format, ExportState state, Long rowsTotal, long rowsWritten,
            String fileName,
            String contentType, Long bytes, String error, OffsetDateTime createdAt, OffsetDateTime finishedAt,
            String storageKey) {
    }

    /** What a claimed job runs; {@code language} the tag its labels were asked in, null when none was. */
    public record Claimed(String report, String format, String parameters, String language) {
    }

    /** Records a queued job in the caller's transaction. */
    public Uni<Void> insert(UUID id, String report, String format, String parameters, String actor,
            String language) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter(1, id).setParameter(2, report).setParameter(3, format).setParameter(4, parameters)
                .setParameter(5, actor).setParameter(6, ExportState.QUEUED.code()).setParameter(7, language)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Export>> find(UUID id) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(export(it.next())) : Optional.empty();
        });
    }

    /** Claims a queued job for one executor (blocking); empty when another has it or it is no longer queued. */
    public Optional<Claimed> claim(UUID id) {
        var rows = pool.preparedQuery(CLAIM)
                .execute(Tuple.of(id, ExportState.RUNNING.code(), codesInto(ExportState.RUNNING)))
                .await().atMost(WAIT);
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Claimed(r.getString("report"), r.getString("format"), r.getString("parameters"),
                r.getString("language")));
    }

    public void rowsTotal(UUID id, long total) {
        pool.preparedQuery(ROWS_TOTAL).execute(Tuple.of(id, total)).await().atMost(WAIT);
    }

    public void rowsWritten(UUID id, long written) {
        pool.preparedQuery(ROWS_WRITTEN).execute(Tuple.of(id, written)).await().atMost(WAIT);
    }

    public void succeed(UUID id, long rows, String storageKey, String fileName, String contentType, long bytes) {
        pool.preparedQuery(SUCCEED)
                .execute(Tuple
                        .from(new Object[]{id, ExportState.SUCCEEDED.code(), codesInto(ExportState.SUCCEEDED), rows,
                                storageKey, fileName, contentType, bytes}))
                .await().atMost(WAIT);
    }

    /** Fails a job that has not finished; a finished one stays as it is. */
    public Uni<Void> fail(UUID id, String error) {
        return pool.preparedQuery(FAIL)
                .execute(Tuple.of(id, ExportState.FAILED.code(), codesInto(ExportState.FAILED), error))
                .replaceWithVoid();
    }

    /** Fails a job still waiting for its executor (it could not be handed over). */
    public Uni<Void> failQueued(UUID id, String error) {
        return pool.preparedQuery(FAIL)
                .execute(Tuple.of(id, ExportState.FAILED.code(), new String[]{ExportState.QUEUED.code()}, error))
                .replaceWithVoid();
    }

    private static String[] codesInto(ExportState to) {
        return ExportStateMachine.from(to).stream().map(ExportState::code).toArray(String[]::new);
    }

    private static Export export(Row r) {
        return new Export(r.getUUID("id"), r.getString("report"), r.getString("format"),
                ExportState.of(r.getString("state")),
                r.getLong("rows_total"), r.getLong("rows_written"), r.getString("file_name"),
                r.getString("content_type"), r.getLong("bytes"),
                r.getString("error"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("finished_at"),
                r.getString("storage_key"));
    }
}
