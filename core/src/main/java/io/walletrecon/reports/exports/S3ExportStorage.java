package io.walletrecon.reports.exports;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Export files in the documents bucket under {@code exports/} ({@code walletrecon.storage.kind=s3}). Clients download
 * from a pre-signed GET link (GET /reports/exports/{id}/file answers 303), so a file never passes through the
 * function and its 6 MB response limit. The bucket's lifecycle rule on {@code exports/} expires old files.
 */
public class S3ExportStorage implements ExportStorage {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;

    public S3ExportStorage(S3Client s3, S3Presigner presigner, String bucket, String prefix) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public long put(String key, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        s3.putObject(r -> r.bucket(bucket).key(prefix + key).contentType(contentType).contentLength(size),
                RequestBody.fromFile(file));
        // put() moves the file into storage: the local copy in the function's small /tmp is not needed any more.
        Files.deleteIfExists(file);
        return size;
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<URI> link(String key, Duration ttl) {
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(bucket).key(prefix + key))).url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL for " + key, e);
        }
    }
}
