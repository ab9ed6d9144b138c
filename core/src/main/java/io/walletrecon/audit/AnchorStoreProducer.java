package io.walletrecon.audit;

import io.walletrecon.storage.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the anchor store from {@code walletrecon.storage.kind} at run time, like the other storages. */
@ApplicationScoped
public class AnchorStoreProducer {

    private static final Logger LOG = Logger.getLogger(AnchorStoreProducer.class);

    @Produces
    @ApplicationScoped
    AnchorStore anchorStore(StorageConfig storage, AuditConfig config, S3Client s3) {
        if (storage.kind() == StorageConfig.Kind.S3) {
            String bucket = storage.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "walletrecon.storage.kind=s3 needs the documents bucket for the audit anchors: set WALLETRECON_DOCUMENTS_BUCKET"));
            return new S3AnchorStore(s3, bucket, config.anchorPrefix());
        }
        if (config.anchorDir().isPresent()) {
            return new FileSystemAnchorStore(Path.of(config.anchorDir().get()));
        }
        try {
            Path dir = Files.createTempDirectory("walletrecon-audit-anchors-");
            LOG.warnf("audit anchors go to %s, which does not outlive this process: set WALLETRECON_AUDIT_ANCHOR_DIR "
                    + "(or use s3 storage) so that a truncated audit chain is detected after a restart", dir);
            return new FileSystemAnchorStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
