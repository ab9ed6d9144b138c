package io.walletrecon.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Bank files into the documents bucket under a prefix ({@code bank-out/}). A PUT is atomic, so the connector never
 * sees half a file; the real name is written with {@code If-None-Match: *}, which S3 refuses (412) when the key
 * exists, so a published file is never replaced. The content's SHA-256 travels as object metadata.
 */
public class S3BankFileOutbox implements BankFileOutbox {

    static final String SHA256_METADATA = "sha256";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BankFileOutbox(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Seen look(String fileName) {
        String published = head(prefix + fileName).map(h -> {
            String sha = h.metadata().get(SHA256_METADATA);
            return sha != null
                    ? sha
                    : Sha256.hex(s3
                            .getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(prefix + fileName).build())
                            .asByteArray());
        }).orElse(null);
        return new Seen(published, head(prefix + BankFileOutbox.temporaryName(fileName)).isPresent());
    }

    @Override
    public boolean publish(String fileName, String content, String sha256) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        put(PutObjectRequest.builder().key(prefix + BankFileOutbox.temporaryName(fileName)), bytes, sha256);
        try {
            put(PutObjectRequest.builder().key(prefix + fileName).ifNoneMatch("*"), bytes, sha256);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void clean(String fileName) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket)
                .key(prefix + BankFileOutbox.temporaryName(fileName)).build());
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private void put(PutObjectRequest.Builder request, byte[] bytes, String sha256) {
        s3.putObject(request.bucket(bucket).contentType("application/xml").contentLength((long) bytes.length)
                .metadata(Map.of(SHA256_METADATA, sha256)).build(), RequestBody.fromBytes(bytes));
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
