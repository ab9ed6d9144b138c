package io.walletrecon.matching;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.intake.TransactionArrived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real-time matching (实时对账) in the long-lived server: a wallet notification that stored a transaction starts an
 * incremental run of its account a moment later ({@link RunSettings#realTimeDelay}), so a payment naming its invoice
 * is matched seconds after it arrives instead of at the next scheduled tick. The run is the ordinary incremental run
 * with all its guarantees (one run per account at a time, a person's decision never undone, audited as requested by
 * {@value #ACTOR}).
 *
 * <p>Per account at most one real-time run is pending and one executing: notifications that arrive while a run is
 * waiting to start are covered by it; notifications that arrive while one executes start exactly one more after it.
 * When another run holds the account (a person's, the scheduler's), the real-time run tries again after
 * {@link RunSettings#realTimeRetry} until the account is free. A run that fails is recorded like any failed run and
 * not retried here: the scheduled incremental run covers it. Nothing here is durable, and nothing needs to be: a
 * notification a restart forgets is matched by the next scheduled run.
 */
@ApplicationScoped
public class RealTimeMatching {

    static final String ACTOR = "real-time";
    private static final Logger LOG = Logger.getLogger(RealTimeMatching.class);

    /** What an account waits for: a run about to start, a run executing, or one executing with another owed. */
    enum Pending {
        STARTING, EXECUTING, EXECUTING_THEN_AGAIN
    }

    private final MatchingRunService matching;
    private final RunSettings settings;
    private final ConcurrentHashMap<String, Pending> accounts = new ConcurrentHashMap<>();

    public RealTimeMatching(MatchingRunService matching, RunSettings settings) {
        this.matching = matching;
        this.settings = settings;
    }

    void onArrived(@Observes TransactionArrived arrived) {
        if (!settings.realTime()) {
            return;
        }
        accounts.compute(arrived.accountCode(), (account, pending) -> {
            if (pending == null) {
                startAfter(account, settings.realTimeDelay());
                return Pending.STARTING;
            }
            // a run about to start will see this transaction; one executing may not have, so one more is owed
            return pending == Pending.STARTING ? Pending.STARTING : Pending.EXECUTING_THEN_AGAIN;
        });
    }

    private void startAfter(String account, Duration delay) {
        // the delay fires on whatever thread its timer has (an event loop in Quarkus); the run blocks, so on a worker
        Uni.createFrom().voidItem().onItem().delayIt().by(delay).emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(nothing -> execute(account),
                        e -> LOG.errorf(e, "real-time matching of account %s could not be started", account));
    }

    /** On a worker thread: runs the account's incremental run and settles what is owed. */
    private void execute(String account) {
        accounts.put(account, Pending.EXECUTING);
        boolean busy;
        try {
            MatchingViews.RunView run = ReactiveBridge.await(() -> matching.incrementalNow(account));
            busy = run == null;
            if (run != null) {
                LOG.debugf("real-time matching run %d of %s: %s %s", run.id(), account, run.state(), run.counts());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "real-time matching of account %s failed; the next scheduled run covers it", account);
            busy = false;
        }
        boolean retry = busy;
        accounts.compute(account, (key, pending) -> {
            if (retry || pending == Pending.EXECUTING_THEN_AGAIN) {
                startAfter(key, retry ? settings.realTimeRetry() : settings.realTimeDelay());
                return Pending.STARTING;
            }
            return null;
        });
    }
}
