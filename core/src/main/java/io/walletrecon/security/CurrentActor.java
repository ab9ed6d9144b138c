package io.walletrecon.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is acting in this request, as recorded in the audit log: the token's subject. */
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
}
