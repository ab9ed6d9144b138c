package io.walletrecon.customers;

import io.smallrye.mutiny.Uni;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The only code that encrypts or decrypts a customer's personal data (phone, email, payer identities), and the view
 * of a customer with it opened (or masked, in lists).
 */
@ApplicationScoped
public class CustomerPersonalData {

    private final KeyService keys;
    private final CompanyService companies;

    public CustomerPersonalData(KeyService keys, CompanyService companies) {
        this.keys = keys;
        this.companies = companies;
    }

    /** The ciphertext of a phone or email of customer {@code id}; null for none. */
    byte[] seal(long id, String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return keys.encrypt(value.trim().getBytes(StandardCharsets.UTF_8), "customers." + column + ":" + id);
    }

    private String open(long id, String column, byte[] ciphertext) {
        return ciphertext == null
                ? null
                : new String(keys.decrypt(ciphertext, "customers." + column + ":" + id), StandardCharsets.UTF_8);
    }

    /** A new payer identity of the customer: its lookup key, masked form and the value encrypted. */
    PayerIdentity identity(Customer c, CustomerRequests.Identity i) {
        PayerIdentity p = new PayerIdentity();
        p.customer = c;
        p.companyId = c.companyId;
        p.kind = i.kind();
        p.identityKey = PayerIdentities.key(keys, i.kind(), i.value());
        p.masked = PayerIdentities.mask(i.kind(), i.value());
        p.bankCode = i.bankCode() == null || i.bankCode().isBlank() ? null : i.bankCode().trim();
        p.valueCiphertext = keys.encrypt(i.value().trim().getBytes(StandardCharsets.UTF_8),
                "payer_identities.value:" + p.kind + ":" + p.identityKey);
        p.createdAt = Instant.now();
        return p;
    }

    /** Refuses bank account numbers that are not one, and an identity given twice in one request. */
    void checkIdentities(List<CustomerRequests.Identity> identities) {
        List<ProblemError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < identities.size(); n++) {
            CustomerRequests.Identity i = identities.get(n);
            if (i.kind().equals("bank_account")) {
                String number = PayerIdentities.normaliseAccountNumber(i.value());
                if (!number.matches("[A-Z0-9]{6,34}")) {
                    errors.add(ProblemError.field("identities[" + n + "].value",
                            "must be an IBAN or account number (6 to 34 letters and digits)"));
                }
            }
            if (!seen.add(i.kind() + "\u0000" + PayerIdentities.key(keys, i.kind(), i.value()))) {
                errors.add(ProblemError.field("identities[" + n + "]",
                        "repeats an identity given earlier in this request"));
            }
        }
        Validation.refuseIfAny(errors);
    }

    Uni<CustomerView> view(Customer c, boolean masked) {
        return companies.codeOf(c.companyId).map(company -> view(c, company, masked));
    }

    CustomerView view(Customer c, String company, boolean masked) {
        String phone = open(c.id, "phone", c.phoneCiphertext);
        String email = open(c.id, "email", c.emailCiphertext);
        if (masked) {
            phone = PayerIdentities.maskPhone(phone);
            email = PayerIdentities.maskEmail(email);
        }
        return new CustomerView(c.id, company, c.externalId, c.name, c.contactName, phone, email, c.riskRating, c.notes,
                c.collectionCode, c.identities.stream().map(CustomerView.IdentityView::of).toList(), c.createdAt,
                c.updatedAt);
    }
}
