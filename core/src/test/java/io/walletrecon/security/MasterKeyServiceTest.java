package io.walletrecon.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeyServiceTest {

    private static MasterKeyService withKey(String base64) {
        return new MasterKeyService(() -> base64);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void encryptedSecretDecryptsBackToThePlaintext() {
        MasterKeyService keys = withKey(randomKey());
        byte[] plain = "{\"webhookSecrets\":[\"whsec_abc\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = keys.encrypt(plain, "accounts.credentials:main");
        assertArrayEquals(plain, keys.decrypt(sealed, "accounts.credentials:main"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("whsec_abc"));
    }

    @Test
    void sameSecretEncryptsDifferentlyEachTime() {
        MasterKeyService keys = withKey(randomKey());
        byte[] plain = "secret".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(Base64.getEncoder().encodeToString(keys.encrypt(plain, "a")),
                Base64.getEncoder().encodeToString(keys.encrypt(plain, "a")));
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        MasterKeyService keys = withKey(randomKey());
        byte[] sealed = keys.encrypt("secret".getBytes(StandardCharsets.UTF_8), "accounts.credentials:a");
        assertThrows(IllegalStateException.class, () -> keys.decrypt(sealed, "accounts.credentials:b"));
    }

    @Test
    void anotherMasterKeyCannotDecrypt() {
        byte[] sealed = withKey(randomKey()).encrypt("secret".getBytes(StandardCharsets.UTF_8), "x");
        assertThrows(IllegalStateException.class, () -> withKey(randomKey()).decrypt(sealed, "x"));
    }

    @Test
    void masterKeyMustBeThirtyTwoBytes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withKey(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(e.getMessage().contains("exactly 32 bytes"));
        assertThrows(IllegalStateException.class, () -> withKey("not base64!"));
    }

    @Test
    void lookupHashIsDeterministicAndKeyed() {
        String key = randomKey();
        assertEquals(withKey(key).lookupHash("DE89370400440532013000"),
                withKey(key).lookupHash("DE89370400440532013000"));
        assertNotEquals(withKey(key).lookupHash("DE89370400440532013000"),
                withKey(randomKey()).lookupHash("DE89370400440532013000"));
    }
}
