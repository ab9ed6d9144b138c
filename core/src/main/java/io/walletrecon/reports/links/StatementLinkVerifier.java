package io.walletrecon.reports.links;

import io.walletrecon.config.WalletreconConfig;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.reports.ReportsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and checks customer statement links. A token is {@code base64url("<linkId>.<expiresEpochSeconds>")}
 * + "." + {@code base64url(HMAC-SHA256(key, that payload))}: the customer needs no login, and changing the id or
 * the expiry breaks the signature. The key is {@code walletrecon.reports.link-key} or, when unset, derived from
 * the master key with its own label, so it is never the key that encrypts data.
 */
@ApplicationScoped
public class StatementLinkVerifier {

    public record Claims(long linkId, Instant expiresAt) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public StatementLinkVerifier(ReportsConfig reports, WalletreconConfig config) {
        byte[] raw = reports.linkKey().filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> hmac(Base64.getDecoder().decode(config.masterKey().trim()),
                        "walletrecon/statement-links"));
        if (raw.length < 32) {
            throw new IllegalStateException("walletrecon.reports.link-key must be base64 of at least 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String sign(long linkId, Instant expiresAt) {
        String payload = B64
                .encodeToString((linkId + "." + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The link the token names, if the signature holds and it has not expired at {@code now}. */
    public Claims verify(String token, Instant now) {
        ApiException invalid = new ApiException(ProblemType.FORBIDDEN,
                "This statement link is not valid; ask the sender for a new link");
        if (token == null || token.length() > 200) {
            throw invalid;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid;
        }
        String payload = token.substring(0, dot);
        String claims;
        try {
            claims = new String(B64D.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        // Compared as canonical text, not decoded bytes: the decoder ignores the spare bits of the last base64
        // character, so two different tokens could otherwise carry the same signature.
        byte[] expected = B64.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid;
        }
        String[] parts = claims.split("\\.");
        if (parts.length != 2) {
            throw invalid;
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (!now.isBefore(expires)) {
            throw new ApiException(ProblemType.GONE,
                    "This statement link expired at " + expires + "; ask the sender for a new link");
        }
        return new Claims(Long.parseLong(parts[0]), expires);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
