package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.accounts.WebhookSecretCredentials;
import io.walletrecon.security.KeyService;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class CredentialsAtRestTest {

    @Inject
    KeyService keys;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void storedCredentialsAreCiphertextThatDecryptsToWhatWasSent() throws Exception {
        String code = TestData.unique("atrest");
        Accounts.createStripe(code, "whsec_plaintext_must_not_appear", "whsec_second_secret");

        byte[] stored = TestDb.scalar("select credentials_ciphertext from accounts where code = ?", code);
        assertNotNull(stored);
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("whsec_plaintext_must_not_appear"), "secret stored in clear");
        assertFalse(raw.contains("webhookSecrets"), "credential JSON stored in clear");

        byte[] plain = keys.decrypt(stored, "accounts.credentials:" + code);
        WebhookSecretCredentials credentials = json.readValue(plain, WebhookSecretCredentials.class);
        assertEquals(List.of("whsec_plaintext_must_not_appear", "whsec_second_secret"), credentials.webhookSecrets());
    }
}
