package io.walletrecon.audit;

import io.walletrecon.security.KeyService;

import java.util.List;

/**
 * One walk over the audit chain, batch by batch in id order, as plain Java: each row must link to the one before it,
 * carry the hash of its content, and not be unkeyed after keyed rows; at the end the anchored row must be there with
 * the anchored hash. Immutable: {@link #check} answers the next walk, or the verification that found a broken row.
 *
 * @param expectedPrev the hash the next row must link to
 * @param checked rows checked so far
 * @param keyedSeen whether a keyed row was seen (unkeyed rows are accepted only before the first)
 * @param anchor the latest anchor to check the chain against, or null when none was written yet
 * @param anchoredRowHash the hash found on the anchored row, null until it is seen
 */
public record AuditChainWalk(String expectedPrev, long checked, boolean keyedSeen, AuditAnchor anchor,
        String anchoredRowHash) {

    /** A walk from the genesis of the chain, against {@code anchor} (may be null). */
    public static AuditChainWalk start(AuditAnchor anchor) {
        return new AuditChainWalk(AuditChain.GENESIS, 0, false, anchor, null);
    }

    /** The walk after {@code batch}, or {@code broken} set to the verification naming its first broken row. */
    public record Step(AuditChainWalk next, AuditVerification broken) {
    }

    public Step check(List<AuditEntry> batch, KeyService keys) {
        AuditChainWalk walk = this;
        for (AuditEntry e : batch) {
            String problem = walk.problemOf(e, keys);
            if (problem != null) {
                return new Step(walk, walk.broken(e.id, problem));
            }
            walk = walk.after(e);
        }
        return new Step(walk, null);
    }

    private String problemOf(AuditEntry e, KeyService keys) {
        if (!expectedPrev.equals(e.prevHash)) {
            return "row " + e.id + " does not link to the row before it (a row was deleted, inserted or edited)";
        }
        if (e.hashVersion == AuditChain.UNKEYED && keyedSeen) {
            return "row " + e.id + " is not keyed but follows keyed rows (it was written or rewritten without the key)";
        }
        String expected = AuditChain.hashOf(e, keys);
        if (expected == null || !expected.equals(e.hash)) {
            return "row " + e.id + " does not match its hash (its content was edited)";
        }
        return null;
    }

    private AuditChainWalk after(AuditEntry e) {
        boolean anchored = anchor != null && e.id == anchor.rowId();
        return new AuditChainWalk(e.hash, checked + 1, keyedSeen || e.hashVersion == AuditChain.KEYED, anchor,
                anchored ? e.hash : anchoredRowHash);
    }

    private AuditVerification broken(long id, String problem) {
        return new AuditVerification(false, checked, id, problem, anchor == null ? null : anchor.rowId(),
                anchor == null ? null : anchor.anchoredAt());
    }

    /**
     * The verdict once every row was checked: intact, or the anchored row missing (truncated) or different (rewritten).
     */
    public AuditVerification finish() {
        if (anchor == null) {
            return new AuditVerification(true, checked, null, null, null, null);
        }
        if (anchoredRowHash == null) {
            return new AuditVerification(false, checked, anchor.rowId(),
                    "the chain was truncated: row " + anchor.rowId()
                            + ", its head when anchored at " + anchor.anchoredAt() + ", is missing (" + checked
                            + " rows now, "
                            + anchor.rows() + " then)",
                    anchor.rowId(), anchor.anchoredAt());
        }
        if (!anchoredRowHash.equals(anchor.hash())) {
            return new AuditVerification(false, checked, anchor.rowId(),
                    "the chain was rewritten: row " + anchor.rowId()
                            + " does not carry the hash anchored at " + anchor.anchoredAt(),
                    anchor.rowId(), anchor.anchoredAt());
        }
        return new AuditVerification(true, checked, null, null, anchor.rowId(), anchor.anchoredAt());
    }
}
