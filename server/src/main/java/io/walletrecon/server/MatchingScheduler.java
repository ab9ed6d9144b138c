package io.walletrecon.server;

import io.quarkus.scheduler.Scheduled;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchingRunService;
import io.walletrecon.matching.MatchingViews;
import io.walletrecon.matching.RunKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * The matching schedule of the long-lived server: every 15 minutes an incremental run per wallet account, and
 * every minute a check for accounts whose local day-end time (日终) has passed without a succeeded day-end run today
 * (an abandoned or failed one is retried). Every tick first marks runs whose process died abandoned. The same
 * {@link MatchingRunService#scheduled} serves the {@code matching} Lambda on an EventBridge schedule in the cloud.
 */
@ApplicationScoped
public class MatchingScheduler {

    private static final Logger LOG = Logger.getLogger(MatchingScheduler.class);

    private final MatchingRunService matching;

    public MatchingScheduler(MatchingRunService matching) {
        this.matching = matching;
    }

    @Scheduled(identity = "matching-incremental", every = "${walletrecon.matching.incremental-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void incremental() {
        tick(RunKind.INCREMENTAL);
    }

    @Scheduled(identity = "matching-day-end", cron = "${walletrecon.matching.day-end-check:0 * * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dayEnd() {
        tick(RunKind.DAY_END);
    }

    public List<MatchingViews.RunView> tick(RunKind kind) {
        List<MatchingViews.RunView> runs = ReactiveBridge.await(() -> matching.scheduled(kind, Instant.now()));
        for (MatchingViews.RunView run : runs) {
            LOG.infof("matching %s run %d of %s: %s %s", kind.code(), run.id(), run.account(), run.state(),
                    run.counts());
        }
        return runs;
    }
}
