package io.walletrecon.customers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "walletrecon.collection")
public interface CollectionConfig {

    /**
     * The payment link a collection code's QR image encodes; {@code {code}} is replaced by the code (URL-safe as
     * it is). Env WALLETRECON_COLLECTION_LINK_TEMPLATE.
     */
    @WithName("link-template")
    @WithDefault("https://pay.walletrecon.io/c/{code}")
    String linkTemplate();

    /** Side of the QR image in pixels (PNG) or user units (SVG). */
    @WithName("qr-size")
    @WithDefault("320")
    int qrSize();
}
