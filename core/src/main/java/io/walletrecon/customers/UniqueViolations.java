package io.walletrecon.customers;

import io.walletrecon.problem.ApiException;

import java.util.Optional;

/** Recognises a PostgreSQL unique violation (SQLSTATE 23505) under whatever the reactive stack wrapped it in. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** The violated constraint's name (or the server's message when the name is not exposed), if {@code e} is one. */
    public static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && (cv.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                            || "23505".equals(cv.getSQLState()))) {
                return Optional
                        .of(cv.getConstraintName() != null ? cv.getConstraintName() : String.valueOf(cv.getMessage()));
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

    /** The conflict a customer or payer identity that breaks a unique rule of its company answers with. */
    public static ApiException customerConflict(Throwable e) {
        String constraint = of(e).orElse("");
        if (constraint.contains("payer_identities")) {
            return ApiException.conflict(
                    "This payer identity already belongs to a customer of this company; remove it there first");
        }
        if (constraint.contains("external_id")) {
            return ApiException.conflict("Another customer of this company has this externalId");
        }
        return ApiException.conflict("The customer conflicts with an existing one (" + constraint + ")");
    }
}
