package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends scheduled payments exactly once.
 *
 * <ol>
 * <li><b>Claim</b> (one transaction, {@link DispatchClaims}): due jobs and their orders, the balance and risk checks,
 * SUBMITTED and a lease long enough for the whole batch. A batch that cannot be claimed (one order's data breaks a
 * check) is claimed one order at a time, and the order that fails is held alone ({@code DISPATCH_ERROR}).</li>
 * <li><b>Send</b> (no transaction open): each order goes to the provider with its own idempotency key,
 * {@code concurrency} at a time.</li>
 * <li><b>Record</b>: each answer is committed as it comes, in groups of at most {@value #RECORD_GROUP} answers or
 * {@code RECORD_WAIT} apart: attempts, provider ids, retries with backoff, {@link PaymentState#UNKNOWN} after the last
 * ambiguous answer ({@link ResendRule}), final failures.</li>
 * </ol>
 * A dispatcher that dies between send and record leaves a leased job; once the lease runs out another dispatcher
 * claims it and sends again with the same key (within the re-send caps), and the provider answers with the first
 * result.
 */
@ApplicationScoped
public class DispatchService {

    private static final Logger LOG = Logger.getLogger(DispatchService.class);
    static final int RECORD_GROUP = 16;
    static final Duration RECORD_WAIT = Duration.ofMillis(50);
    /** Bank-file claims call no provider: they take this many batches' worth at once. */
    static final int BANK_BATCH_FACTOR = 5;

    private final DispatchRepository repo;
    private final DispatchClaims claims;
    private final PaymentProvider provider;
    private final AlertService alerts;
    private final DispatchAnswers recorder;
    private final BankFileService bankFiles;
    private final DispatchConfig config;
    private final DispatchTiming timing;
    private final String worker = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);

    public DispatchService(DispatchRepository repo, DispatchClaims claims, PaymentProvider provider,
            AlertService alerts,
            DispatchAnswers recorder, BankFileService bankFiles, DispatchConfig config) {
        this.repo = repo;
        this.claims = claims;
        this.provider = provider;
        this.alerts = alerts;
        this.recorder = recorder;
        this.bankFiles = bankFiles;
        this.config = config;
        this.timing = DispatchTiming.of(config);
    }

    /** What one dispatcher run did. */
    @RegisterForReflection
    public record DispatchRun(int claimed, int sent, int accepted, int retrying, int failed, int held, int bankFiles) {

        public static final DispatchRun NONE = new DispatchRun(0, 0, 0, 0, 0, 0, 0);

        public DispatchRun plus(DispatchRun o) {
            return new DispatchRun(claimed + o.claimed, sent + o.sent, accepted + o.accepted, retrying + o.retrying,
                    failed + o.failed, held + o.held, bankFiles + o.bankFiles);
        }
    }

    /** Claims (a batch, or one order when {@code onlyPaymentId} is set) in a transaction of its own. */
    @FunctionalInterface
    interface Claimer {
        Uni<DispatchClaims.Claim> claim(Long onlyPaymentId, int limit);
    }

    /** One batch with the server's soft budget. */
    public Uni<DispatchRun> dispatchDue() {
        return dispatchDue(CycleBudget.soft(config.cycleBudget()));
    }

    /**
     * Claims and sends one batch of HTTP-provider orders, then one batch of bank-file orders, within {@code budget}.
     */
    public Uni<DispatchRun> dispatchDue(CycleBudget budget) {
        int limit = budget.claimLimit(timing);
        if (limit == 0) {
            return Uni.createFrom().item(DispatchRun.NONE);
        }
        Claimer stripe = (only, n) -> repo
                .inTransaction(tx -> claims.claimIn(tx, DispatchChannel.STRIPE.code(), n, only, worker, null));
        return claimOrIsolate(DispatchChannel.STRIPE.code(), limit, stripe)
                .chain(claim -> sendAndRecord(claim.toSend())
                        .map(run -> new DispatchRun(claim.claimed(), claim.toSend().size(), run.accepted(),
                                run.retrying(), run.failed(), claim.held(), 0)))
                .chain(run -> budget.timeLeft().compareTo(config.safetyMargin()) <= 0 && budget.hard()
                        ? Uni.createFrom().item(run)
                        : buildBankFiles().map(run::plus).chain(all -> bankFiles.handOver(worker).replaceWith(all)));
    }

    /**
     * Due supplier payments: claimed with the same checks as every dispatch, their pain.001 files built in the claim's
     * transaction.
     */
    private Uni<DispatchRun> buildBankFiles() {
        java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        Claimer bank = (only, n) -> repo
                .inTransaction(tx -> claims.claimIn(tx, DispatchChannel.BANK_FILE.code(), n, only, worker,
                        submitted -> bankFiles.build(tx, submitted).invoke(files::addAndGet).replaceWithVoid()));
        return claimOrIsolate(DispatchChannel.BANK_FILE.code(), config.batchSize() * BANK_BATCH_FACTOR, bank)
                .map(claim -> new DispatchRun(claim.claimed(), claim.toSend().size(), claim.toSend().size(), 0, 0,
                        claim.held(), files.get()));
    }

    /** Step 1 on its own: claim due jobs of a channel and run the pre-send checks, in one transaction. */
    public Uni<DispatchClaims.Claim> claim(String channel, int limit) {
        return repo.inTransaction(tx -> claims.claimIn(tx, channel, limit, null, worker, null));
    }

    /**
     * Claims a batch; when the batch cannot be claimed (an order whose data breaks a check, a value no query can
     * handle), claims the due orders one by one instead, and holds each one that still fails, alone, so that one
     * poisoned row never stops the queue.
     */
    Uni<DispatchClaims.Claim> claimOrIsolate(String channel, int limit, Claimer claimer) {
        return claimer.claim(null, limit).onFailure().recoverWithUni(e -> {
            LOG.warnf(e, "claiming a batch of %s payments failed; claiming them one by one", channel);
            return repo.dueIds(channel, limit).chain(ids -> Multi.createFrom().iterable(ids)
                    .onItem().transformToUniAndConcatenate(id -> claimer.claim(id, 1)
                            .onFailure().retry().atMost(1)
                            .onFailure().recoverWithUni(err -> block(id, err)))
                    .collect().asList()
                    .map(list -> list.stream().reduce(DispatchClaims.Claim.NONE, DispatchClaims.Claim::plus)));
        });
    }

    /**
     * Holds one order that cannot be dispatched: its job blocked, the order HELD for DISPATCH_ERROR (if not sent yet),
     * an alert.
     */
    private Uni<DispatchClaims.Claim> block(long id, Throwable error) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(error, "payment %d cannot be dispatched; held alone, incident %s", id, incident);
        String why = "the dispatcher could not process this payment (incident " + incident + "); other payments go on."
                + " Release it once the cause is fixed";
        return repo.inTransaction(tx -> repo.lockOrder(tx, id).chain(row -> {
            DispatchChanges ch = new DispatchChanges();
            PaymentState state = row == null ? null : PaymentState.of(row.getString("state"));
            boolean holdable = state == PaymentState.SCHEDULED || state == PaymentState.HELD;
            if (holdable) {
                ch.order(id, state, PaymentState.HELD, HoldReason.DISPATCH_ERROR.code(), null, null, null, null, worker,
                        "DISPATCH_ERROR: " + why);
            }
            DispatchJobStatus job = row == null || row.getString("job_status") == null
                    ? null
                    : DispatchJobStatus.of(row.getString("job_status"));
            if (job == null || DispatchJobStateMachine.allows(job, DispatchJobStatus.BLOCKED)) {
                // A job another dispatcher finished meanwhile stays done.
                ch.job(id, job, DispatchJobStatus.BLOCKED, null, 0, why);
            }
            return repo.write(tx, ch, timing.lease(0), worker)
                    .chain(() -> alerts.raise(tx,
                            List.of(new AlertService.NewAlert("DISPATCH_ERROR", id, "Payment " + id
                                    + (holdable
                                            ? " is held: "
                                            : " (" + (state == null ? "gone" : state.code()) + ") is blocked: ")
                                    + why))));
        })).replaceWith(new DispatchClaims.Claim(List.of(), 1, 1));
    }

    /**
     * Steps 2 and 3: the provider calls, {@code concurrency} at a time outside any transaction, each answer committed
     * shortly after it arrives (in small groups), so a dispatcher that dies loses at most the answers of one group.
     */
    Uni<DispatchRun> sendAndRecord(List<DispatchClaims.Claimed> toSend) {
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(DispatchRun.NONE);
        }
        return Multi.createFrom().iterable(toSend)
                .onItem().transformToUni(c -> {
                    Instant started = Instant.now();
                    return provider.send(c.payment()).map(res -> new DispatchAnswers.Answer(c, res, started));
                })
                .merge(Math.max(1, config.concurrency()))
                .group().intoLists().of(RECORD_GROUP, RECORD_WAIT)
                // the timer flushes a group whether or not the previous one is still being recorded: queue them
                .onOverflow().buffer()
                .onItem().transformToUniAndConcatenate(this::record)
                .collect().asList()
                .map(runs -> runs.stream().reduce(DispatchRun.NONE, DispatchRun::plus));
    }

    /** Step 2 on its own: the provider calls, {@code concurrency} at a time, outside any transaction. */
    public Uni<List<ProviderResult>> send(List<DispatchClaims.Claimed> toSend) {
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<ProviderResult> results = new ArrayList<>(java.util.Collections.nCopies(toSend.size(), null));
        return Multi.createFrom().range(0, toSend.size())
                .onItem().transformToUni(i -> provider.send(toSend.get(i).payment()).invoke(res -> results.set(i, res)))
                .merge(Math.max(1, config.concurrency()))
                .collect().last()
                .replaceWith(() -> results);
    }

    /** Step 3 on its own: record what the provider said about {@code sent}, in one transaction. */
    public Uni<DispatchRun> record(List<DispatchClaims.Claimed> sent, List<ProviderResult> results) {
        Instant now = Instant.now();
        List<DispatchAnswers.Answer> answers = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            answers.add(new DispatchAnswers.Answer(sent.get(i), results.get(i), now));
        }
        return record(answers);
    }

    private Uni<DispatchRun> record(List<DispatchAnswers.Answer> answers) {
        return answers.isEmpty() ? Uni.createFrom().item(DispatchRun.NONE) : recorder.record(answers, worker);
    }
}
