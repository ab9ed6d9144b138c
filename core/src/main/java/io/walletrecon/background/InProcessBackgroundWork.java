package io.walletrecon.background;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.logging.Logger;

/** The server's way: the job runs on this process's worker pool once the request has answered. */
public class InProcessBackgroundWork implements BackgroundWork {

    private static final Logger LOG = Logger.getLogger(InProcessBackgroundWork.class);

    private final BackgroundJobs jobs;

    public InProcessBackgroundWork(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Uni<Void> submit(BackgroundJob job) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                jobs.run(job);
            } catch (RuntimeException e) {
                LOG.errorf(e, "background job %s %s could not be executed", job.kind().code(), job.id());
            }
        });
        return Uni.createFrom().voidItem();
    }
}
