package io.walletrecon.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Bank files into a directory: written to a hidden temporary file, then moved into place atomically. */
public class FileSystemBankFileOutbox implements BankFileOutbox {

    private final Path directory;

    public FileSystemBankFileOutbox(Path directory) {
        this.directory = directory;
    }

    @Override
    public void deliver(String fileName, String content) {
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve("." + fileName + ".part");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }
}
