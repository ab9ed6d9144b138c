package io.walletrecon.audit;

import java.io.IOException;
import java.util.Optional;

/**
 * Where anchors of the audit chain's head are kept, away from the database they vouch for: the documents bucket
 * in the cloud ({@link S3AnchorStore}, under {@code audit-anchors/}; keep the bucket versioned, or add Object Lock),
 * a directory on the server ({@link FileSystemAnchorStore}).
 */
public interface AnchorStore {

    /** Keeps {@code json} as anchor {@code rowId} and as the latest one. */
    void write(long rowId, byte[] json) throws IOException;

    /** The latest anchor written, if any. */
    Optional<byte[]> latest() throws IOException;
}
