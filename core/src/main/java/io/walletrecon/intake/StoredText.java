package io.walletrecon.intake;

/**
 * Provider text as PostgreSQL can keep it. A {@code text} column cannot hold the NUL character U+0000 (the server
 * refuses the whole row), yet JSON may carry it, escaped, inside any string; an authentic event must not bounce for
 * that, so the character is stored as its six-character JSON escape (backslash, u, 0000). The raw body keeps the
 * original bytes.
 */
final class StoredText {

    static final String NUL_ESCAPED = "\\u0000";

    private StoredText() {
    }

    static String of(String value) {
        return value == null || value.indexOf(0) < 0 ? value : value.replace(String.valueOf((char) 0), NUL_ESCAPED);
    }
}
