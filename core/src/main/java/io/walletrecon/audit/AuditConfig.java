package io.walletrecon.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Typed configuration under {@code walletrecon.audit.*}: where the chain's head is anchored. */
@ConfigMapping(prefix = "walletrecon.audit")
public interface AuditConfig {

    /**
     * Directory of the anchors on the server (filesystem storage); env WALLETRECON_AUDIT_ANCHOR_DIR. Unset: a new
     * temporary directory per process start (tests; a warning says the anchors do not outlive the process).
     */
    @WithName("anchor-dir")
    Optional<String> anchorDir();

    /** Key prefix of the anchors in the documents bucket (s3 storage). */
    @WithName("anchor-prefix")
    @WithDefault("audit-anchors/")
    String anchorPrefix();

    /** How often the server anchors the head (the scheduler reads it); the cloud uses the template's schedule. */
    @WithName("anchor-every")
    @WithDefault("5m")
    String anchorEvery();
}
