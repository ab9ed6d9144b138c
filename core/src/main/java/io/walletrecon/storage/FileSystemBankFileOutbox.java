package io.walletrecon.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bank files into a directory: a hidden temporary copy, then a hard link under the real name. A hard link is atomic
 * and fails when the name is taken, so a file the connector may be reading is never replaced.
 */
public class FileSystemBankFileOutbox implements BankFileOutbox {

    private final Path directory;

    public FileSystemBankFileOutbox(Path directory) {
        this.directory = directory;
    }

    @Override
    public Seen look(String fileName) {
        try {
            Path target = directory.resolve(fileName);
            String sha = Files.exists(target) ? Sha256.hex(Files.readAllBytes(target)) : null;
            return new Seen(sha, Files.exists(directory.resolve(BankFileOutbox.temporaryName(fileName))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean publish(String fileName, String content, String sha256) {
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve(BankFileOutbox.temporaryName(fileName));
            // A new file, never the old copy rewritten in place: that one may be linked under the real name already.
            Files.deleteIfExists(temp);
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.createLink(directory.resolve(fileName), temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clean(String fileName) {
        try {
            Files.deleteIfExists(directory.resolve(BankFileOutbox.temporaryName(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }
}
