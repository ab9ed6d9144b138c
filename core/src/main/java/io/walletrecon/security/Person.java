package io.walletrecon.security;

import java.util.Set;

/**
 * A person acting through the API: {@code id} is issuer + subject ({@link PersonIds}), the only thing controls
 * compare (creator versus approver, proposer versus approver); {@code roles} are the token's groups.
 */
public record Person(String id, Set<String> roles) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The same person is the same issuer and subject, whatever name the identity provider shows for them. */
    public boolean is(String personId) {
        return id.equals(personId);
    }
}
