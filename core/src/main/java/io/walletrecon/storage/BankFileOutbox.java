package io.walletrecon.storage;

/**
 * Where finished bank files (pain.001) are handed to the bank's connector: a directory the 银企联 client or an SFTP
 * sync picks up from (server), or the documents bucket under {@code bank-out/} (Lambda, whose disk is ephemeral).
 * Delivering the same name again replaces the file with the same content, so a hand-over repeated after a crash
 * leaves one file, never two. Blocking: call from a worker thread.
 */
public interface BankFileOutbox {

    void deliver(String fileName, String content);

    /** Where files go, for the log. */
    String describe();
}
