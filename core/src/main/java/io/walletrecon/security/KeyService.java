package io.walletrecon.security;

/**
 * Encrypts secrets at rest (provider credentials, personal data). The default implementation holds one
 * master key in memory; a KMS-backed one can replace it without touching callers. The associated data binds
 * a ciphertext to its row and column so that a ciphertext copied elsewhere does not decrypt.
 */
public interface KeyService {

    byte[] encrypt(byte[] plaintext, String associatedData);

    byte[] decrypt(byte[] ciphertext, String associatedData);

    /** A keyed, deterministic digest for looking up encrypted values (for example a bank account number). */
    String lookupHash(String value);

    /**
     * HMAC-SHA256 of {@code data} under a key of its own for {@code purpose} (derived from the master key, so the
     * database never holds it): the audit chain's row hashes and the anchors of its head.
     */
    byte[] mac(String purpose, byte[] data);
}
