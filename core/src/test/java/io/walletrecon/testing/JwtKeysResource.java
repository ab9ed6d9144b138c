package io.walletrecon.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the application under test at the public key of {@link TestJwt}'s generated key pair. */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // The key content, not its location: in test mode Quarkus generates a key of its own when none is
        // configured at build time, and configured content is what takes precedence over it.
        try {
            return Map.of("mp.jwt.verify.publickey", java.nio.file.Files.readString(TestJwt.publicKeyFile()),
                    "mp.jwt.verify.issuer", TestJwt.ISSUER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
