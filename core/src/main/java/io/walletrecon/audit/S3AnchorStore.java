package io.walletrecon.audit;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** Anchors as objects {@code <prefix><rowId>.json} plus {@code <prefix>latest.json} in the documents bucket. */
public class S3AnchorStore implements AnchorStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3AnchorStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void write(long rowId, byte[] json) {
        for (String name : new String[]{String.format("%020d.json", rowId), "latest.json"}) {
            s3.putObject(r -> r.bucket(bucket).key(prefix + name).contentType("application/json"),
                    RequestBody.fromBytes(json));
        }
    }

    @Override
    public Optional<byte[]> latest() {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(prefix + "latest.json")).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
