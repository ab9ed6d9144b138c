package io.walletrecon.security;

import io.walletrecon.config.WalletreconConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AES-256-GCM under the master key from {@code WALLETRECON_MASTER_KEY} (base64 of 32 bytes).
 * Ciphertext layout: version byte (1) | 12-byte IV | ciphertext and 16-byte tag.
 */
@ApplicationScoped
public class MasterKeyService implements KeyService {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final byte[] master;
    private final SecureRandom random = new SecureRandom();

    public MasterKeyService(WalletreconConfig config) {
        byte[] master = decodeMasterKey(config.masterKey());
        this.master = master;
        this.encryptionKey = new SecretKeySpec(derive(master, "walletrecon/encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "walletrecon/lookup"), "HmacSHA256");
    }

    static byte[] decodeMasterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("WALLETRECON_MASTER_KEY is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "WALLETRECON_MASTER_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32), got "
                            + key.length);
        }
        return key;
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String associatedData) {
        if (ciphertext == null || ciphertext.length < 1 + IV_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new IllegalStateException("stored secret has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, ciphertext, 1, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext, 1 + IV_BYTES, ciphertext.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored secret does not decrypt under the current master key", e);
        }
    }

    @Override
    public byte[] mac(String purpose, byte[] data) {
        if (!purpose.startsWith("walletrecon/") || purpose.equals("walletrecon/encryption")
                || purpose.equals("walletrecon/lookup")) {
            throw new IllegalArgumentException("not a MAC purpose: " + purpose);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive(master, purpose), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
