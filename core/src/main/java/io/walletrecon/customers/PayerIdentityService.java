package io.walletrecon.customers;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Adds and removes a customer's payer identities (audited); matching links transactions to customers by them. */
@ApplicationScoped
public class PayerIdentityService {

    private final CustomerRepository customers;
    private final CustomerPersonalData personalData;
    private final AuditLog audit;

    public PayerIdentityService(CustomerRepository customers, CustomerPersonalData personalData, AuditLog audit) {
        this.customers = customers;
        this.personalData = personalData;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<CustomerView> add(long customerId, CustomerRequests.Identity request, String actor) {
        personalData.checkIdentities(List.of(request));
        return customers.require(customerId).chain(c -> add(c, request, actor)).chain(c -> personalData.view(c, false))
                .onFailure(UniqueViolations::is).transform(UniqueViolations::customerConflict);
    }

    private Uni<Customer> add(Customer c, CustomerRequests.Identity request, String actor) {
        PayerIdentity p = personalData.identity(c, request);
        c.identities.add(p);
        c.updatedAt = Instant.now();
        return customers.flush().call(() -> audit.record(actor, "customer.identity-added", "customer", c.id, null,
                Map.of("kind", p.kind, "masked", p.masked))).replaceWith(c);
    }

    /**
     * In the caller's transaction: the ordering account of a bank line that a person attributed to {@code c} (a claim
     * of an unidentified receipt) becomes a {@code bank_account} payer identity of the customer, with the holder's
     * name and the exception it was learned from, so that the next transfer from that account matches by itself.
     * Nothing is learned (null) when the company already knows that account as a payer (of this or another customer)
     * or it is not an account number. The caller audits.
     */
    public Uni<PayerIdentity> learnBankAccount(Customer c, String account, String holderName, long exceptionId) {
        if (account == null || !PayerIdentities.normaliseAccountNumber(account).matches("[A-Z0-9]{6,34}")) {
            return Uni.createFrom().nullItem();
        }
        CustomerRequests.Identity request = new CustomerRequests.Identity("bank_account", account, null);
        PayerIdentity p = personalData.identity(c, request);
        p.holderName = holderName;
        p.learnedFromExceptionId = exceptionId;
        return customers.identityTaken(c.companyId, p.kind, p.identityKey).chain(taken -> {
            if (taken) {
                return Uni.createFrom().nullItem();
            }
            c.identities.add(p);
            c.updatedAt = Instant.now();
            return customers.flush().replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<CustomerView> remove(long customerId, long identityId, String actor) {
        return customers.require(customerId).chain(c -> remove(c, identityId, actor))
                .chain(c -> personalData.view(c, false));
    }

    private Uni<Customer> remove(Customer c, long identityId, String actor) {
        PayerIdentity p = c.identities.stream().filter(i -> i.id == identityId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Customer " + c.id + " has no payer identity " + identityId));
        c.identities.remove(p);
        c.updatedAt = Instant.now();
        return customers.flush().call(() -> audit.record(actor, "customer.identity-removed", "customer", c.id, null,
                Map.of("kind", p.kind, "masked", p.masked))).replaceWith(c);
    }
}
