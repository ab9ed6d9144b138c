package io.walletrecon.customers;

import java.util.Optional;

/** Recognises a PostgreSQL unique violation (SQLSTATE 23505) under whatever the reactive stack wrapped it in. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** The violated constraint's name (or the server's message when the name is not exposed), if {@code e} is one. */
    public static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && (cv.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE || "23505".equals(cv.getSQLState()))) {
                return Optional.of(cv.getConstraintName() != null ? cv.getConstraintName() : String.valueOf(cv.getMessage()));
            }
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return Optional.of(pg.getConstraint() != null ? pg.getConstraint() : String.valueOf(pg.getMessage()));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    public static boolean is(Throwable e) {
        return of(e).isPresent();
    }
}
