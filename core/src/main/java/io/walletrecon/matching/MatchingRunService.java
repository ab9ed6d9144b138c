package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.background.BackgroundJob;
import io.walletrecon.background.BackgroundWork;
import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.periods.PeriodLockGuard;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matching runs: requested by a person, the scheduler or the {@code matching} Lambda; executed in one transaction
 * under the account's advisory lock, so that two runs of one account never interleave (the second is refused) and a
 * run's matches, receivable payments and exceptions commit together or not at all.
 *
 * <p>Liveness: a run is {@code running} only while its executor's transaction holds the account's lock (it claims
 * the run after taking the lock). A process that dies takes its connection, its transaction (rolled back) and the
 * lock with it; {@link #recover} then marks the run {@code abandoned}, and the next request or tick goes ahead.
 * Lock order inside a run: the account's matching lock (tried), the receivables lock of its company's currencies
 * (waited
 * for, in key order), and the audit chain's lock last, by appending the run's audit rows as its final statements.
 */
@ApplicationScoped
public class MatchingRunService {

    private static final Logger LOG = Logger.getLogger(MatchingRunService.class);

    /**
     * Advisory lock class of matching ("matc"); the object id is the account id. Manual match actions use it too, and
     * so does the review that locks a period.
     */
    public static final int LOCK_CLASS = 0x6d617463;
    /** Incremental runs re-read this much before the last one started: a row committed late is seen, twice at worst. */
    static final long INCREMENTAL_OVERLAP_SECONDS = 300;
    static final int MAX_PERIOD_DAYS = 366;
    static final String REFUSED = "Another matching run of this account is in progress; this one did nothing";
    static final String ACTOR = "matching";

    private final AccountService accounts;
    private final AccountRepository accountRepository;
    private final MatchingConfigService configs;
    private final MatchRulesRepository rules;
    private final MatchRunRepository runs;
    private final AuditLog audit;
    private final CollectionCodeService collectionCodes;
    private final RunSettings settings;
    private final BackgroundWork background;
    private final PeriodLockGuard periods;

    public MatchingRunService(AccountService accounts, AccountRepository accountRepository,
            MatchingConfigService configs,
            MatchRulesRepository rules, MatchRunRepository runs, AuditLog audit,
            CollectionCodeService collectionCodes, RunSettings settings, BackgroundWork background,
            PeriodLockGuard periods) {
        this.periods = periods;
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.configs = configs;
        this.rules = rules;
        this.runs = runs;
        this.audit = audit;
        this.collectionCodes = collectionCodes;
        this.settings = settings;
        this.background = background;
    }

    /**
     * A person starts a run: it is queued, and once that has committed it is handed to the background work that
     * executes
     * it (the server's worker pool, or the jobs function in the cloud). Refused (409) while another run of the account
     * is
     * queued or running. A hand-over that fails fails the run, with an incident, and the queued run is still answered.
     */
    public Uni<MatchingViews.RunView> start(String accountCode, LocalDate from, LocalDate to, String actor) {
        return Panache.withTransaction(() -> queue(accountCode, RunKind.MANUAL, from, to, actor)).map(request -> {
            if (request.accountBusy()) {
                throw ApiException.conflict("A matching run of account '" + accountCode
                        + "' is already queued or running; wait for it to finish");
            }
            return request.run();
        })
                .call(run -> background.submit(BackgroundJob.matchingRun(run.id()))
                        .onFailure().call(e -> recordFailure(run.id(), e)).onFailure().recoverWithNull());
    }

    /** What asking for a run gives: the queued run, or none because the account is busy with another run. */
    record RunRequest(MatchingViews.RunView run) {
        static final RunRequest ACCOUNT_BUSY = new RunRequest(null);

        boolean accountBusy() {
            return run == null;
        }
    }

    /**
     * Real-time matching ({@link RealTimeMatching}): an incremental run of the account queued and executed here at
     * once, its final state; null when another run holds the account.
     */
    public Uni<MatchingViews.RunView> incrementalNow(String accountCode) {
        return runIfFree(accountCode, RunKind.INCREMENTAL, null, null, RealTimeMatching.ACTOR);
    }

    /** Queues a run and executes it here, returning its final state; null when another run holds the account. */
    private Uni<MatchingViews.RunView> runIfFree(String accountCode, RunKind kind, LocalDate from, LocalDate to,
            String actor) {
        return Panache.withTransaction(() -> queue(accountCode, kind, from, to, actor))
                .chain(request -> request.accountBusy() ? Uni.createFrom().nullItem() : execute(request.run().id()));
    }

    private Uni<RunRequest> queue(String accountCode, RunKind kind, LocalDate from, LocalDate to, String actor) {
        checkPeriod(kind, from, to);
        return accounts.require(accountCode).chain(account -> Panache.getSession()
                .chain(s -> runs.abandonStale(s, account.id, settings.startTimeout())
                        .chain(abandoned -> runs.active(s, account.id).chain(active -> active > 0
                                ? recordAbandoned(abandoned).replaceWith(RunRequest.ACCOUNT_BUSY)
                                : runs.insert(s, account.id, kind, from, to, actor)
                                        // The audit rows come last: the chain's lock is held from the first append until commit.
                                        .call(() -> recordAbandoned(abandoned))
                                        .call(id -> audit.record(actor, "matching.run.requested", "match_run", id, null,
                                                Map.of("account", accountCode, "kind", kind.code(), "from",
                                                        String.valueOf(from), "to", String.valueOf(to))))
                                        .chain(id -> runs.view(s, id)).map(RunRequest::new)))));
    }

    private static void checkPeriod(RunKind kind, LocalDate from, LocalDate to) {
        if (!kind.full()) {
            return;
        }
        List<ProblemError> errors = new ArrayList<>();
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
        Validation.refuseIfAny(errors);
    }

    /**
     * Executes a queued run. Never throws for a failed run: the failure is recorded on the run as a stable text
     * with an incident id, and the exception itself goes to the log under that id. Executing a run that is not
     * queued (already taken, finished or abandoned) changes nothing.
     */
    public Uni<MatchingViews.RunView> execute(long runId) {
        return runs.find(runId).chain(run -> run == null || run.state() != RunState.QUEUED
                ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> Panache.getSession().chain(s -> lockedRun(s, run)))
                        .onFailure().recoverWithUni(e -> recordFailure(runId, e)))
                .chain(() -> get(runId));
    }

    private Uni<Void> lockedRun(Mutiny.Session s, MatchRunRepository.Queued run) {
        return runs.idleTimeout(s, settings.idleTimeout())
                .chain(() -> runs.tryLock(s, run.accountId()))
                .chain(locked -> !locked
                        ? runs.refuse(s, run.id(), REFUSED).replaceWithVoid()
                        : runs.backendPid(s).chain(pid -> runs.claim(run.id(), pid))
                                // Not claimed: another executor took it, or recovery abandoned it; this transaction did nothing.
                                .chain(claimed -> claimed == null ? Uni.createFrom().voidItem() : work(s, claimed)));
    }

    private Uni<Void> work(Mutiny.Session s, MatchRunRepository.Claimed run) {
        // Payments whose memo carries a customer's collection code, or whose payer is a known identity, are linked to
        // their customer first, so that the payer + amount rules see them.
        return collectionCodes.link(run.accountId()).chain(linked -> accountRepository.findById(run.accountId())
                .chain(account -> configs.load(account)
                        .chain(config -> context(s, run, account, config))
                        .chain(ctx -> rules.run(s, ctx, progress(run.id())))
                        .call(counts -> runs.succeed(s, run.id(), counts))
                        .call(() -> collectionCodes.recordLinked(run.accountId(), linked, ACTOR))
                        .call(counts -> recordFromBill(run.id(), account.code, counts))
                        .call(counts -> recordOrdersFromBank(run.id(), account.code, counts))
                        .call(counts -> audit.record(ACTOR, "matching.run.completed", "match_run", run.id(), null,
                                Map.of("account", account.code, "kind", run.kind().code(), "matches", counts.matches,
                                        "exceptions", counts.exceptions)))))
                .replaceWithVoid();
    }

    /** The audit rows of what the run recorded on transactions from the provider's bill, when it did. */
    private Uni<Void> recordFromBill(long runId, String accountCode, RunCounts counts) {
        Uni<Void> learnt = !counts.learntAny()
                ? Uni.createFrom().voidItem()
                : audit.record(ACTOR, "transactions.recorded-from-bill", "match_run", runId,
                        "in the provider's bill but never notified",
                        Map.of("account", accountCode, "count", counts.fromBill.get("count"), "transactionIds",
                                counts.fromBill.get("ids")))
                        .replaceWithVoid();
        return learnt.chain(() -> !counts.feesAny()
                ? Uni.createFrom().voidItem()
                : audit.record(ACTOR, "transactions.fees-from-bill", "match_run", runId,
                        "the provider's bill states the fee it kept", Map.of("account", accountCode, "filled",
                                counts.feesFromBill.get("filled"), "corrected", counts.feesFromBill.get("corrected"),
                                "corrections", counts.feesFromBill.get("corrections")))
                        .replaceWithVoid());
    }

    /** The audit row of the payment orders the bank's lines completed or returned in the run, when there are any. */
    private Uni<Void> recordOrdersFromBank(long runId, String accountCode, RunCounts counts) {
        return counts.ordersFromBank.isEmpty()
                ? Uni.createFrom().voidItem()
                : audit.record(ACTOR, "payments.settled-by-bank-statement", "match_run", runId,
                        "the bank statement shows the debit (completed) or the money coming back (returned)",
                        Map.of("account", accountCode, "orders", counts.ordersFromBank)).replaceWithVoid();
    }

    /** The failure, with its cause, goes to the log under a new incident id; the run shows a stable text naming it. */
    private Uni<Void> recordFailure(long runId, Throwable e) {
        UUID incident = UUID.randomUUID();
        LOG.errorf(e, "matching run %d failed: incident %s", runId, incident);
        String text = e instanceof ApiException api
                ? api.getMessage() + " (incident " + incident + ")"
                : failureText(incident);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> runs.fail(s, runId, text, incident)
                .call(failed -> !failed
                        ? Uni.createFrom().voidItem()
                        : audit.record(ACTOR, "matching.run.failed", "match_run", runId, text,
                                Map.of("incident", incident.toString())))))
                .onFailure()
                .invoke(e2 -> LOG.errorf(e2, "matching run %d: its failure (incident %s) could not be recorded", runId,
                        incident))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** What a person reads when a run failed on something other than their input. */
    static String failureText(UUID incident) {
        return "The matching run failed on an internal error and changed nothing. Run it again; if it fails again, report incident "
                + incident + " to your administrator.";
    }

    private Uni<RunContext> context(Mutiny.Session s, MatchRunRepository.Claimed run, Account account,
            MatchingConfig config) {
        Uni<Long> settlement = config.settlementAccount() == null
                ? Uni.createFrom().nullItem()
                : accountRepository.findByCode(config.settlementAccount()).map(a -> a == null ? null : a.id);
        Uni<Instant> since = run.kind().full()
                ? Uni.createFrom().item(Instant.EPOCH)
                : runs.lastIncrementalStart(s, account.id, run.id())
                        .map(last -> last.equals(Instant.EPOCH)
                                ? last
                                : last.minusSeconds(INCREMENTAL_OVERLAP_SECONDS));
        LocalDate today = LocalDate.ofInstant(run.startedAt(), account.zone());
        LocalDate from = run.from() == null ? today : run.from();
        LocalDate to = run.to() == null ? today : run.to();
        return settlement.chain(settlementId -> since.chain(sinceAt -> periods.firstOpenDay(s, account.id)
                .map(open -> new RunContext(account.id, account.companyId, run.id(), account.provider.code(),
                        account.currency, run.kind().full(), from, to, to, sinceAt, config, settlementId, open))));
    }

    private MatchRulesRepository.Progress progress(long runId) {
        return new MatchRulesRepository.Progress() {
            @Override
            public Uni<Void> total(long items) {
                return runs.total(runId, items);
            }

            @Override
            public Uni<Void> processed(long items) {
                return runs.processed(runId, items);
            }
        };
    }

    @WithSession
    public Uni<MatchingViews.RunView> get(long id) {
        return Panache.getSession().chain(s -> runs.view(s, id));
    }

    /**
     * Marks every run whose process is gone {@code abandoned} (see the class comment) and audits it. The scheduler
     * calls it on every tick, and a request for an account does the same for that account first.
     */
    public Uni<List<Long>> recover() {
        return Panache
                .withTransaction(() -> Panache.getSession().chain(s -> runs.abandonStale(s, 0, settings.startTimeout()))
                        .call(this::recordAbandoned))
                .map(list -> list.stream().map(MatchRunRepository.Abandoned::id).toList());
    }

    private Uni<Void> recordAbandoned(List<MatchRunRepository.Abandoned> abandoned) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MatchRunRepository.Abandoned a : abandoned) {
            LOG.warnf("matching run %d of account %d was %s without a live executor: marked abandoned", a.id(),
                    a.accountId(), a.was().code());
            chain = chain.chain(() -> audit.record(ACTOR, "matching.run.abandoned", "match_run", a.id(),
                    a.was() == RunState.RUNNING
                            ? MatchRunRepository.ABANDONED_RUNNING
                            : MatchRunRepository.ABANDONED_QUEUED,
                    Map.of("was", a.was().code())).replaceWithVoid());
        }
        return chain;
    }

    /**
     * One scheduler tick: first {@link #recover}, then {@code incremental} runs every account (wallet or bank) over
     * what
     * changed; {@code day_end} runs each account whose configured local day-end time has passed today and whose
     * day-end run of today has not succeeded and is not under way (so an abandoned or failed one is retried).
     */
    public Uni<List<MatchingViews.RunView>> scheduled(RunKind kind, Instant now) {
        if (!(kind == RunKind.INCREMENTAL || kind == RunKind.DAY_END)) {
            throw new IllegalArgumentException("a scheduled run is incremental or day_end, not " + kind.code());
        }
        return recover().chain(() -> Panache.withSession(() -> accountRepository.listAll())).chain(all -> {
            Uni<List<MatchingViews.RunView>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Account account : all.stream().sorted(Comparator.comparing(a -> a.id)).toList()) {
                chain = chain.chain(done -> due(account, kind, now).chain(due -> {
                    if (!due) {
                        return Uni.createFrom().item(done);
                    }
                    LocalDate day = LocalDate.ofInstant(now, account.zone());
                    LocalDate from = kind == RunKind.DAY_END ? day : null;
                    return runIfFree(account.code, kind, from, from, "scheduler")
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

    private Uni<Boolean> due(Account account, RunKind kind, Instant now) {
        if (kind == RunKind.INCREMENTAL) {
            // Nothing changed since the last incremental run: it would look at nothing, so it is not started (an
            // idle account costs one query per tick, not a run). Absence exceptions belong to full runs anyway.
            return Panache.withSession(() -> Panache.getSession()
                    .chain(s -> runs.changedSinceLastIncremental(s, account.id, INCREMENTAL_OVERLAP_SECONDS)));
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, account.zone());
        return Panache.withSession(() -> configs.load(account).chain(config -> {
            if (local.toLocalTime().isBefore(config.dayEndTime())) {
                return Uni.createFrom().item(false);
            }
            return Panache.getSession().chain(s -> runs.dayEndDone(s, account.id, local.toLocalDate()))
                    .map(done -> !done);
        }));
    }
}
