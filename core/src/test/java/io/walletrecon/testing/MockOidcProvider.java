package io.walletrecon.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider on loopback for the console's sign-in in tests: discovery, an authorization page where a
 * person types who they are (maker, approver, admin), a token endpoint that refuses a code without its PKCE verifier
 * (S256), the signing key as JWKS (generated here), and an end-session endpoint. Tokens carry the roles in
 * {@code groups} like every issuer we support.
 */
public class MockOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "walletrecon-console";
    static final String CLIENT_SECRET = "test-client-secret-of-the-console-0123456789";
    static final Map<String, String> ROLES = Map.of(
            "maker", "\"finance\"",
            "approver", "\"approver\",\"finance\"",
            "checker", "\"approver\",\"finance\"",
            "admin", "\"admin\",\"finance\"");

    private HttpServer server;
    private KeyPair keys;
    private String issuer;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration",
                ex -> answer(ex, 200, "application/json",
                        """
                                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token","jwks_uri":"%1$s/jwks",
                                 "end_session_endpoint":"%1$s/logout","response_types_supported":["code"],"subject_types_supported":["public"],
                                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
                                .formatted(issuer)));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", ex -> answer(ex, 200, "application/json", jwks()));
        server.createContext("/logout", ex -> {
            String back = query(ex.getRequestURI().getRawQuery()).getOrDefault("post_logout_redirect_uri", "/");
            ex.getResponseHeaders().add("Location", back);
            answer(ex, 302, "text/plain", "");
        });
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** GET: the sign-in form; POST: the person signs in and goes back with a code bound to their PKCE challenge. */
    private void authorize(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("GET")) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
                answer(ex, 400, "text/plain", "this provider requires PKCE (S256)");
                return;
            }
            String hidden = String.join("", q.entrySet().stream().map(e -> "<input type=hidden name=\"" + e.getKey()
                    + "\" value=\"" + e.getValue().replace("\"", "&quot;") + "\">").toList());
            answer(ex, 200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><body><h1>Mock identity provider</h1><form method=post action=/authorize>"
                            + hidden
                            + "<label>User <input id=username name=username></label><button id=sign-in type=submit>Sign in</button></form></body></html>");
            return;
        }
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = form.get("username");
        if (user == null || !ROLES.containsKey(user)) {
            answer(ex, 403, "text/plain", "unknown user");
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>(form);
        codes.put(code, grant);
        ex.getResponseHeaders().add("Location",
                form.get("redirect_uri") + (form.get("redirect_uri").contains("?") ? "&" : "?")
                        + "code=" + code + "&state="
                        + URLEncoder.encode(form.getOrDefault("state", ""), StandardCharsets.UTF_8));
        answer(ex, 302, "text/plain", "");
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || form.get("code_verifier") == null
                || !grant.get("code_challenge").equals(s256(form.get("code_verifier")))) {
            answer(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String user = grant.get("username");
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"aud\":\"" + CLIENT_ID + "\",\"name\":\""
                + user
                + " (test)\",\"groups\":[" + ROLES.get(user) + "],\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + (grant.get("nonce") == null ? "" : ",\"nonce\":\"" + grant.get("nonce") + "\"") + "}";
        String token = sign(claims);
        answer(ex, 200, "application/json", "{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private String sign(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + b64.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
