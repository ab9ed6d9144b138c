package io.walletrecon.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protection of every form against cross-site request forgery: a signed double-submit token (OWASP). The browser
 * holds a random value in the {@value #COOKIE} cookie (HttpOnly, Secure, SameSite=Strict); each form carries
 * {@code HMAC(key, cookie value | scope)} in its {@value #FIELD} field (htmx sends it as the {@value #HEADER}
 * header). A forged request from another site can neither read the cookie nor compute the field, and the scope (the
 * signed-in person, or the statement link) keeps a token from serving anyone else. The key is derived from the
 * master key ({@link KeyService#mac}), so the tokens need no storage.
 */
@ApplicationScoped
public class FormTokens {

    public static final String COOKIE = "wr_form";
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String PURPOSE = "walletrecon/console-forms";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyService keys;
    private final SecureRandom random = new SecureRandom();

    public FormTokens(KeyService keys) {
        this.keys = keys;
    }

    /** The form token for {@code scope}, setting the browser's cookie first when it has none. */
    public String issue(HttpServerRequest request, HttpServerResponse response, String scope) {
        String secret = secret(request);
        if (secret == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secret = B64.encodeToString(bytes);
            response.addCookie(Cookie.cookie(COOKIE, secret).setPath("/").setHttpOnly(true).setSecure(true)
                    .setSameSite(CookieSameSite.STRICT));
        }
        return sign(secret, scope);
    }

    /** Whether {@code token} is the one this browser's cookie gives for {@code scope}. */
    public boolean valid(HttpServerRequest request, String scope, String token) {
        String secret = secret(request);
        if (secret == null || token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, scope).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String secret, String scope) {
        return B64.encodeToString(keys.mac(PURPOSE, (secret + "|" + scope).getBytes(StandardCharsets.UTF_8)));
    }

    private static String secret(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null || cookie.getValue().length() < 40 ? null : cookie.getValue();
    }
}
