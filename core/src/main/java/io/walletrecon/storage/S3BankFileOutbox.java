package io.walletrecon.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.charset.StandardCharsets;

/**
 * Bank files into the documents bucket under a prefix ({@code bank-out/}); a PUT is atomic, so the connector never
 * sees half a file (the SDK's checksum lets S3 refuse a damaged upload).
 */
public class S3BankFileOutbox implements BankFileOutbox {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BankFileOutbox(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void deliver(String fileName, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + fileName).contentType("application/xml")
                .contentLength((long) bytes.length).build(), RequestBody.fromBytes(bytes));
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}
