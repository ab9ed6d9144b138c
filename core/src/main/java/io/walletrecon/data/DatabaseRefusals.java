package io.walletrecon.data;

import io.vertx.pgclient.PgException;

/**
 * Tells a value the database refuses (SQLSTATE class 22, data exception, or 23, integrity violation) from a database
 * that is down or busy, and says what was wrong in words, without the server's message (which quotes values,
 * tables and constraint names). A unique violation is not a refusal here: callers treat it as a concurrent writer.
 */
public final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /** What the database refused, in words, or null when {@code e} is not such a refusal. */
    public static String describe(Throwable e) {
        String state = sqlState(e);
        if (state == null || state.equals("23505")) {
            return null;
        }
        return switch (state) {
            case "22021", "22P05" -> "a text value holds a character the database cannot store";
            case "22001" -> "a text value is too long";
            case "22003" -> "a number is out of range";
            case "22007", "22008" -> "a date or time is out of range";
            case "23502" -> "a required value is missing";
            case "23503" -> "it refers to a record that does not exist";
            case "23514" -> "a value breaks a rule of the record";
            default -> state.startsWith("22")
                    ? "a value is not valid for its column"
                    : state.startsWith("23") ? "the record breaks an integrity rule" : null;
        };
    }

    /** The SQLSTATE of the first PostgreSQL error in the cause chain, or null. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
