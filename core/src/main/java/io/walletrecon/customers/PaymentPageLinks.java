package io.walletrecon.customers;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Links to a customer's payment page (收款页: the collection code, its QR, what is due, how to pay), which opens without
 * signing in. A link is {@code /pay/<code>.<signature>}: the signature (an HMAC under a key derived from the master
 * key) makes it unguessable although codes are short and printed on invoices, and, like a printed code, it does not
 * expire.
 */
@ApplicationScoped
public class PaymentPageLinks {

    public static final String PATH = "/pay/";
    static final String PURPOSE = "walletrecon/payment-pages";
    /** 128 bits of the HMAC: unguessable, and the link stays short enough for a text message. */
    static final int SIGNATURE_BYTES = 16;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyService keys;
    private final ReportsConfig reports;

    public PaymentPageLinks(KeyService keys, ReportsConfig reports) {
        this.keys = keys;
        this.reports = reports;
    }

    /** The page's address for a customer's (or a receivable's) collection code, to send or print. */
    public String link(String code) {
        String base = reports.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + token(code);
    }

    /** The code a token names, when the signature is ours; else 403. */
    public String verify(String token) {
        ApiException invalid = new ApiException(ProblemType.FORBIDDEN,
                "This payment page link is not valid; ask the sender for a new link");
        int dot = token == null || token.length() > 100 ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid;
        }
        String code = token.substring(0, dot);
        // Compared as canonical text: the decoder would ignore the spare bits of the last base64 character.
        if (!CollectionCodes.isValid(code)
                || !MessageDigest.isEqual(B64.encodeToString(signature(code)).getBytes(StandardCharsets.US_ASCII),
                        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid;
        }
        return code;
    }

    String token(String code) {
        return code + "." + B64.encodeToString(signature(code));
    }

    private byte[] signature(String code) {
        return Arrays.copyOf(keys.mac(PURPOSE, code.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
    }
}
