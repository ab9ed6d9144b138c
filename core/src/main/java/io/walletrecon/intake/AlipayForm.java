package io.walletrecon.intake;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Alipay notification body ({@code application/x-www-form-urlencoded}) decoded with the charset it declares in
 * its own {@code charset} parameter (UTF-8 unless told otherwise; older integrations send GBK).
 */
final class AlipayForm {

    private AlipayForm() {
    }

    static Map<String, String> parse(byte[] body) {
        // percent-encoding keeps the raw form ASCII, so the charset parameter can be found before decoding the rest
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Charset charset = StandardCharsets.UTF_8;
        for (String pair : raw.split("&")) {
            if (pair.startsWith("charset=")) {
                charset = charset(URLDecoder.decode(pair.substring(8), StandardCharsets.US_ASCII));
            }
        }
        Map<String, String> params = new TreeMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.put(URLDecoder.decode(key, charset), URLDecoder.decode(value, charset));
            } catch (IllegalArgumentException e) {
                throw new WebhookRejectedException(RejectionReason.MALFORMED,
                        "the form body is not valid URL encoding");
            }
        }
        return params;
    }

    /** The charset an Alipay notification declares; UTF-8 when it declares none or an unknown one. */
    static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The string Alipay signs: every non-empty parameter except sign and sign_type, sorted by key, k=v joined by &. */
    static String signingString(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("sign") || e.getKey().equals("sign_type") || e.getValue() == null
                    || e.getValue().isEmpty()) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }
}
