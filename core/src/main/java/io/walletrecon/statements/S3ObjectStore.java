package io.walletrecon.statements;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.FileNotFoundException;
import java.io.InputStream;

/**
 * Statement files in S3 ({@code walletrecon.storage.kind=s3}). GetObject's response is streamed straight into the
 * parser, so a large bill never has to fit in the function's memory or /tmp.
 */
public class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String bucket, String key) throws FileNotFoundException {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // Like a missing file: the import reports it as unreadable; other SDK errors propagate so Lambda retries.
            FileNotFoundException missing = new FileNotFoundException("no object s3://" + bucket + "/" + key);
            missing.initCause(e);
            throw missing;
        }
    }
}
