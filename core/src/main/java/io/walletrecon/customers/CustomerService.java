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
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Customers and their payer identities; the only code that encrypts or decrypts their personal data. */
@ApplicationScoped
public class CustomerService {


    private final CustomerRepository customers;
    private final CompanyService companies;
    private final CollectionCodeService codes;
    private final PaymentPageLinks payPages;
    private final KeyService keys;
    private final AuditLog audit;

    private final Paging paging;

    public CustomerService(CustomerRepository customers, CompanyService companies, CollectionCodeService codes, PaymentPageLinks payPages,
                           KeyService keys, AuditLog audit, Paging paging) {
        this.paging = paging;
        this.customers = customers;
        this.companies = companies;
        this.codes = codes;
        this.payPages = payPages;
        this.keys = keys;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequests.Create request, String actor) {
        List<CustomerRequests.Identity> identities = request.identities() == null ? List.of() : request.identities();
        checkIdentities(identities);
        return companies.resolve(request.company(), "company").chain(company -> create(request, identities, company, actor))
                .onFailure(UniqueViolations::is).transform(CustomerService::conflict);
    }

    private Uni<CustomerView> create(CustomerRequests.Create request, List<CustomerRequests.Identity> identities, Company company, String actor) {
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
            c.identities.add(identity(c, i));
        }
        return customers.persistAndFlush(c)
                .chain(saved -> codes.issue(saved.id, null).map(code -> {
                    saved.collectionCode = code;
                    saved.phoneCiphertext = seal(saved.id, "phone", request.phone());
                    saved.emailCiphertext = seal(saved.id, "email", request.email());
                    return saved;
                }))
                .call(() -> customers.flush())
                .call(saved -> audit.record(actor, "customer.created", "customer", saved.id, null, summary(saved, company.code, identities.size())))
                .map(saved -> view(saved, company.code, false));
    }

    /** Customers, of one company when {@code company} is given; {@code query} matches name, externalId or collection code. */
    @WithSession
    public Uni<PageView<CustomerView>> list(String company, String query, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        return companies.filter(company, "company").chain(scope -> page(scope, query, page, size));
    }

    private Uni<PageView<CustomerView>> page(Company scope, String query, int page, int size) {
        return customers.page(scope == null ? null : scope.id, query, page, size)
                .chain(found -> companies.codes().map(codes -> new PageView<>(
                        found.items().stream().map(c -> view(c, codes.get(c.companyId), true)).toList(), page, size, found.total())));
    }

    @WithSession
    public Uni<CustomerView> get(long id) {
        return require(id).chain(c -> view(c, false));
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
                c.phoneCiphertext = seal(c.id, "phone", request.phone());
            }
            if (request.email() != null) {
                changed.put("email", "replaced");
                c.emailCiphertext = seal(c.id, "email", request.email());
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
                    .call(() -> audit.record(actor, "customer.updated", "customer", c.id, null, changed)).replaceWith(c);
        }).chain(c -> view(c, false)).onFailure(UniqueViolations::is).transform(CustomerService::conflict);
    }

    @WithTransaction
    public Uni<CustomerView> addIdentity(long id, CustomerRequests.Identity request, String actor) {
        checkIdentities(List.of(request));
        return require(id).chain(c -> {
                    PayerIdentity p = identity(c, request);
                    c.identities.add(p);
                    c.updatedAt = Instant.now();
                    return customers.flush()
                            .call(() -> audit.record(actor, "customer.identity-added", "customer", c.id, null,
                                    Map.of("kind", p.kind, "masked", p.masked)))
                            .replaceWith(c);
                }).chain(c -> view(c, false))
                .onFailure(UniqueViolations::is).transform(CustomerService::conflict);
    }

    @WithTransaction
    public Uni<CustomerView> removeIdentity(long id, long identityId, String actor) {
        return require(id).chain(c -> {
            PayerIdentity p = c.identities.stream().filter(i -> i.id == identityId).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Customer " + id + " has no payer identity " + identityId));
            c.identities.remove(p);
            c.updatedAt = Instant.now();
            return customers.flush()
                    .call(() -> audit.record(actor, "customer.identity-removed", "customer", c.id, null,
                            Map.of("kind", p.kind, "masked", p.masked)))
                    .replaceWith(c);
        }).chain(c -> view(c, false));
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

    @WithSession
    public Uni<CollectionCodeView> collectionCode(long id) {
        return require(id).map(c -> new CollectionCodeView(c.collectionCode, c.id, null, codes.link(c.collectionCode),
                payPages.link(c.collectionCode)));
    }

    public Uni<Customer> require(long id) {
        return customers.findWithIdentities(id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No customer with id " + id));
    }

    private PayerIdentity identity(Customer c, CustomerRequests.Identity i) {
        PayerIdentity p = new PayerIdentity();
        p.customer = c;
        p.companyId = c.companyId;
        p.kind = i.kind();
        p.identityKey = PayerIdentities.key(keys, i.kind(), i.value());
        p.masked = PayerIdentities.mask(i.kind(), i.value());
        p.bankCode = blankToNull(i.bankCode());
        p.valueCiphertext = keys.encrypt(i.value().trim().getBytes(StandardCharsets.UTF_8), identityData(p.kind, p.identityKey));
        p.createdAt = Instant.now();
        return p;
    }

    private void checkIdentities(List<CustomerRequests.Identity> identities) {
        List<ProblemError> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < identities.size(); n++) {
            CustomerRequests.Identity i = identities.get(n);
            if (i.kind().equals("bank_account")) {
                String number = PayerIdentities.normaliseAccountNumber(i.value());
                if (!number.matches("[A-Z0-9]{6,34}")) {
                    errors.add(ProblemError.field("identities[" + n + "].value", "must be an IBAN or account number (6 to 34 letters and digits)"));
                }
            }
            if (!seen.add(i.kind() + "\u0000" + PayerIdentities.key(keys, i.kind(), i.value()))) {
                errors.add(ProblemError.field("identities[" + n + "]", "repeats an identity given earlier in this request"));
            }
        }
        Validation.refuseIfAny(errors);
    }

    private Uni<CustomerView> view(Customer c, boolean masked) {
        return companies.codeOf(c.companyId).map(company -> view(c, company, masked));
    }

    private CustomerView view(Customer c, String company, boolean masked) {
        String phone = open(c.id, "phone", c.phoneCiphertext);
        String email = open(c.id, "email", c.emailCiphertext);
        if (masked) {
            phone = PayerIdentities.maskPhone(phone);
            email = PayerIdentities.maskEmail(email);
        }
        return new CustomerView(c.id, company, c.externalId, c.name, c.contactName, phone, email, c.riskRating, c.notes,
                c.collectionCode, c.identities.stream().map(CustomerView.IdentityView::of).toList(), c.createdAt, c.updatedAt);
    }

    private byte[] seal(long id, String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return keys.encrypt(value.trim().getBytes(StandardCharsets.UTF_8), "customers." + column + ":" + id);
    }

    private String open(long id, String column, byte[] ciphertext) {
        return ciphertext == null ? null : new String(keys.decrypt(ciphertext, "customers." + column + ":" + id), StandardCharsets.UTF_8);
    }

    private static String identityData(String kind, String key) {
        return "payer_identities.value:" + kind + ":" + key;
    }

    private static ApiException conflict(Throwable e) {
        String constraint = UniqueViolations.of(e).orElse("");
        if (constraint.contains("payer_identities")) {
            return ApiException.conflict("This payer identity already belongs to a customer of this company; remove it there first");
        }
        if (constraint.contains("external_id")) {
            return ApiException.conflict("Another customer of this company has this externalId");
        }
        return ApiException.conflict("The customer conflicts with an existing one (" + constraint + ")");
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
