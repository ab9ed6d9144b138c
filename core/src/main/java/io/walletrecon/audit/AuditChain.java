package io.walletrecon.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash that links each audit row to the one before it. Length-prefixed fields make it unambiguous. */
public final class AuditChain {

    /** The "previous hash" of the very first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hashOf(AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {e.prevHash, e.occurredAt.toString(), e.actor, e.action, e.entityType,
                    e.entityId, e.reason, e.details}) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
