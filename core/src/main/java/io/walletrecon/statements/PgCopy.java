package io.walletrecon.statements;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} (text format) over a JDBC connection: the fastest
 * way into PostgreSQL, with constant memory. Used for the unlogged staging tables of bulk imports.
 */
public final class PgCopy implements AutoCloseable {

    private final Connection connection;
    private final PGCopyOutputStream stream;
    private final BufferedWriter out;
    private final StringBuilder buffer = new StringBuilder(512);
    private long rows;

    public PgCopy(DataSource dataSource, String table, String... columns) {
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            this.stream = new PGCopyOutputStream(pg,
                    "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", 1 << 16);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open COPY into " + table, e);
        }
    }

    public void row(Object... values) {
        // One row is built in a reused buffer and written at once: per-character writes to the Writer would take
        // its lock hundreds of millions of times on a large file.
        StringBuilder b = buffer;
        b.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else {
                escape(v.toString(), b);
            }
        }
        b.append('\n');
        try {
            out.append(b);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> {
                }
                default -> b.append(c);
            }
        }
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY (the rows commit) and returns the connection to the pool. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection
            }
        }
    }

    /** Abandons the COPY: nothing of it commits. */
    public void abort() {
        try {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        } catch (SQLException ignored) {
            // cancelling a failed COPY may fail as well; the rows are not committed either way
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // as above
            }
        }
    }
}
