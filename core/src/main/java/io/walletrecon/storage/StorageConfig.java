package io.walletrecon.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.util.Optional;

/**
 * Typed configuration under {@code walletrecon.storage.*}: where statement files are read from and export files go.
 * Region and credentials follow the AWS SDK's default chains (AWS_REGION, the Lambda role) unless set here.
 */
@ConfigMapping(prefix = "walletrecon.storage")
public interface StorageConfig {

    enum Kind {
        FILESYSTEM, S3
    }

    /** {@code filesystem} (server, tests, local runs) or {@code s3} (Lambda); env WALLETRECON_STORAGE_KIND. */
    @WithDefault("filesystem")
    Kind kind();

    /** The documents bucket that export files are put in (WALLETRECON_DOCUMENTS_BUCKET); needed when kind is s3. */
    Optional<String> bucket();

    /** Key prefix of export files in the bucket. */
    @WithName("exports-prefix")
    @WithDefault("exports/")
    String exportsPrefix();

    /** Overrides the SDK's region chain (AWS_REGION). */
    Optional<String> region();

    /** Key prefix of bank files (pain.001) in the bucket, where the bank's connector picks them up. */
    @WithName("bank-files-prefix")
    @WithDefault("bank-out/")
    String bankFilesPrefix();

    /** Another S3 endpoint than AWS's (a fake S3 in tests, an S3-compatible store). */
    Optional<URI> endpoint();

    /** Path-style addressing ({endpoint}/{bucket}/{key}), for endpoints without virtual-host buckets. */
    @WithName("path-style")
    @WithDefault("false")
    boolean pathStyle();

    /**
     * Static credentials, for endpoints outside AWS; without them the SDK's default chain (the Lambda role) applies.
     */
    @WithName("access-key-id")
    Optional<String> accessKeyId();

    @WithName("secret-access-key")
    Optional<String> secretAccessKey();
}
