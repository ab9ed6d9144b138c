package io.walletrecon.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * Limits of the routes anyone on the internet can call without a token (customer statement links, provider
 * webhooks), under {@code walletrecon.public-routes.*}.
 */
@ConfigMapping(prefix = "walletrecon.public-routes")
public interface PublicRoutesConfig {

    /** Largest JSON body a customer statement link accepts (a confirmation or a dispute with its comment). */
    @WithName("json-body-bytes")
    @WithDefault("16384")
    int jsonBodyBytes();

    /**
     * Time from the request's headers to the last byte of its body on a public route; a body still arriving then is
     * refused with 408 and the connection closed, so that slow senders cannot hold connections and memory.
     */
    @WithName("body-timeout")
    @WithDefault("10s")
    Duration bodyTimeout();
}
