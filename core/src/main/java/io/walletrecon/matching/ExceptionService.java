package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.customers.CompanyNames;
import io.walletrecon.customers.CustomerRepository;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.periods.PeriodLockGuard;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exceptions (差异) people work: list, annotate, assign and resolve; every change audited. Which status may follow
 * which is {@link ExceptionStateMachine}'s: a closed exception stays closed.
 */
@ApplicationScoped
public class ExceptionService {

    static final Set<String> TYPES = Set.of("unmatched_receipt", "unpaid_receivable", "amount_mismatch",
            "duplicate_payment",
            "ambiguous", "missing_in_provider", "missing_in_records", "settlement_difference",
            "settlement_not_arrived", "fx_difference", "unidentified_receipt", "payment_not_debited",
            "unexpected_debit", "debit_amount_mismatch");

    private final CompanyService companies;
    private final ExceptionRepository exceptions;
    private final AuditLog audit;
    private final Paging paging;
    private final CustomerRepository customers;
    private final PeriodLockGuard periods;

    public ExceptionService(CompanyService companies, ExceptionRepository exceptions, AuditLog audit, Paging paging,
            CustomerRepository customers, PeriodLockGuard periods) {
        this.periods = periods;
        this.customers = customers;
        this.companies = companies;
        this.exceptions = exceptions;
        this.audit = audit;
        this.paging = paging;
    }

    /** Exceptions by the given filters (each optional), of one company's accounts when {@code company} is given. */
    @WithSession
    public Uni<PageView<MatchingViews.ExceptionView>> list(String company, String account, String type, String status,
            LocalDate from,
            LocalDate to, String assignee, Long runId, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.invalid("type must be one of " + String.join(", ", TYPES.stream().sorted().toList()),
                    List.of(ProblemError.field("type", "unknown exception type '" + type + "'")));
        }
        if (status != null && ExceptionStatus.ofOrNull(status) == null) {
            throw ApiException.invalid("status must be one of " + ExceptionStatus.codes(),
                    List.of(ProblemError.field("status", "unknown status '" + status + "'")));
        }
        return companies.filter(company, "company")
                .chain(c -> page(new ExceptionRepository.Filter(c == null ? null : c.id, account,
                        type, status, from, to, assignee, runId), page, size));
    }

    private Uni<PageView<MatchingViews.ExceptionView>> page(ExceptionRepository.Filter f, int page, int size) {
        return Panache.getSession().chain(s -> exceptions.page(s, f, page, size)
                .chain(items -> exceptions.count(s, f).map(total -> new PageView<>(items, page, size, total))));
    }

    /** One exception; an unidentified receipt with the customers its payer's name suggests. */
    @WithSession
    public Uni<MatchingViews.ExceptionView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id).chain(e -> e.type().equals("unidentified_receipt")
                ? exceptions.payer(s, id).chain(payer -> suggestions(payer)).map(e::withSuggestions)
                : Uni.createFrom().item(e)));
    }

    /** The company's customers whose normalised name is the payer's ({@link CompanyNames}): suggestions only. */
    private Uni<List<MatchingViews.SuggestedCustomer>> suggestions(ExceptionRepository.Payer payer) {
        if (payer == null || CompanyNames.normalise(payer.name()).isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return customers.namesOfCompany(payer.companyId()).map(rows -> rows.stream()
                .filter(r -> CompanyNames.same((String) r[1], payer.name()))
                .map(r -> new MatchingViews.SuggestedCustomer(((Number) r[0]).longValue(), (String) r[1]))
                .toList());
    }

    private Uni<MatchingViews.ExceptionView> view(Mutiny.Session s, long id) {
        return exceptions.view(s, id).map(view -> {
            if (view == null) {
                throw ApiException.notFound("No exception " + id);
            }
            return view;
        });
    }

    @WithTransaction
    public Uni<MatchingViews.ExceptionView> annotate(long id, String body, String actor) {
        return Panache.getSession().chain(s -> view(s, id)
                .chain(e -> exceptions.annotate(s, id, actor, body))
                .call(() -> audit.record(actor, "exception.annotated", "recon_exception", id, null,
                        Map.of("body", body)))
                .chain(() -> view(s, id)));
    }

    /**
     * Moves an exception to in_review (optionally assigning it), resolved or ignored (with a reason). A closed
     * exception is not moved again (409), whether a person or a run closed it, nor one dated in a locked period (409).
     */
    @WithTransaction
    public Uni<MatchingViews.ExceptionView> resolve(long id, String status, String reason, String assignee,
            String actor) {
        ExceptionStatus to = settable(status, reason);
        return Panache.getSession().chain(s -> view(s, id)
                .call(before -> move(s, id, ExceptionStatus.of(before.status()), to, reason, assignee, actor))
                .call(before -> audit.record(actor, "exception." + to.code(), "recon_exception", id, reason,
                        change(before.status(), to, assignee)))
                .chain(() -> view(s, id)));
    }

    /** The audit detail of a decision: the assignee only when one is named (never the text "null"). */
    private static Map<String, String> change(String from, ExceptionStatus to, String assignee) {
        return assignee == null
                ? Map.of("from", from, "to", to.code())
                : Map.of("from", from, "to", to.code(), "assignee", assignee);
    }

    private static ExceptionStatus settable(String status, String reason) {
        ExceptionStatus to = ExceptionStatus.ofOrNull(status);
        if (to == null || !ExceptionStateMachine.settable().contains(to)) {
            throw ApiException.invalid("status must be in_review, resolved or ignored",
                    List.of(ProblemError.field("status", "must be in_review, resolved or ignored")));
        }
        if (to.closed() && (reason == null || reason.isBlank())) {
            throw ApiException.invalid("reason is required to mark an exception " + status,
                    List.of(ProblemError.field("reason", "is required when status is " + status)));
        }
        return to;
    }

    private Uni<Void> move(Mutiny.Session s, long id, ExceptionStatus from, ExceptionStatus to, String reason,
            String assignee,
            String actor) {
        if (!ExceptionStateMachine.allows(from, to)) {
            throw refused(id, from, to);
        }
        return periods.refuseException(s, id).chain(() -> exceptions.move(s, id, to, reason, assignee, actor))
                .chain(moved -> moved
                        ? Uni.createFrom().voidItem()
                        : exceptions.status(s, id).chain(now -> Uni.createFrom().<Void>failure(refused(id, now, to))));
    }

    private static ApiException refused(long id, ExceptionStatus from, ExceptionStatus to) {
        return ApiException.conflict("Exception " + id + " is " + from.code() + "; "
                + (from.closed()
                        ? "a closed exception stays closed and cannot be marked " + to.code()
                        : "it cannot be marked " + to.code()));
    }
}
