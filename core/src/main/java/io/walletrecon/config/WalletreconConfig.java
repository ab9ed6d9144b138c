package io.walletrecon.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Typed configuration under {@code walletrecon.*}; production values arrive as environment variables. */
@ConfigMapping(prefix = "walletrecon")
public interface WalletreconConfig {

    /** Base64 of 32 bytes; env WALLETRECON_MASTER_KEY. Encrypts credentials and personal data at rest. */
    @WithName("master-key")
    String masterKey();
}
