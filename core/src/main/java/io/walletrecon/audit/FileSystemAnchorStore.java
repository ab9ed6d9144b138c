package io.walletrecon.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Anchors as files {@code <dir>/<rowId>.json} plus {@code latest.json}, each written to a temp file and moved in. */
public class FileSystemAnchorStore implements AnchorStore {

    private final Path dir;

    public FileSystemAnchorStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void write(long rowId, byte[] json) throws IOException {
        Files.createDirectories(dir);
        put(String.format("%020d.json", rowId), json);
        put("latest.json", json);
    }

    private void put(String name, byte[] json) throws IOException {
        Path tmp = Files.createTempFile(dir, "anchor-", ".tmp");
        Files.write(tmp, json);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<byte[]> latest() throws IOException {
        Path latest = dir.resolve("latest.json");
        return Files.exists(latest) ? Optional.of(Files.readAllBytes(latest)) : Optional.empty();
    }
}
