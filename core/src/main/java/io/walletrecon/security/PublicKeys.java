package io.walletrecon.security;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA public keys providers hand out: a PEM public key, a PEM X.509 certificate (WeChat Pay platform
 * certificates) or the bare base64 DER that Alipay's console shows.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static PublicKey parseRsa(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("public key is empty");
        }
        try {
            if (text.contains("BEGIN CERTIFICATE")) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                X509Certificate cert = (X509Certificate) factory
                        .generateCertificate(new ByteArrayInputStream(text.trim().getBytes()));
                return cert.getPublicKey();
            }
            String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM, certificate or base64 DER form");
        }
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
