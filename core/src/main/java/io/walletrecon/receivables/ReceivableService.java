package io.walletrecon.receivables;

import io.walletrecon.data.Paging;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.customers.CustomerRepository;
import io.walletrecon.customers.UniqueViolations;
import io.walletrecon.data.PageView;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Receivables created one at a time; bulk files go through {@link ReceivableImportService}. */
@ApplicationScoped
public class ReceivableService {

    public static final Set<String> STATUSES = Set.of("open", "partially_paid", "paid", "written_off", "cancelled");

    private final ReceivableRepository receivables;
    private final CustomerRepository customers;
    private final CompanyService companies;
    private final CollectionCodeService codes;
    private final AuditLog audit;

    private final Paging paging;

    public ReceivableService(ReceivableRepository receivables, CustomerRepository customers, CompanyService companies,
            CollectionCodeService codes, AuditLog audit, Paging paging) {
        this.paging = paging;
        this.receivables = receivables;
        this.customers = customers;
        this.companies = companies;
        this.codes = codes;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<ReceivableView> create(ReceivableRequests.Create request, String actor) {
        List<ProblemError> errors = new ArrayList<>();
        Money amount = null;
        try {
            amount = Money.parse(request.amount(), request.currency());
            if (amount.minorUnits() <= 0) {
                errors.add(ProblemError.field("amount", "must be more than zero"));
            }
        } catch (MoneyFormatException e) {
            errors.add(ProblemError.field("amount", e.getMessage()));
        }
        if (request.dueDate().isBefore(request.issueDate())) {
            errors.add(ProblemError.field("dueDate", "must not be before issueDate"));
        }
        Validation.refuseIfAny(errors);
        Money money = amount;
        String[] company = new String[1];
        return customers.findById(request.customerId()).onItem().ifNull()
                .failWith(() -> ApiException.unprocessable("No customer with id " + request.customerId(),
                        List.of(ProblemError.field("customerId", "does not exist"))))
                .call(customer -> companies.codeOf(customer.companyId).invoke(code -> company[0] = code)
                        .invoke(code -> sameCompany(request, code)))
                .chain(customer -> {
                    Receivable r = new Receivable();
                    r.companyId = customer.companyId;
                    r.customerId = customer.id;
                    r.reference = request.reference().trim();
                    r.amountMinor = money.minorUnits();
                    r.currency = money.currencyCode();
                    r.issueDate = request.issueDate();
                    r.dueDate = request.dueDate();
                    r.status = "open";
                    r.createdAt = Instant.now();
                    r.updatedAt = r.createdAt;
                    return receivables.persistAndFlush(r);
                })
                .chain(r -> !request.issueCollectionCode()
                        ? Uni.createFrom().item(r)
                        : codes.issue(r.customerId, r.id).map(code -> {
                            r.collectionCode = code;
                            return r;
                        }).call(() -> Panache.getSession().chain(s -> s.flush())))
                .call(r -> audit.record(actor, "receivable.created", "receivable", r.id, null, summary(r, company[0])))
                .map(r -> ReceivableView.of(r, company[0]))
                .onFailure(UniqueViolations::is).transform(e -> ApiException.conflict(
                        "Customer " + request.customerId() + " already has a receivable with reference '"
                                + request.reference() + "'"));
    }

    /** A receivable's company is its customer's; a request that names another one was meant for another customer. */
    private static void sameCompany(ReceivableRequests.Create request, String customerCompany) {
        if (request.company() != null && !request.company().isBlank()
                && !request.company().trim().equals(customerCompany)) {
            throw ApiException.unprocessable(
                    "Customer " + request.customerId() + " belongs to company '" + customerCompany + "', not '"
                            + request.company().trim() + "'; a receivable belongs to its customer's company",
                    List.of(ProblemError.field("company", "is not the customer's company '" + customerCompany + "'")));
        }
    }

    @WithSession
    public Uni<ReceivableView> get(long id) {
        return receivables.findById(id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No receivable with id " + id))
                .chain(r -> companies.codeOf(r.companyId).map(company -> ReceivableView.of(r, company)));
    }

    /** Receivables by the given filters (each optional), of one company when {@code company} is given. */
    @WithSession
    public Uni<PageView<ReceivableView>> list(String company, Long customerId, String status, String reference,
            String currency,
            LocalDate dueFrom, LocalDate dueTo, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(ProblemError.field("status",
                    "must be one of " + String.join(", ", STATUSES.stream().sorted().toList())));
        }
        paging.check(page, size, errors);
        Validation.refuseIfAny(errors);
        return companies.filter(company, "company").chain(scope -> {
            Filter f = Filter.of(scope == null ? null : scope.id, customerId, status, reference, currency, dueFrom,
                    dueTo);
            var found = receivables.find(f.query(), Sort.by("dueDate").and("id"), f.params());
            return found.page(Page.of(page, size)).list().chain(items -> companies.codes().chain(codes -> found.count()
                    .map(total -> new PageView<>(
                            items.stream().map(r -> ReceivableView.of(r, codes.get(r.companyId))).toList(), page, size,
                            total))));
        });
    }

    /** The list filters as a Panache query over {@link Receivable}: each given value one bound condition. */
    private record Filter(String query, Parameters params) {

        static Filter of(Long companyId, Long customerId, String status, String reference, String currency,
                LocalDate dueFrom, LocalDate dueTo) {
            StringBuilder q = new StringBuilder("1 = 1");
            Parameters p = new Parameters();
            and(q, p, "companyId = :company", "company", companyId);
            and(q, p, "customerId = :customer", "customer", customerId);
            and(q, p, "status = :status", "status", status);
            and(q, p, "reference = :reference", "reference", reference);
            and(q, p, "currency = :currency", "currency", currency);
            and(q, p, "dueDate >= :dueFrom", "dueFrom", dueFrom);
            and(q, p, "dueDate <= :dueTo", "dueTo", dueTo);
            return new Filter(q.toString(), p);
        }

        private static void and(StringBuilder q, Parameters p, String condition, String name, Object value) {
            if (value != null) {
                q.append(" and ").append(condition);
                p.and(name, value);
            }
        }
    }

    private static Map<String, Object> summary(Receivable r, String company) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", company);
        m.put("customerId", r.customerId);
        m.put("reference", r.reference);
        m.put("amountMinor", r.amountMinor);
        m.put("currency", r.currency);
        m.put("dueDate", r.dueDate.toString());
        m.put("collectionCode", r.collectionCode);
        return m;
    }
}
