package io.walletrecon.customers;

import io.walletrecon.security.KeyService;

import java.util.Locale;
import java.util.Set;

/**
 * Derivation of payer identity keys, shared with matching: wallet ids are their own key (Alipay logons
 * lower-cased), bank accounts are keyed by {@code KeyService.lookupHash(normalisedNumber)} so that the number
 * itself is stored only encrypted. Matching finds the customer of a statement line's counterparty account with
 * {@code select customer_id from payer_identities where kind = 'bank_account' and identity_key = :bankAccountKey}.
 */
public final class PayerIdentities {

    public static final Set<String> KINDS = Set.of("alipay_buyer_id", "alipay_logon", "wechat_openid",
            "stripe_customer", "bank_account");

    private PayerIdentities() {
    }

    /** IBAN or domestic number: upper-cased, spaces, dashes and dots removed. */
    public static String normaliseAccountNumber(String number) {
        return number.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
    }

    public static String bankAccountKey(KeyService keys, String number) {
        return keys.lookupHash(normaliseAccountNumber(number));
    }

    public static String key(KeyService keys, String kind, String value) {
        String v = value.trim();
        return switch (kind) {
            case "bank_account" -> bankAccountKey(keys, v);
            case "alipay_logon" -> v.toLowerCase(Locale.ROOT);
            default -> v;
        };
    }

    public static String mask(String kind, String value) {
        String v = value.trim();
        if (kind.equals("bank_account")) {
            String n = normaliseAccountNumber(v);
            return "****" + n.substring(Math.max(0, n.length() - 4));
        }
        if (kind.equals("alipay_logon") && v.contains("@")) {
            return maskEmail(v);
        }
        if (v.length() <= 8) {
            return v.charAt(0) + "***";
        }
        return v.substring(0, 4) + "***" + v.substring(v.length() - 4);
    }

    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.trim();
        if (p.length() <= 7) {
            return "***" + p.substring(Math.max(0, p.length() - 2));
        }
        return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
