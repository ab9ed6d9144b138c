package io.walletrecon.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The verified token with {@link #getName()} = the person id ({@link PersonIds}); every claim as the token has it. */
final class PersonPrincipal implements JsonWebToken {

    private final JsonWebToken token;
    private final String personId;

    PersonPrincipal(JsonWebToken token, String personId) {
        this.token = token;
        this.personId = personId;
    }

    @Override
    public String getName() {
        return personId;
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }

    @Override
    public String toString() {
        return personId;
    }
}
