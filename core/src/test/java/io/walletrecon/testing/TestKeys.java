package io.walletrecon.testing;

import io.walletrecon.config.WalletreconConfig;
import io.walletrecon.security.KeyService;
import io.walletrecon.security.MasterKeyService;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The key service the application under test uses, built in the test itself (no {@code @Inject}, so that an
 * {@code *IT} can extend the test): the test profile's master key, or WALLETRECON_MASTER_KEY when the tests drive
 * the packaged application (with {@code -Dnative}: its prod profile reads that variable).
 */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyService keys() {
        return new MasterKeyService(new Key(masterKey()));
    }

    private static String masterKey() {
        if (System.getProperty("native.image.path") != null) {
            String key = System.getenv("WALLETRECON_MASTER_KEY");
            if (key == null || key.isBlank()) {
                throw new IllegalStateException(
                        "set WALLETRECON_MASTER_KEY: the packaged application runs in the prod profile");
            }
            return key;
        }
        Properties shared = new Properties();
        try (InputStream in = MasterKeyService.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shared.getProperty("%test.walletrecon.master-key");
    }

    private record Key(String masterKey) implements WalletreconConfig {
    }
}
