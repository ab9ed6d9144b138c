package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Who receives a payment, per paying company (first-payment alerts, duplicate checks and daily limits are per company).
 * A wallet identity is stored as it is; a bank account number only encrypted, under a keyed hash of itself as its key,
 * and shown masked in lists. The name an account is held in (户名) is personal data too: each order keeps it
 * encrypted, bound to its beneficiary's key.
 */
@ApplicationScoped
public class Beneficiaries {

    /** Associated data of a beneficiary's encrypted account number: binds the ciphertext to its row's key. */
    static final String ACCOUNT_CONTEXT = "beneficiaries.account:";

    /** Associated data of an order's encrypted account name: binds it to the beneficiary the order pays. */
    static final String ACCOUNT_NAME_CONTEXT = "payment_orders.account_name:";

    private final BeneficiaryRepository repository;
    private final KeyService keys;

    public Beneficiaries(BeneficiaryRepository repository, KeyService keys) {
        this.repository = repository;
        this.keys = keys;
    }

    /** A beneficiary of a payment order, and whether it is the company's first payment to it. */
    record Beneficiary(long id, boolean isNew, String masked, String key) {
    }

    /**
     * The paying company's beneficiary ({@code kind} {@code wallet} or {@code bank_account}), registered on its first
     * payment.
     */
    Uni<Beneficiary> of(long companyId, PaymentRequests.Beneficiary b, String kind) {
        String key;
        String masked;
        byte[] ciphertext = null;
        if ("wallet".equals(kind)) {
            key = b.walletIdentity().trim();
            masked = key;
        } else {
            String number = b.bankAccount().toUpperCase(Locale.ROOT);
            key = keys.lookupHash(number);
            masked = "****" + number.substring(number.length() - 4);
            ciphertext = keys.encrypt(number.getBytes(StandardCharsets.UTF_8), ACCOUNT_CONTEXT + key);
        }
        return repository
                .register(companyId, kind, key, b.name(), masked, ciphertext, b.bankCode() == null ? "" : b.bankCode())
                .map(r -> new Beneficiary(r.id(), r.isNew(), masked, key));
    }

    /** The account name (户名) an order gives, sealed for the beneficiary of key {@code key}; null stays null. */
    byte[] sealAccountName(String accountName, String key) {
        return accountName == null
                ? null
                : keys.encrypt(accountName.trim().getBytes(StandardCharsets.UTF_8), ACCOUNT_NAME_CONTEXT + key);
    }

    /** The account name sealed by {@link #sealAccountName}. */
    String accountName(byte[] ciphertext, String key) {
        return new String(keys.decrypt(ciphertext, ACCOUNT_NAME_CONTEXT + key), StandardCharsets.UTF_8);
    }

    /** The bank account number sealed under beneficiary key {@code key}. */
    String accountNumber(byte[] ciphertext, String key) {
        return new String(keys.decrypt(ciphertext, ACCOUNT_CONTEXT + key), StandardCharsets.UTF_8);
    }
}
