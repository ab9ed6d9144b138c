package io.walletrecon.customers;

import io.walletrecon.config.WalletreconConfig;
import io.walletrecon.problem.ApiException;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.security.MasterKeyService;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentPageLinksTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static PaymentPageLinks links(String masterKey) {
        MasterKeyService keys = new MasterKeyService(new WalletreconConfig() {
            public String masterKey() {
                return masterKey;
            }

            public int pageSize() {
                return 50;
            }
        });
        return new PaymentPageLinks(keys, new ReportsConfig() {
            public String companyName() {
                return "Acme";
            }

            public String language() {
                return "en";
            }

            public Optional<String> linkKey() {
                return Optional.empty();
            }

            public Duration linkTtl() {
                return Duration.ofDays(14);
            }

            public String publicBaseUrl() {
                return "https://pay.example.com/";
            }

            public int fetchSize() {
                return 2000;
            }

            public String exportDir() {
                return "/tmp";
            }

            public boolean bufferResponses() {
                return false;
            }

            public int maxPageSize() {
                return 1000;
            }
        });
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aLinkOpensTheCodeItWasMadeFor() {
        PaymentPageLinks links = links(key());
        String code = CollectionCodes.generate(RANDOM);
        String link = links.link(code);
        assertTrue(link.startsWith("https://pay.example.com/pay/" + code + "."), link);
        assertEquals(code, links.verify(link.substring(link.indexOf("/pay/") + 5)));
    }

    @Test
    void anotherCodeAnAlteredSignatureOrAnotherKeyIsRefused() {
        PaymentPageLinks links = links(key());
        String code = CollectionCodes.generate(RANDOM);
        String other = CollectionCodes.generate(RANDOM);
        String token = links.token(code);
        String signature = token.substring(token.indexOf('.') + 1);
        assertNotEquals(code, other);
        assertForbidden(links, other + "." + signature);
        assertForbidden(links, code.toLowerCase(Locale.ROOT) + "." + signature);
        assertForbidden(links, code + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));
        assertForbidden(links, code + "." + signature + "A");
        assertForbidden(links(key()), token);
        assertForbidden(links, code);
        assertForbidden(links, "." + signature);
        assertForbidden(links, token + ".x");
        assertForbidden(links, null);
    }

    private static void assertForbidden(PaymentPageLinks links, String token) {
        ApiException e = assertThrows(ApiException.class, () -> links.verify(token));
        assertEquals(403, e.type().status);
    }
}
