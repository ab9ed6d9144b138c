package io.walletrecon.statements;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the {@code statement-import} function reads an uploaded file from: the S3 bucket in the cloud
 * ({@link S3ObjectStore}), a directory in tests and on a developer's machine ({@link FileSystemObjectStore}).
 * {@code io.walletrecon.storage.StorageProducers} chooses from {@code walletrecon.storage.kind}.
 */
public interface ObjectStore {

    /** The object's bytes, streamed; the caller closes the stream. */
    InputStream open(String bucket, String key) throws IOException;
}
