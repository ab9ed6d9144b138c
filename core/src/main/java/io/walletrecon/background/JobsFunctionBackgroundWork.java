package io.walletrecon.background;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cloud's way: an empty object {@code jobs/<kind>/<id>} in the documents bucket, whose ObjectCreated event
 * invokes the {@code background-work} function (infra/template.yaml). Nothing runs in the HTTP function after it
 * answered, so a frozen or recycled HTTP function cannot leave a job half done.
 */
public class JobsFunctionBackgroundWork implements BackgroundWork {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public JobsFunctionBackgroundWork(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Uni<Void> submit(BackgroundJob job) {
        return Uni.createFrom().item(() -> {
            s3.putObject(r -> r.bucket(bucket).key(job.objectKey(prefix)).contentType("application/json"),
                    RequestBody.fromString("{\"kind\":\"" + job.kind().code() + "\",\"id\":\"" + job.id() + "\"}"));
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
