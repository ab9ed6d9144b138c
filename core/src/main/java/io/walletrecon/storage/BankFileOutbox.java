package io.walletrecon.storage;

/**
 * Where finished bank files (pain.001) are handed to the bank's connector: a directory the 银企联 client or an SFTP
 * sync picks up from (server), or the documents bucket under {@code bank-out/} (Lambda, whose disk is ephemeral).
 * A file is published in two steps, a temporary copy first and then the real name, which is never replaced: so that
 * after a crash the dispatcher can tell "handed over" (the real name holds the same content) from "nothing written"
 * (neither is there) from "cannot tell" (only the temporary copy is there: the connector may have taken the file).
 * Blocking: call from a worker thread.
 */
public interface BankFileOutbox {

    /**
     * What the outbox holds for a file name: the SHA-256 of the published file (null when none) and whether a temporary
     * copy is there.
     */
    record Seen(String publishedSha256, boolean temporaryCopy) {
    }

    Seen look(String fileName);

    /**
     * Writes the temporary copy, then publishes the content under its real name without ever replacing a file already
     * there. Returns false when the name was taken in the meantime (nothing replaced).
     */
    boolean publish(String fileName, String content, String sha256);

    /** Removes the temporary copy once the hand-over is recorded. */
    void clean(String fileName);

    /** Where files go, for the log. */
    String describe();

    static String temporaryName(String fileName) {
        return "." + fileName + ".part";
    }
}
