package io.walletrecon.reports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Typed configuration under {@code walletrecon.reports.*}; production values arrive as environment variables. */
@ConfigMapping(prefix = "walletrecon.reports")
public interface ReportsConfig {

    /** Printed at the top of PDF statements; env WALLETRECON_REPORTS_COMPANY_NAME. */
    @WithName("company-name")
    @WithDefault("walletrecon")
    String companyName();

    /**
     * The language of report files (PDF, XLSX, CSV labels) when a request names none by {@code lang=} or
     * {@code Accept-Language}: {@code en} or {@code zh-CN}; env WALLETRECON_REPORTS_LANGUAGE.
     */
    @WithName("language")
    @WithDefault("en")
    String language();

    /**
     * Base64 key (at least 32 bytes) that signs customer statement links. When absent the key is derived from the
     * master key, so rotating the master key also invalidates every link sent.
     */
    @WithName("link-key")
    Optional<String> linkKey();

    /** How long a customer statement link stays valid. */
    @WithName("link-ttl")
    @WithDefault("P14D")
    Duration linkTtl();

    /** Public base URL the customer opens (the link is {base}/statement-links/{token}). */
    @WithName("public-base-url")
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Rows fetched per round trip when a report is streamed from a cursor. */
    @WithName("fetch-size")
    @WithDefault("2000")
    int fetchSize();

    /** Where export files are written by the filesystem storage (the server). */
    @WithName("export-dir")
    @WithDefault("${java.io.tmpdir}/walletrecon-exports")
    String exportDir();

    /**
     * Render files in memory and answer with a Content-Length instead of streaming chunks. Set in the Lambda HTTP
     * function, whose adapter buffers the whole response anyway (6 MB at most: larger reports go through exports)
     * and does not complete chunked blocking responses.
     */
    @WithName("buffer-responses")
    @WithDefault("false")
    boolean bufferResponses();

    /** Largest page of a report's detail in JSON. */
    @WithName("max-page-size")
    @WithDefault("1000")
    int maxPageSize();
}
