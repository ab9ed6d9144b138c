package io.walletrecon.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the principal's name the person id (issuer + subject) for every bearer token, so that every place that
 * records or compares "who" (audit, creators, approvers, idempotency scopes) sees the same stable identity. A token
 * without a subject identifies nobody and is refused.
 */
@ApplicationScoped
public class PersonIdentityAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token instanceof PersonPrincipal) {
            return Uni.createFrom().item(identity);
        }
        String issuer = token.getIssuer();
        String subject = token.getSubject();
        if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("the token names no subject (sub) at its issuer (iss)"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .setPrincipal(new PersonPrincipal(token, PersonIds.of(issuer, subject))).build());
    }
}
