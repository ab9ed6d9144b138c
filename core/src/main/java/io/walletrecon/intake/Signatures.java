package io.walletrecon.intake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** The primitives the verifiers share. Comparisons of MACs are constant-time. */
final class Signatures {

    /** Providers' tolerance for a signed timestamp, either side of now. */
    static final long TOLERANCE_SECONDS = 300;

    private Signatures() {
    }

    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    static boolean sha256WithRsa(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(message);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a unix-seconds header and rejects it when it is outside the tolerance of {@code clock}. */
    static long checkTimestamp(String value, Clock clock, String header) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED,
                    header + " is not a unix timestamp in seconds");
        }
        long now = Instant.now(clock).getEpochSecond();
        if (Math.abs(now - seconds) > TOLERANCE_SECONDS) {
            throw new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP,
                    header + " is " + Math.abs(now - seconds) + " s from now; at most " + TOLERANCE_SECONDS
                            + " s is accepted");
        }
        return seconds;
    }
}
