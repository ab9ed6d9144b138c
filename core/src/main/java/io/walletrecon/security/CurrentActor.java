package io.walletrecon.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;

/**
 * Who is acting in this request, as recorded in the audit log: the person id, issuer + subject of the token
 * ({@link PersonIds}, set by {@link PersonIdentityAugmentor}), never a display name.
 */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        return identity.getPrincipal().getName();
    }

    /** The person with their roles, for controls that depend on both (maker-checker). */
    public Person person() {
        return new Person(name(), identity == null ? Set.of() : identity.getRoles());
    }
}
