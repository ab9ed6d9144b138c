package io.walletrecon.background;

import io.walletrecon.storage.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses where background work runs from {@code walletrecon.background.kind}, at run time (one build serves both). */
@ApplicationScoped
public class BackgroundProducers {

    @Produces
    @ApplicationScoped
    BackgroundWork backgroundWork(BackgroundConfig config, StorageConfig storage, S3Client s3, BackgroundJobs jobs) {
        if (config.kind() == BackgroundConfig.Kind.IN_PROCESS) {
            return new InProcessBackgroundWork(jobs);
        }
        String bucket = storage.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                "walletrecon.background.kind=jobs-function needs the documents bucket: set WALLETRECON_DOCUMENTS_BUCKET"));
        return new JobsFunctionBackgroundWork(s3, bucket, config.prefix());
    }
}
