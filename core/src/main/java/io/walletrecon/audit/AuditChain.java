package io.walletrecon.audit;

import io.walletrecon.security.KeyService;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links each audit row to the one before it, over length-prefixed fields (unambiguous).
 * <ul>
 * <li>version 2 (every row the application writes): HMAC-SHA256 under the {@value #PURPOSE} key, derived from the
 * master key. Whoever can write to the database but does not hold the key cannot edit, insert, delete or rewrite
 * rows without the chain showing it; deleting the newest rows is caught by the anchors ({@link AuditAnchors}).</li>
 * <li>version 1: plain SHA-256, the rows written before the chain was keyed. Accepted only before the first
 * version 2 row.</li>
 * </ul>
 */
public final class AuditChain {

    /** The "previous hash" of the very first row. */
    public static final String GENESIS = "0".repeat(64);
    public static final short UNKEYED = 1;
    public static final short KEYED = 2;
    static final String PURPOSE = "walletrecon/audit-chain";

    private AuditChain() {
    }

    /** The hash row {@code e} must carry for its {@code hashVersion}; null for a version this code does not know. */
    public static String hashOf(AuditEntry e, KeyService keys) {
        byte[] fields = fields(e);
        return switch (e.hashVersion) {
            case KEYED -> HexFormat.of().formatHex(keys.mac(PURPOSE, fields));
            case UNKEYED -> sha256(fields);
            default -> null;
        };
    }

    private static byte[] fields(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[]{e.prevHash, e.occurredAt.toString(), e.actor, e.action, e.entityType,
                e.entityId, e.reason, e.details}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
