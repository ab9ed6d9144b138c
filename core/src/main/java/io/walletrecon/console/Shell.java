package io.walletrecon.console;

import java.util.Set;

/**
 * What every console page shows around its content: the language (and the switch to the other one), who is signed
 * in and with which roles (the navigation shows only what they may do), the form token, and the page's own path with
 * its query (the language switch comes back to it).
 *
 * @param person the person id ({@code sub@iss}) that maker-checker compares
 * @param displayName the name the identity provider gives, shown only
 */
public record Shell(Language lang, String person, String displayName, Set<String> roles, String csrf, String path,
        String section) {

    public boolean can(String role) {
        return roles.contains(role);
    }

    public boolean signedIn() {
        return person != null;
    }
}
