package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.audit.AuditAnchor;
import io.walletrecon.audit.AuditAnchors;
import io.walletrecon.audit.AuditChain;
import io.walletrecon.audit.AuditEntry;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the audit chain holds against someone who can write to the database but does not hold the master key: the
 * application's own role cannot change or delete rows at all; the schema owner can, and verification then names it,
 * deleted newest rows (truncation) included, through the anchors. Every tampering test holds the chain's lock while
 * it tampers and puts the rows back before it lets go, so that no other test sees a broken chain.
 */
@QuarkusTest
class AuditTamperingTest {

    private static final String ADMIN = TestJwt.bearer("auditor", "admin");
    private static final long CHAIN_LOCK = 0x6175646974L;

    @Inject
    AuditAnchors anchors;

    @Test
    void theApplicationRoleCanReadAndAppendButNeverChangeOrDeleteAuditRows() throws SQLException {
        Accounts.createBank(TestData.unique("append-only"), "EUR", "Europe/Berlin");
        try (Connection app = TestDb.connectAsApplication(); Statement st = app.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from audit_log")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0);
            }
            for (String sql : List.of(
                    "update audit_log set actor = 'someone-else' where id = (select max(id) from audit_log)",
                    "delete from audit_log where id = (select max(id) from audit_log)", "truncate audit_log")) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void rowsDeletedFromTheEndAfterAnAnchorAreReportedAsTruncation() throws SQLException {
        Accounts.createBank(TestData.unique("trunc"), "EUR", "Europe/Berlin");
        Accounts.createBank(TestData.unique("trunc"), "EUR", "Europe/Berlin");
        try (Connection owner = TestDb.connect()) {
            lockChain(owner);
            try {
                AuditAnchor anchor = anchors.anchor();
                given().header("Authorization", ADMIN).get("/admin/audit/verify").then().statusCode(200)
                        .body("intact", equalTo(true)).body("anchoredRowId", equalTo((int) anchor.rowId()));
                List<Object[]> removed = removeNewest(owner, 2);
                try {
                    given().header("Authorization", ADMIN).get("/admin/audit/verify").then().statusCode(200)
                            .body("intact", equalTo(false))
                            .body("firstBrokenId", equalTo((int) anchor.rowId()))
                            .body("problem", startsWith("the chain was truncated: row " + anchor.rowId()));
                } finally {
                    putBack(owner, removed);
                }
                given().header("Authorization", ADMIN).get("/admin/audit/verify").then().body("intact", equalTo(true));
            } finally {
                unlockChain(owner);
            }
        }
    }

    @Test
    void aRowRewrittenWithoutTheKeyIsReportedEvenWithAValidUnkeyedHash() throws SQLException {
        String code = TestData.unique("rewrite");
        Accounts.createBank(code, "EUR", "Europe/Berlin");
        Accounts.createBank(TestData.unique("rewrite"), "EUR", "Europe/Berlin");
        try (Connection owner = TestDb.connect()) {
            lockChain(owner);
            try {
                long id = TestDb.count("select id from audit_log where entity_id = ? and action = 'account.created'",
                        code);
                AuditEntry e = read(owner, id);
                String originalActor = e.actor;
                String originalHash = e.hash;
                // What someone without the key can do: a consistent SHA-256 chain, as rows had before it was keyed.
                e.actor = "someone-else";
                e.hashVersion = AuditChain.UNKEYED;
                e.hash = AuditChain.hashOf(e, null);
                TestDb.update("update audit_log set actor = ?, hash_version = 1, hash = ? where id = ?", e.actor,
                        e.hash, id);
                try {
                    given().header("Authorization", ADMIN).get("/admin/audit/verify").then().statusCode(200)
                            .body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) id))
                            .body("problem", equalTo("row " + id
                                    + " is not keyed but follows keyed rows (it was written or rewritten without the key)"));
                } finally {
                    TestDb.update("update audit_log set actor = ?, hash_version = 2, hash = ? where id = ?",
                            originalActor, originalHash, id);
                }
            } finally {
                unlockChain(owner);
            }
        }
        given().header("Authorization", ADMIN).get("/admin/audit/verify").then().body("intact", equalTo(true));
    }

    private static void lockChain(Connection c) throws SQLException {
        c.createStatement().execute("select pg_advisory_lock(" + CHAIN_LOCK + ")");
    }

    private static void unlockChain(Connection c) throws SQLException {
        c.createStatement().execute("select pg_advisory_unlock(" + CHAIN_LOCK + ")");
    }

    private static final String COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, reason, details, prev_hash, hash, hash_version";

    private static List<Object[]> removeNewest(Connection c, int n) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "delete from audit_log where id in (select id from audit_log order by id desc limit ?) "
                        + "returning " + COLUMNS)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[11];
                    for (int i = 0; i < 11; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        assertEquals(n, rows.size());
        return rows;
    }

    private static void putBack(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < 11; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    private static AuditEntry read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from audit_log where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                AuditEntry e = new AuditEntry();
                e.id = rs.getLong(1);
                e.occurredAt = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                e.actor = rs.getString(3);
                e.action = rs.getString(4);
                e.entityType = rs.getString(5);
                e.entityId = rs.getString(6);
                e.reason = rs.getString(7);
                e.details = rs.getString(8);
                e.prevHash = rs.getString(9);
                e.hash = rs.getString(10);
                e.hashVersion = rs.getShort(11);
                return e;
            }
        }
    }
}
