package io.walletrecon.background;

import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchingRunService;
import io.walletrecon.reports.exports.ExportService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Executes one background job, blocking until it is done: the matching run or the export its id names. */
@ApplicationScoped
public class BackgroundJobs {

    private final MatchingRunService matching;
    private final ExportService exports;

    public BackgroundJobs(MatchingRunService matching, ExportService exports) {
        this.matching = matching;
        this.exports = exports;
    }

    /** Blocking: call it from a worker thread or a Lambda handler, never from the event loop. */
    public String run(BackgroundJob job) {
        return switch (job.kind()) {
            case MATCHING_RUN -> ReactiveBridge.await(() -> matching.execute(Long.parseLong(job.id()))).state();
            case REPORT_EXPORT -> exports.runStored(UUID.fromString(job.id()));
        };
    }
}
