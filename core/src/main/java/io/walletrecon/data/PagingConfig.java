package io.walletrecon.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Page sizes of the list endpoints ({@code walletrecon.paging.*}), read through {@link Paging}. A report's detail
 * has its own, larger maximum ({@code walletrecon.reports.max-page-size}).
 */
@ConfigMapping(prefix = "walletrecon.paging")
public interface PagingConfig {

    /** Rows per page when a request does not say ({@code size} absent); env WALLETRECON_PAGING_DEFAULT_SIZE. */
    @WithName("default-size")
    @WithDefault("50")
    int defaultSize();

    /** The largest {@code size} a list endpoint accepts; env WALLETRECON_PAGING_MAX_SIZE. */
    @WithName("max-size")
    @WithDefault("500")
    int maxSize();
}
