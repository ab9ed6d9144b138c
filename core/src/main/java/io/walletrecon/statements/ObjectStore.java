package io.walletrecon.statements;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the {@code statement-import} function reads an uploaded file from. The S3 bucket in the cloud; a
 * directory in tests and on a developer's machine ({@link FileSystemObjectStore}). An S3 implementation is a
 * class implementing this with the AWS SDK's {@code S3Client.getObject(...)} (a streaming
 * {@code ResponseInputStream}), registered as a bean that replaces the filesystem default.
 */
public interface ObjectStore {

    /** The object's bytes, streamed; the caller closes the stream. */
    InputStream open(String bucket, String key) throws IOException;
}
