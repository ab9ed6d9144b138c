package io.walletrecon.statements;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "walletrecon.statements")
public interface StatementsConfig {

    /** Root directory of the filesystem {@link ObjectStore} (tests, local runs): objects are {root}/{bucket}/{key}. */
    @WithName("object-root")
    @WithDefault("/tmp/walletrecon-objects")
    String objectRoot();

    /**
     * The most bytes a GZIP or ZIP upload may expand to (a guard against archive bombs); plain files are limited by the
     * upload size.
     */
    @WithName("max-expanded-bytes")
    @WithDefault("2147483648")
    long maxExpandedBytes();
}
