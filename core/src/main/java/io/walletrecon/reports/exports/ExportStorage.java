package io.walletrecon.reports.exports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where finished export files go. The server keeps them in a local directory ({@link FileSystemExportStorage}) and
 * streams them from GET /reports/exports/{id}/file. In Lambda {@link S3ExportStorage} puts the file with PutObject
 * and answers {@link #link} with an S3Presigner GetObject URL valid for {@code ttl}, so the 6 MB Lambda response
 * limit never applies to the file. {@code io.walletrecon.storage.StorageProducers} chooses from
 * {@code walletrecon.storage.kind}.
 */
public interface ExportStorage {

    /** Moves the finished {@code file} into storage under {@code key}; returns its size in bytes. */
    long put(String key, Path file, String contentType) throws IOException;

    /** The stored file's bytes, for storages the application serves itself; empty when it is not there. */
    Optional<InputStream> open(String key) throws IOException;

    /** A time-limited URL the client downloads from directly, for storages that have one; empty otherwise. */
    Optional<URI> link(String key, Duration ttl);
}
