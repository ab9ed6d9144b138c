package io.walletrecon.background;

import io.smallrye.mutiny.Uni;

/**
 * Hands a job to whatever runs it after the response: {@link InProcessBackgroundWork} on the server,
 * {@link JobsFunctionBackgroundWork} in the cloud. The job's row is committed before it is handed over, and its
 * executor claims it with a conditional update, so a job delivered twice runs once.
 */
public interface BackgroundWork {

    /** Completes once the job is handed over (not done); fails when it could not be handed over. */
    Uni<Void> submit(BackgroundJob job);
}
