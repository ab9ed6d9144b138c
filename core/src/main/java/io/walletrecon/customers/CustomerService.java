package io.walletrecon.customers;

import io.walletrecon.data.Paging;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.Company;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.PageView;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers: create (with a collection code), list, read, update and delete. Their payer identities are changed by
 * {@link PayerIdentityService}; their personal data is sealed and opened by {@link CustomerPersonalData}.
 */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CompanyService companies;
    private final CollectionCodeService codes;
    private final CustomerPersonalData personalData;
    private final AuditLog audit;
    private final Paging paging;

    public CustomerService(CustomerRepository customers, CompanyService companies, CollectionCodeService codes,
            CustomerPersonalData personalData, AuditLog audit, Paging paging) {
        this.customers = customers;
        this.companies = companies;
        this.codes = codes;
        this.personalData = personalData;
        this.audit = audit;
        this.paging = paging;
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequests.Create request, String actor) {
        List<CustomerRequests.Identity> identities = request.identities() == null ? List.of() : request.identities();
        personalData.checkIdentities(identities);
        return companies.resolve(request.company(), "company")
                .chain(company -> create(request, identities, company, actor))
                .onFailure(UniqueViolations::is).transform(UniqueViolations::customerConflict);
    }

    private Uni<CustomerView> create(CustomerRequests.Create request, List<CustomerRequests.Identity> identities,
            Company company, String actor) {
        Customer c = new Customer();
        c.companyId = company.id;
        c.externalId = blankToNull(request.externalId());
        c.name = request.name().trim();
        c.contactName = request.contactName();
        c.riskRating = request.riskRating() == null ? "normal" : request.riskRating();
        c.notes = request.notes();
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        for (CustomerRequests.Identity i : identities) {
            c.identities.add(personalData.identity(c, i));
        }
        return customers.persistAndFlush(c)
                .chain(saved -> codes.issue(saved.id, null).map(code -> {
                    saved.collectionCode = code;
                    saved.phoneCiphertext = personalData.seal(saved.id, "phone", request.phone());
                    saved.emailCiphertext = personalData.seal(saved.id, "email", request.email());
                    return saved;
                }))
                .call(() -> customers.flush())
                .call(saved -> audit.record(actor, "customer.created", "customer", saved.id, null,
                        summary(saved, company.code, identities.size())))
                .map(saved -> personalData.view(saved, company.code, false));
    }

    /**
     * Customers, of one company when {@code company} is given; {@code query} matches name, externalId or collection
     * code.
     */
    @WithSession
    public Uni<PageView<CustomerView>> list(String company, String query, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        return companies.filter(company, "company").chain(scope -> page(scope, query, page, size));
    }

    private Uni<PageView<CustomerView>> page(Company scope, String query, int page, int size) {
        return customers.page(scope == null ? null : scope.id, query, page, size)
                .chain(found -> companies.codes().map(codes -> new PageView<>(
                        found.items().stream().map(c -> personalData.view(c, codes.get(c.companyId), true)).toList(),
                        page, size, found.total())));
    }

    @WithSession
    public Uni<CustomerView> get(long id) {
        return require(id).chain(c -> personalData.view(c, false));
    }

    @WithTransaction
    public Uni<CustomerView> update(long id, CustomerRequests.Update request, String actor) {
        return require(id).chain(c -> {
            Map<String, Object> changed = new LinkedHashMap<>();
            if (request.externalId() != null && !request.externalId().equals(c.externalId)) {
                changed.put("externalId", Map.of("from", String.valueOf(c.externalId), "to", request.externalId()));
                c.externalId = blankToNull(request.externalId());
            }
            if (request.name() != null && !request.name().equals(c.name)) {
                changed.put("name", Map.of("from", c.name, "to", request.name()));
                c.name = request.name().trim();
            }
            if (request.contactName() != null && !request.contactName().equals(c.contactName)) {
                changed.put("contactName", "changed");
                c.contactName = request.contactName();
            }
            if (request.phone() != null) {
                changed.put("phone", "replaced");
                c.phoneCiphertext = personalData.seal(c.id, "phone", request.phone());
            }
            if (request.email() != null) {
                changed.put("email", "replaced");
                c.emailCiphertext = personalData.seal(c.id, "email", request.email());
            }
            if (request.riskRating() != null && !request.riskRating().equals(c.riskRating)) {
                changed.put("riskRating", Map.of("from", c.riskRating, "to", request.riskRating()));
                c.riskRating = request.riskRating();
            }
            if (request.notes() != null && !request.notes().equals(c.notes)) {
                changed.put("notes", "changed");
                c.notes = request.notes();
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(c);
            }
            c.updatedAt = Instant.now();
            return customers.flush()
                    .call(() -> audit.record(actor, "customer.updated", "customer", c.id, null, changed))
                    .replaceWith(c);
        }).chain(c -> personalData.view(c, false)).onFailure(UniqueViolations::is)
                .transform(UniqueViolations::customerConflict);
    }

    @WithTransaction
    public Uni<Void> delete(long id, String actor) {
        return require(id).chain(c -> customers.receivablesOf(id)
                .chain(receivables -> {
                    if (receivables > 0) {
                        throw ApiException.conflict("Customer " + id + " has " + receivables
                                + " receivable(s); cancel or write them off instead of deleting the customer");
                    }
                    return customers.delete(c);
                })
                .call(() -> audit.record(actor, "customer.deleted", "customer", id, null, Map.of("name", c.name))))
                .replaceWithVoid();
    }

    private Uni<Customer> require(long id) {
        return customers.require(id);
    }

    private static Map<String, Object> summary(Customer c, String company, int identities) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", company);
        m.put("name", c.name);
        m.put("externalId", c.externalId);
        m.put("riskRating", c.riskRating);
        m.put("identities", identities);
        m.put("collectionCode", c.collectionCode);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
