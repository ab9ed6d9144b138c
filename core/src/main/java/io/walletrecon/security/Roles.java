package io.walletrecon.security;

/** The roles carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";
    public static final String APPROVER = "approver";

    private Roles() {
    }
}
