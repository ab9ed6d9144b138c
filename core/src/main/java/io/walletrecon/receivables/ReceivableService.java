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
import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.customers.CustomerRepository;
import io.walletrecon.customers.UniqueViolations;
import io.walletrecon.data.PageView;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
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
    static final int MAX_PAGE_SIZE = 500;

    private final ReceivableRepository receivables;
    private final CustomerRepository customers;
    private final CollectionCodeService codes;
    private final AuditLog audit;

    public ReceivableService(ReceivableRepository receivables, CustomerRepository customers, CollectionCodeService codes, AuditLog audit) {
        this.receivables = receivables;
        this.customers = customers;
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        Money money = amount;
        return customers.findById(request.customerId()).onItem().ifNull()
                .failWith(() -> ApiException.unprocessable("No customer with id " + request.customerId(),
                        List.of(ProblemError.field("customerId", "does not exist"))))
                .chain(customer -> {
                    Receivable r = new Receivable();
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
                .chain(r -> !request.issueCollectionCode() ? Uni.createFrom().item(r)
                        : codes.issue(r.customerId, r.id).map(code -> {
                            r.collectionCode = code;
                            return r;
                        }).call(() -> Panache.getSession().chain(s -> s.flush())))
                .call(r -> audit.record(actor, "receivable.created", "receivable", r.id, null, summary(r)))
                .map(ReceivableView::of)
                .onFailure(UniqueViolations::is).transform(e -> ApiException.conflict(
                        "Customer " + request.customerId() + " already has a receivable with reference '" + request.reference() + "'"));
    }

    @WithSession
    public Uni<ReceivableView> get(long id) {
        return receivables.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("No receivable with id " + id))
                .map(ReceivableView::of);
    }

    @WithSession
    public Uni<PageView<ReceivableView>> list(Long customerId, String status, String reference, String currency,
                                              LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        List<ProblemError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(ProblemError.field("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList())));
        }
        Paging.check(page, size, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (customerId != null) {
            q.append(" and customerId = :customer");
            p.and("customer", customerId);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (reference != null) {
            q.append(" and reference = :reference");
            p.and("reference", reference);
        }
        if (currency != null) {
            q.append(" and currency = :currency");
            p.and("currency", currency);
        }
        if (dueFrom != null) {
            q.append(" and dueDate >= :dueFrom");
            p.and("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            q.append(" and dueDate <= :dueTo");
            p.and("dueTo", dueTo);
        }
        var found = receivables.find(q.toString(), Sort.by("dueDate").and("id"), p);
        return found.page(Page.of(page, size)).list().chain(items -> found.count()
                .map(total -> new PageView<>(items.stream().map(ReceivableView::of).toList(), page, size, total)));
    }

    private static Map<String, Object> summary(Receivable r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.customerId);
        m.put("reference", r.reference);
        m.put("amountMinor", r.amountMinor);
        m.put("currency", r.currency);
        m.put("dueDate", r.dueDate.toString());
        m.put("collectionCode", r.collectionCode);
        return m;
    }
}
