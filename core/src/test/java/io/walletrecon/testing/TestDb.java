package io.walletrecon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Plain JDBC to the test database, for what a test must see or do behind the API's back: read a stored
 * ciphertext, tamper with an audit row, plant rows in bulk. It connects as the schema owner (the role Flyway uses,
 * WALLETRECON_DB_OWNER_USER), who may do what the application's role may not, such as edit audit rows;
 * {@link #connectAsApplication} connects as the application does.
 */
public final class TestDb {

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(),
                System.getenv().getOrDefault("WALLETRECON_DB_OWNER_USER", "walletrecon"),
                System.getenv().getOrDefault("WALLETRECON_DB_OWNER_PASSWORD", "walletrecon"));
    }

    /** A connection as the application's own role (WALLETRECON_DB_USER), with exactly its privileges. */
    public static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(url(),
                System.getenv().getOrDefault("WALLETRECON_DB_USER", "walletrecon_app"),
                System.getenv().getOrDefault("WALLETRECON_DB_PASSWORD", "walletrecon_app"));
    }

    public static String url() {
        return System.getenv().getOrDefault("WALLETRECON_DB_URL", "jdbc:postgresql://127.0.0.1:5432/walletrecon");
    }

    /** Runs an update with positional parameters and returns the row count. */
    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    @SuppressWarnings("unchecked")
    public static <T> T scalar(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (T) rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        Number n = scalar(sql, params);
        return n == null ? 0 : n.longValue();
    }

    /**
     * {@link #count} as the application's role: for what only that role sees, such as the query and state of its own
     * sessions in {@code pg_stat_activity} (hidden from other roles that are not superusers).
     */
    public static long countAsApplication(String sql, Object... params) {
        try (Connection c = connectAsApplication(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
