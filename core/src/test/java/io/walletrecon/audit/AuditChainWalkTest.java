package io.walletrecon.audit;

import io.walletrecon.security.KeyService;
import io.walletrecon.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit chain's verdicts, on rows built in memory (plain Java, no database). */
class AuditChainWalkTest {

    static final KeyService KEYS = TestKeys.keys();
    static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    static List<AuditEntry> chain(int rows) {
        List<AuditEntry> chain = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (long id = 1; id <= rows; id++) {
            AuditEntry e = entry(id, prev, AuditChain.KEYED);
            chain.add(e);
            prev = e.hash;
        }
        return chain;
    }

    static AuditEntry entry(long id, String prev, short version) {
        AuditEntry e = new AuditEntry();
        e.id = id;
        e.occurredAt = AT.plusSeconds(id);
        e.actor = "person-" + id;
        e.action = "payment.approved";
        e.entityType = "payment";
        e.entityId = Long.toString(id);
        e.prevHash = prev;
        e.hashVersion = version;
        e.hash = AuditChain.hashOf(e, KEYS);
        return e;
    }

    static AuditVerification verify(List<AuditEntry> rows, AuditAnchor anchor) {
        AuditChainWalk.Step step = AuditChainWalk.start(anchor).check(rows, KEYS);
        return step.broken() != null ? step.broken() : step.next().finish();
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification v = verify(chain(5), null);

        assertTrue(v.intact());
        assertEquals(5, v.rowsChecked());
    }

    @Test
    void aChainCheckedInSeveralBatchesGivesTheSameVerdict() {
        List<AuditEntry> rows = chain(6);
        AuditChainWalk.Step first = AuditChainWalk.start(null).check(rows.subList(0, 3), KEYS);
        AuditChainWalk.Step second = first.next().check(rows.subList(3, 6), KEYS);

        assertNull(second.broken());
        assertEquals(verify(rows, null), second.next().finish());
    }

    @Test
    void anEditedRowIsTheFirstBrokenOne() {
        List<AuditEntry> rows = chain(4);
        rows.get(2).reason = "edited afterwards";

        AuditVerification v = verify(rows, null);

        assertFalse(v.intact());
        assertEquals(3L, v.firstBrokenId());
        assertEquals(2, v.rowsChecked());
        assertEquals("row 3 does not match its hash (its content was edited)", v.problem());
    }

    @Test
    void aDeletedRowBreaksTheLinkOfTheNextOne() {
        List<AuditEntry> rows = chain(4);
        rows.remove(1);

        AuditVerification v = verify(rows, null);

        assertEquals(3L, v.firstBrokenId());
        assertEquals("row 3 does not link to the row before it (a row was deleted, inserted or edited)", v.problem());
    }

    @Test
    void anUnkeyedRowAfterKeyedRowsIsRefused() {
        List<AuditEntry> rows = chain(2);
        rows.add(entry(3, rows.get(1).hash, AuditChain.UNKEYED));

        AuditVerification v = verify(rows, null);

        assertEquals(3L, v.firstBrokenId());
        assertEquals("row 3 is not keyed but follows keyed rows (it was written or rewritten without the key)",
                v.problem());
    }

    @Test
    void unkeyedRowsBeforeTheFirstKeyedRowAreAccepted() {
        List<AuditEntry> rows = new ArrayList<>(List.of(entry(1, AuditChain.GENESIS, AuditChain.UNKEYED)));
        rows.add(entry(2, rows.get(0).hash, AuditChain.KEYED));

        assertTrue(verify(rows, null).intact());
    }

    @Test
    void rowsDeletedFromTheEndAreFoundByTheAnchor() {
        List<AuditEntry> rows = chain(5);
        AuditAnchor anchor = new AuditAnchor(5, rows.get(4).hash, 5, AT, "mac");

        AuditVerification v = verify(rows.subList(0, 3), anchor);

        assertFalse(v.intact());
        assertEquals(5L, v.firstBrokenId());
        assertTrue(v.problem().startsWith("the chain was truncated: row 5"), v.problem());
    }

    @Test
    void aRewrittenChainDoesNotCarryTheAnchoredHash() {
        List<AuditEntry> rows = chain(3);
        AuditAnchor anchor = new AuditAnchor(3, "f".repeat(64), 3, AT, "mac");

        AuditVerification v = verify(rows, anchor);

        assertFalse(v.intact());
        assertTrue(v.problem().startsWith("the chain was rewritten: row 3"), v.problem());
    }

    @Test
    void aChainThatStillHoldsTheAnchoredRowIsIntactAndSaysSo() {
        List<AuditEntry> rows = chain(4);
        AuditAnchor anchor = new AuditAnchor(3, rows.get(2).hash, 3, AT, "mac");

        AuditVerification v = verify(rows, anchor);

        assertTrue(v.intact());
        assertEquals(3L, v.anchoredRowId());
    }
}
