package io.walletrecon.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An uploaded body copied to a temporary file before any database work starts. Uploads arrive at the sender's pace;
 * reading one while holding a database connection (a COPY in progress) lets two slow senders take both connections of
 * the JDBC pool and starve everyone else's import. Spooled first, the import holds its connection only for as long
 * as it takes to read a local file. Memory stays constant whatever the size; the file goes when this is closed.
 */
public final class SpooledUpload implements AutoCloseable {

    private final Path file;

    private SpooledUpload(Path file) {
        this.file = file;
    }

    /** Reads {@code body} to its end into a new temporary file (blocking: call from a worker thread). */
    public static SpooledUpload of(InputStream body, String prefix) {
        Path file = null;
        try {
            file = Files.createTempFile(prefix, ".upload");
            try (InputStream in = body) {
                if (in != null) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new SpooledUpload(file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the OS cleans its temp directory
        }
    }
}
