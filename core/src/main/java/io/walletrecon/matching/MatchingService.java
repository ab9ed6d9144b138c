package io.walletrecon.matching;

import io.walletrecon.customers.CollectionCodeService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Matching runs: requested by a person, the scheduler or the {@code matching} Lambda; executed in one
 * transaction under the account's advisory lock, so that two runs of one account never interleave (the second is
 * refused) and a run's matches, receivable updates and exceptions commit together or not at all.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);

    /** Advisory lock class of matching ("matc"); the object id is the account id. Manual match actions use it too. */
    static final int LOCK_CLASS = 0x6d617463;
    /** Incremental runs re-read this much before the last one started: a row committed late is seen, twice at worst. */
    static final long INCREMENTAL_OVERLAP_SECONDS = 300;
    static final int MAX_PERIOD_DAYS = 366;

    private final AccountService accounts;
    private final AccountRepository accountRepository;
    private final MatchingConfigService configs;
    private final MatchRulesRepository rules;
    private final AuditLog audit;
    private final Pool pool;
    private final ObjectMapper json;
    private final CollectionCodeService collectionCodes;

    public MatchingService(AccountService accounts, AccountRepository accountRepository, MatchingConfigService configs,
                           MatchRulesRepository rules, AuditLog audit, Pool pool, ObjectMapper json,
                           CollectionCodeService collectionCodes) {
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.configs = configs;
        this.rules = rules;
        this.audit = audit;
        this.pool = pool;
        this.json = json;
        this.collectionCodes = collectionCodes;
    }

    /** Queues a run; {@link #execute} does the work. 409 while another run of the account is queued or running. */
    @WithTransaction
    public Uni<MatchingViews.RunView> request(String accountCode, String kind, LocalDate from, LocalDate to, String actor) {
        return queue(accountCode, kind, from, to, actor);
    }

    private Uni<MatchingViews.RunView> queue(String accountCode, String kind, LocalDate from, LocalDate to, String actor) {
        List<ProblemError> errors = new ArrayList<>();
        if (!kind.equals("incremental")) {
            if (from == null) {
                errors.add(ProblemError.field("from", "is required"));
            }
            if (to == null) {
                errors.add(ProblemError.field("to", "is required"));
            }
            if (from != null && to != null && from.isAfter(to)) {
                errors.add(ProblemError.field("from", "must not be after to"));
            }
            if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
                errors.add(ProblemError.field("to", "a run covers at most " + MAX_PERIOD_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return accounts.require(accountCode).chain(account -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select count(*) from match_runs where account_id = ?1 and state in ('queued', 'running')
                        and created_at > now() - interval '1 hour'""", Long.class).setParameter(1, account.id).getSingleResult()
                .chain(active -> {
                    if (active > 0) {
                        throw ApiException.conflict("A matching run of account '" + accountCode
                                + "' is already queued or running; wait for it to finish (GET /matching/runs/{id})");
                    }
                    return s.createNativeQuery("""
                                    insert into match_runs (account_id, kind, period_start, period_end, state, requested_by)
                                    values (?1, ?2, %s, %s, 'queued', ?3) returning id"""
                                    .formatted(from == null ? "null" : "date '" + from + "'", to == null ? "null" : "date '" + to + "'"),
                            Long.class)
                            .setParameter(1, account.id).setParameter(2, kind).setParameter(3, actor).getSingleResult();
                })
                .call(id -> audit.record(actor, "matching.run.requested", "match_run", id, null,
                        java.util.Map.of("account", accountCode, "kind", kind, "from", String.valueOf(from), "to", String.valueOf(to))))
                .chain(id -> view(s, id))));
    }

    /** Requests and executes a run, returning its final state (refused if another run holds the account). */
    public Uni<MatchingViews.RunView> runNow(String accountCode, String kind, LocalDate from, LocalDate to, String actor) {
        return Panache.withTransaction(() -> queue(accountCode, kind, from, to, actor)).chain(v -> execute(v.id()));
    }

    /** Executes a queued run. Never throws for a failed run: the failure is recorded on the run. */
    public Uni<MatchingViews.RunView> execute(long runId) {
        return pool.preparedQuery("""
                        update match_runs set state = 'running', started_at = now() where id = $1 and state = 'queued'
                        returning account_id, kind, period_start, period_end, started_at""")
                .execute(Tuple.of(runId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    long accountId = row.getLong("account_id");
                    String kind = row.getString("kind");
                    LocalDate from = row.getLocalDate("period_start");
                    LocalDate to = row.getLocalDate("period_end");
                    Instant startedAt = row.getOffsetDateTime("started_at").toInstant();
                    return Panache.withTransaction(() -> locked(runId, accountId, kind, from, to, startedAt))
                            .onFailure().recoverWithUni(e -> {
                                LOG.errorf(e, "matching run %d failed", runId);
                                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                                return pool.preparedQuery("update match_runs set state = 'failed', error = $2, finished_at = now() where id = $1")
                                        .execute(Tuple.of(runId, message.length() > 2000 ? message.substring(0, 2000) : message))
                                        .replaceWithVoid();
                            });
                })
                .chain(() -> Panache.withSession(() -> Panache.getSession().chain(s -> view(s, runId))));
    }

    private Uni<Void> locked(long runId, long accountId, String kind, LocalDate from, LocalDate to, Instant startedAt) {
        return Panache.getSession().chain(s -> tryLock(s, accountId).chain(locked -> {
            if (!locked) {
                return MatchRulesRepository.exec(s, """
                        update match_runs set state = 'refused', finished_at = now(),
                            error = 'Another matching run of this account is in progress; this one did nothing'
                        where id = %d""".formatted(runId));
            }
            // Payments whose memo carries a customer's collection code, or whose payer is a known identity, are
            // linked to their customer first, so that the payer + amount rules see them.
            return collectionCodes.linkTransactions(accountId, "matching")
                    .chain(() -> accountRepository.findById(accountId)).chain(account -> configs.load(account)
                    .chain(config -> context(s, runId, account, kind, from, to, config, startedAt))
                    .chain(ctx -> rules.run(s, ctx, progress(runId)))
                    .chain(counts -> MatchRulesRepository.exec(s, """
                                    update match_runs set state = 'succeeded', finished_at = now(), items_processed = items_total,
                                        counts = '%s' where id = %d""".formatted(counts.toJson(json).replace("'", "''"), runId))
                            .call(() -> audit.record("matching", "matching.run.completed", "match_run", runId, null,
                                    java.util.Map.of("account", account.code, "kind", kind, "matches", counts.matches,
                                            "exceptions", counts.exceptions)))));
        }));
    }

    static Uni<Boolean> tryLock(Mutiny.Session s, long accountId) {
        return s.createNativeQuery("select pg_try_advisory_xact_lock(%d, cast(%d as int))".formatted(LOCK_CLASS, accountId), Boolean.class)
                .getSingleResult();
    }

    private Uni<RunContext> context(Mutiny.Session s, long runId, Account account, String kind, LocalDate from, LocalDate to,
                                    MatchingConfig config, Instant startedAt) {
        Uni<Long> settlement = config.settlementAccount() == null ? Uni.createFrom().nullItem()
                : accountRepository.findByCode(config.settlementAccount()).map(a -> a == null ? null : a.id);
        Uni<Instant> since = kind.equals("incremental")
                ? s.createNativeQuery("""
                        select cast(coalesce(extract(epoch from max(started_at)), 0) * 1000000 as bigint) from match_runs
                        where account_id = ?1 and kind = 'incremental' and state = 'succeeded' and id <> ?2""", Long.class)
                .setParameter(1, account.id).setParameter(2, runId).getSingleResult()
                .map(micros -> micros == 0 ? Instant.EPOCH
                        : Instant.EPOCH.plus(micros, ChronoUnit.MICROS).minusSeconds(INCREMENTAL_OVERLAP_SECONDS))
                : Uni.createFrom().item(Instant.EPOCH);
        LocalDate today = LocalDate.ofInstant(startedAt, account.zone());
        return settlement.chain(settlementId -> since.map(sinceAt -> new RunContext(account.id, runId, account.provider.code(),
                account.currency, !kind.equals("incremental"), from == null ? today : from, to == null ? today : to,
                to == null ? today : to, sinceAt, config, settlementId)));
    }

    private MatchRulesRepository.Progress progress(long runId) {
        return new MatchRulesRepository.Progress() {
            @Override
            public Uni<Void> total(long items) {
                return pool.preparedQuery("update match_runs set items_total = $2 where id = $1")
                        .execute(Tuple.of(runId, items)).replaceWithVoid();
            }

            @Override
            public Uni<Void> processed(long items) {
                return pool.preparedQuery("update match_runs set items_processed = $2 where id = $1")
                        .execute(Tuple.of(runId, items)).replaceWithVoid();
            }
        };
    }

    @WithSession
    public Uni<MatchingViews.RunView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id));
    }

    private Uni<MatchingViews.RunView> view(Mutiny.Session s, long id) {
        return s.createNativeQuery("""
                        select cast(json_build_object('id', r.id, 'account', a.code, 'kind', r.kind, 'periodStart', r.period_start,
                            'periodEnd', r.period_end, 'state', r.state, 'requestedBy', r.requested_by, 'itemsTotal', r.items_total,
                            'itemsProcessed', r.items_processed, 'counts', cast(r.counts as json), 'error', r.error,
                            'createdAt', r.created_at, 'startedAt', r.started_at, 'finishedAt', r.finished_at) as text)
                        from match_runs r join accounts a on a.id = r.account_id where r.id = ?1""", String.class)
                .setParameter(1, id).getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("No matching run " + id);
                    }
                    return read(rows.get(0), MatchingViews.RunView.class);
                });
    }

    /**
     * One scheduler tick: {@code incremental} runs every wallet account over what changed; {@code day_end} runs
     * each account whose configured local day-end time has passed today and that has no day-end run for today yet.
     */
    public Uni<List<MatchingViews.RunView>> scheduled(String kind, Instant now) {
        return Panache.withSession(() -> accountRepository.listAll()).chain(all -> {
            Uni<List<MatchingViews.RunView>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Account account : all.stream().sorted(java.util.Comparator.comparing(a -> a.id)).toList()) {
                if ("bank".equals(account.provider.code())) {
                    continue;
                }
                chain = chain.chain(done -> due(account, kind, now).chain(due -> {
                    if (!due) {
                        return Uni.createFrom().item(done);
                    }
                    LocalDate day = LocalDate.ofInstant(now, account.zone());
                    LocalDate from = kind.equals("day_end") ? day : null;
                    return runNow(account.code, kind, from, from, "scheduler")
                            .onFailure(ApiException.class).recoverWithNull()
                            .map(v -> {
                                if (v != null) {
                                    done.add(v);
                                }
                                return done;
                            });
                }));
            }
            return chain;
        });
    }

    private Uni<Boolean> due(Account account, String kind, Instant now) {
        if (kind.equals("incremental")) {
            return Uni.createFrom().item(true);
        }
        ZoneId zone = account.zone();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        return Panache.withSession(() -> configs.load(account).chain(config -> {
            if (local.toLocalTime().isBefore(config.dayEndTime())) {
                return Uni.createFrom().item(false);
            }
            return Panache.getSession().chain(s -> s.createNativeQuery("""
                            select count(*) from match_runs where account_id = ?1 and kind = 'day_end'
                            and period_end = date '%s' and state in ('queued', 'running', 'succeeded')""".formatted(local.toLocalDate()),
                    Long.class).setParameter(1, account.id).getSingleResult()).map(n -> n == 0);
        }));
    }

    <T> T read(String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable row", e);
        }
    }
}
