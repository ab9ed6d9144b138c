package io.walletrecon.statements;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Objects as files under {@code walletrecon.statements.object-root}/{bucket}/{key}. */
// Not a bean itself: io.walletrecon.storage.StorageProducers picks it or the S3 one from walletrecon.storage.kind.
public class FileSystemObjectStore implements ObjectStore {

    private final Path root;

    public FileSystemObjectStore(StatementsConfig config) {
        this.root = Path.of(config.objectRoot()).toAbsolutePath().normalize();
    }

    @Override
    public InputStream open(String bucket, String key) throws IOException {
        Path file = root.resolve(bucket).resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new FileNotFoundException("object key escapes the store: " + key);
        }
        return Files.newInputStream(file);
    }
}
