package io.walletrecon.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/**
 * Accounts for a function that does not serve {@code /accounts}: written straight into the table, with their
 * credentials sealed the way AccountService seals them (AES-GCM under the master key the function runs with, bound to
 * the account code).
 */
public final class SeededAccounts {

    private SeededAccounts() {
    }

    public static void create(String code, String provider, String currency, String zone, Object credentials) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(credentials);
            byte[] sealed = TestKeys.keys().encrypt(json, "accounts.credentials:" + code);
            TestDb.update(
                    "insert into accounts (company_id, code, provider, name, currency, time_zone, credentials_ciphertext) values ((select id from companies where code = 'default'), ?, ?, ?, ?, ?, ?)",
                    code, provider, provider + " " + code, currency, zone, sealed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
