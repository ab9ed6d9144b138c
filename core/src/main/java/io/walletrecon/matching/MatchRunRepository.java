package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.data.Paging;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every statement over {@code match_runs}. Two kinds of callers: the run's own transaction (a {@link Mutiny.Session},
 * which holds the account's matching lock), and separate autocommit statements on the {@link Pool} for what others
 * must see while the run works (its claim and its progress). State changes are conditional UPDATEs guarded by
 * {@link RunStateMachine#from}, so a late or repeated executor changes nothing.
 */
@ApplicationScoped
public class MatchRunRepository {

    /** A queued run's identity, read before its executor tries the account's lock. */
    record Queued(long id, long accountId, RunState state) {
    }

    /** A run an executor claimed: what it is to do. */
    record Claimed(long id, long accountId, RunKind kind, LocalDate from, LocalDate to, Instant startedAt) {
    }

    /** A run the recovery moved on: it was running or queued, now it is abandoned. */
    record Abandoned(long id, long accountId, RunState was) {
    }

    private static final String INSERT = """
            insert into match_runs (account_id, kind, period_start, period_end, state, requested_by)
            values (?1, ?2, cast(?3 as date), cast(?4 as date), ?5, ?6) returning id""";
    private static final String ACTIVE = "select count(*) from match_runs where account_id = ?1 and state = any(string_to_array(?2, ','))";
    private static final String FIND = "select id, account_id, state from match_runs where id = $1";
    private static final String CLAIM = """
            update match_runs set state = $3, started_at = clock_timestamp(), runner_pid = $2
            where id = $1 and state = any($4::text[])
            returning id, account_id, kind, period_start, period_end, started_at""";
    private static final String REFUSE = """
            update match_runs set state = ?2, error = ?3, finished_at = clock_timestamp()
            where id = ?1 and state = any(string_to_array(?4, ','))""";
    private static final String FAIL = """
            update match_runs set state = ?2, error = ?3, incident_id = cast(?4 as uuid), finished_at = clock_timestamp()
            where id = ?1 and state = any(string_to_array(?5, ','))""";
    private static final String SUCCEED = """
            update match_runs set state = ?2, finished_at = clock_timestamp(), items_processed = items_total, counts = ?3
            where id = ?1 and state = any(string_to_array(?4, ','))""";
    private static final String IDLE_TIMEOUT = "select set_config('idle_in_transaction_session_timeout', ?1, true)";
    /** Tries the account's matching lock (two-key: class, account id) for the caller's transaction. */
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(?1, cast(?2 as int))";
    private static final String BACKEND_PID = "select pg_backend_pid()";
    private static final String TOTAL = "update match_runs set items_total = $2 where id = $1";
    private static final String PROCESSED = "update match_runs set items_processed = $2 where id = $1";
    /**
     * Runs whose process is gone. A running run is alive exactly while its runner's backend holds the account's
     * matching lock (two-key advisory lock: classid = lock class, objid = account id, objsubid = 2) in this database;
     * a queued run is alive until its executor had time enough to start it.
     */
    private static final String ABANDON = """
            with stale as (
              select r.id, r.state from match_runs r
              where (?1 = 0 or r.account_id = ?1)
                and (r.state = ?2 and not exists (
                        select 1 from pg_locks l
                        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                          and l.database = (select oid from pg_database where datname = current_database())
                          and l.classid = cast(cast(?4 as bigint) as oid) and l.objid = cast(r.account_id as oid) and l.pid = r.runner_pid)
                     or r.state = ?3 and r.created_at < now() - cast(?5 as bigint) * interval '1 second')
              for update skip locked)
            update match_runs r set state = ?6, finished_at = clock_timestamp(),
                error = case stale.state when ?2 then ?7 else ?8 end
            from stale where r.id = stale.id
            returning r.id, r.account_id, stale.state""";
    private static final String LAST_INCREMENTAL = """
            select cast(coalesce(extract(epoch from max(started_at)), 0) * 1000000 as bigint) from match_runs
            where account_id = ?1 and kind = ?2 and state = ?3 and id <> ?4""";
    /**
     * Whether an incremental run of the account has anything to look at: a transaction changed or a statement line
     * added since its last succeeded incremental run started (less the overlap), the scope of such a run.
     */
    private static final String CHANGED_SINCE_LAST_INCREMENTAL = """
            with last as (
              select coalesce(max(started_at) - make_interval(secs => ?3), '-infinity'::timestamptz) as at
              from match_runs where account_id = ?1 and kind = ?2 and state = 'succeeded')
            select case when exists (select 1 from transactions t, last where t.account_id = ?1 and t.updated_at > last.at)
                          or exists (select 1 from statement_lines l, last where l.account_id = ?1 and l.created_at > last.at)
                          or exists (select 1 from ledger_entries e, last where e.account_id = ?1 and e.created_at > last.at)
                        then 1 else 0 end""";
    /** A day-end that did not succeed (failed, refused, abandoned) does not count: the next tick runs it again. */
    private static final String DAY_END_DONE = """
            select count(*) from match_runs where account_id = ?1 and kind = ?2 and period_end = ?3
            and state = any(string_to_array(?4, ','))""";
    /** A run as {@link MatchingViews.RunView} reads it (one JSON text per row). */
    private static final String RUNS = """
            select cast(json_build_object('id', r.id, 'account', a.code, 'kind', r.kind, 'periodStart', r.period_start,
                'periodEnd', r.period_end, 'state', r.state, 'requestedBy', r.requested_by, 'itemsTotal', r.items_total,
                'itemsProcessed', r.items_processed, 'counts', cast(r.counts as json), 'error', r.error,
                'incidentId', r.incident_id, 'createdAt', r.created_at, 'startedAt', r.started_at,
                'finishedAt', r.finished_at) as text)
            from match_runs r join accounts a on a.id = r.account_id""";
    private static final String VIEW = RUNS + " where r.id = ?1";
    /** The history's filters: ?1..?4 each null for "any" (company id, account code, state, kind). */
    private static final String HISTORY_FILTER = """
            where (cast(?1 as bigint) is null or a.company_id = cast(?1 as bigint))
              and (cast(?2 as text) is null or a.code = cast(?2 as text))
              and (cast(?3 as text) is null or r.state = cast(?3 as text))
              and (cast(?4 as text) is null or r.kind = cast(?4 as text))""";
    private static final String HISTORY = RUNS + "\n" + HISTORY_FILTER + " order by r.id desc limit ?5 offset ?6";
    private static final String HISTORY_COUNT = "select count(*) from match_runs r join accounts a on a.id = r.account_id\n"
            + HISTORY_FILTER;

    /** What the run history is narrowed to; each null for "any". */
    record HistoryFilter(Long companyId, String account, String state, String kind) {
    }

    static final String ABANDONED_RUNNING = "The run stopped before it finished (its process ended); nothing it did was kept. "
            + "Start the run again; a day-end run is retried by the schedule.";
    static final String ABANDONED_QUEUED = "The run was never started (its executor did not pick it up); nothing was done. "
            + "Start the run again.";

    private final Pool pool;
    private final ObjectMapper json;

    public MatchRunRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * A transaction idle longer than {@code timeout} is ended by PostgreSQL (a frozen executor lets go of its locks).
     */
    Uni<Void> idleTimeout(Mutiny.Session s, Duration timeout) {
        return s.createNativeQuery(IDLE_TIMEOUT, String.class).setParameter(1, timeout.toMillis() + "ms")
                .getSingleResult()
                .replaceWithVoid();
    }

    /**
     * Tries the account's matching lock for the session's transaction: false when a run or a person's match holds it.
     */
    public Uni<Boolean> tryLock(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(TRY_LOCK, Boolean.class).setParameter(1, MatchingRunService.LOCK_CLASS)
                .setParameter(2, accountId)
                .getSingleResult();
    }

    /** The session's backend, which holds the run's locks: how recovery tells a live run from a dead one. */
    Uni<Integer> backendPid(Mutiny.Session s) {
        return s.createNativeQuery(BACKEND_PID, Integer.class).getSingleResult();
    }

    Uni<Long> insert(Mutiny.Session s, long accountId, RunKind kind, LocalDate from, LocalDate to, String actor) {
        return s.createNativeQuery(INSERT, Long.class).setParameter(1, accountId).setParameter(2, kind.code())
                .setParameter(3, from).setParameter(4, to).setParameter(5, RunState.QUEUED.code())
                .setParameter(6, actor)
                .getSingleResult();
    }

    Uni<Long> active(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(ACTIVE, Long.class).setParameter(1, accountId)
                .setParameter(2, codes(RunStateMachine.active())).getSingleResult();
    }

    Uni<Queued> find(long runId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(runId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Queued(r.getLong("id"), r.getLong("account_id"), RunState.of(r.getString("state")));
        });
    }

    /**
     * {@code queued → running} on its own connection, so that everyone sees it at once, by an executor whose
     * transaction (backend {@code runnerPid}) already holds the account's lock. Null when the run was not queued
     * any more (another executor took it, or it was abandoned).
     */
    Uni<Claimed> claim(long runId, int runnerPid) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(runId, runnerPid, RunState.RUNNING.code(),
                        codes(RunStateMachine.from(RunState.RUNNING)).split(",")))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Claimed(r.getLong("id"), r.getLong("account_id"),
                            RunKind.valueOf(r.getString("kind").toUpperCase()),
                            r.getLocalDate("period_start"), r.getLocalDate("period_end"),
                            r.getOffsetDateTime("started_at").toInstant());
                });
    }

    /** {@code queued → refused}: another run or a person's match held the account; false when it was not queued. */
    Uni<Boolean> refuse(Mutiny.Session s, long runId, String error) {
        return s.createNativeQuery(REFUSE).setParameter(1, runId).setParameter(2, RunState.REFUSED.code())
                .setParameter(3, error)
                .setParameter(4, codes(RunStateMachine.from(RunState.REFUSED))).executeUpdate().map(n -> n > 0);
    }

    /** The run stopped on an error: a person-readable text naming {@code incident}; false when its state forbids it. */
    Uni<Boolean> fail(Mutiny.Session s, long runId, String error, UUID incident) {
        return s.createNativeQuery(FAIL).setParameter(1, runId).setParameter(2, RunState.FAILED.code())
                .setParameter(3, error)
                .setParameter(4, incident.toString()).setParameter(5, codes(RunStateMachine.from(RunState.FAILED)))
                .executeUpdate().map(n -> n > 0);
    }

    Uni<Void> succeed(Mutiny.Session s, long runId, RunCounts counts) {
        return s.createNativeQuery(SUCCEED).setParameter(1, runId).setParameter(2, RunState.SUCCEEDED.code())
                .setParameter(3, counts.toJson(json)).setParameter(4, codes(RunStateMachine.from(RunState.SUCCEEDED)))
                .executeUpdate().replaceWithVoid();
    }

    Uni<Void> total(long runId, long items) {
        return pool.preparedQuery(TOTAL).execute(Tuple.of(runId, items)).replaceWithVoid();
    }

    Uni<Void> processed(long runId, long items) {
        return pool.preparedQuery(PROCESSED).execute(Tuple.of(runId, items)).replaceWithVoid();
    }

    /**
     * Marks the runs whose process is gone (of one account, or of all when {@code accountId} is 0) abandoned:
     * running ones whose runner no longer holds the account's lock, queued ones older than {@code startTimeout}.
     */
    Uni<List<Abandoned>> abandonStale(Mutiny.Session s, long accountId, Duration startTimeout) {
        return s.createNativeQuery(ABANDON, Object[].class).setParameter(1, accountId)
                .setParameter(2, RunState.RUNNING.code()).setParameter(3, RunState.QUEUED.code())
                .setParameter(4, (long) MatchingRunService.LOCK_CLASS).setParameter(5, startTimeout.toSeconds())
                .setParameter(6, RunState.ABANDONED.code()).setParameter(7, ABANDONED_RUNNING)
                .setParameter(8, ABANDONED_QUEUED)
                .getResultList()
                .map(rows -> {
                    List<Abandoned> out = new ArrayList<>();
                    for (Object[] r : rows) {
                        out.add(new Abandoned(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                                RunState.of((String) r[2])));
                    }
                    return out;
                });
    }

    /** When the last succeeded incremental run of the account (other than {@code runId}) started; EPOCH when none. */
    Uni<Instant> lastIncrementalStart(Mutiny.Session s, long accountId, long runId) {
        return s.createNativeQuery(LAST_INCREMENTAL, Long.class).setParameter(1, accountId)
                .setParameter(2, RunKind.INCREMENTAL.code())
                .setParameter(3, RunState.SUCCEEDED.code()).setParameter(4, runId).getSingleResult()
                .map(micros -> micros == 0 ? Instant.EPOCH : Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    /** Whether an incremental run of the account would find anything changed since the last one. */
    Uni<Boolean> changedSinceLastIncremental(Mutiny.Session s, long accountId, long overlapSeconds) {
        return s.createNativeQuery(CHANGED_SINCE_LAST_INCREMENTAL, Integer.class).setParameter(1, accountId)
                .setParameter(2, RunKind.INCREMENTAL.code()).setParameter(3, overlapSeconds).getSingleResult()
                .map(changed -> changed == 1);
    }

    /** Whether the account's day-end run of {@code day} is queued, running or succeeded. */
    Uni<Boolean> dayEndDone(Mutiny.Session s, long accountId, LocalDate day) {
        return s.createNativeQuery(DAY_END_DONE, Long.class).setParameter(1, accountId)
                .setParameter(2, RunKind.DAY_END.code())
                .setParameter(3, day)
                .setParameter(4, codes(java.util.EnumSet.of(RunState.QUEUED, RunState.RUNNING, RunState.SUCCEEDED)))
                .getSingleResult().map(n -> n > 0);
    }

    Uni<MatchingViews.RunView> view(Mutiny.Session s, long id) {
        return s.createNativeQuery(VIEW, String.class).setParameter(1, id).getResultList().map(rows -> {
            if (rows.isEmpty()) {
                throw ApiException.notFound("No matching run " + id);
            }
            return NativeQueries.read(json, rows.get(0), MatchingViews.RunView.class);
        });
    }

    /** A page of runs, the latest requested first. */
    Uni<List<MatchingViews.RunView>> history(Mutiny.Session s, HistoryFilter f, int page, int size) {
        return bind(s.createNativeQuery(HISTORY, String.class), f).setParameter(5, size)
                .setParameter(6, Paging.offset(page, size)).getResultList()
                .map(rows -> rows.stream().map(r -> NativeQueries.read(json, r, MatchingViews.RunView.class)).toList());
    }

    Uni<Long> historyCount(Mutiny.Session s, HistoryFilter f) {
        return bind(s.createNativeQuery(HISTORY_COUNT, Long.class), f).getSingleResult();
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> q, HistoryFilter f) {
        return q.setParameter(1, f.companyId()).setParameter(2, f.account()).setParameter(3, f.state())
                .setParameter(4, f.kind());
    }

    /** State codes as one comma-separated bind, read in SQL with {@code string_to_array}. */
    private static String codes(java.util.Collection<RunState> states) {
        return String.join(",", states.stream().map(RunState::code).sorted().toList());
    }
}
