package io.walletrecon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens for tests with a key pair generated once per test JVM. The key files' directory is
 * kept in a system property because the test and the application under test may load this class in different
 * class loaders; the files are what they share.
 */
public final class TestJwt {

    public static final String ISSUER = "walletrecon";
    private static final String DIR_PROPERTY = "walletrecon-tests.jwt-dir";

    private TestJwt() {
    }

    public static synchronized Path publicKeyFile() {
        return keyDir().resolve("public.pem");
    }

    /** A token for {@code subject} carrying {@code roles} in its groups claim, valid for an hour. */
    public static String token(String subject, String... roles) {
        return tokenNamed(subject, subject, roles);
    }

    /** A token whose display name ({@code upn}) differs from its subject: the same person under another name. */
    public static String tokenNamed(String subject, String upn, String... roles) {
        long now = Instant.now().getEpochSecond();
        return signed(subject, upn, null, now, now + 3600, roles);
    }

    /** A token with an audience ({@code aud}, none when null) and the given issue and expiry times (epoch seconds). */
    public static String token(String subject, String audience, long issuedAt, long expires, String... roles) {
        return signed(subject, subject, audience, issuedAt, expires, roles);
    }

    private static String signed(String subject, String upn, String audience, long issuedAt, long expires,
            String... roles) {
        String groups = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + upn + "\",\"groups\":["
                + groups + "]" + (audience == null ? "" : ",\"aud\":\"" + audience + "\"")
                + ",\"iat\":" + issuedAt + ",\"exp\":" + expires + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    public static String bearerNamed(String subject, String upn, String... roles) {
        return "Bearer " + tokenNamed(subject, upn, roles);
    }

    /** How the application records the person of {@link #token}: subject at issuer. */
    public static String person(String subject) {
        return subject + "@" + ISSUER;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        try {
            byte[] der = Files.readAllBytes(keyDir().resolve("private.der"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path keyDir() {
        String existing = System.getProperty(DIR_PROPERTY);
        if (existing != null && Files.exists(Path.of(existing, "public.pem"))) {
            return Path.of(existing);
        }
        try {
            Path dir = Files.createTempDirectory("walletrecon-test-jwt");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.write(dir.resolve("private.der"), pair.getPrivate().getEncoded());
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(dir.resolve("public.pem"), pem);
            System.setProperty(DIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
