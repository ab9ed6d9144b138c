package io.walletrecon.security;

/**
 * How a person is written where a person is recorded (audit log, creators, approvers): {@code <sub>@<iss>}, the
 * token's subject at its issuer. Never the {@code upn}, {@code preferred_username} or e-mail, which identity
 * providers let users or admins change: the same subject under two names is one person, and a renamed person
 * does not become someone else. {@code @} and {@code %} in the issuer are percent-encoded, so the last {@code @}
 * always separates the two parts and two different (issuer, subject) pairs never give the same id.
 */
public final class PersonIds {

    private PersonIds() {
    }

    public static String of(String issuer, String subject) {
        if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a person needs an issuer and a subject");
        }
        return subject + "@" + issuer.replace("%", "%25").replace("@", "%40");
    }
}
