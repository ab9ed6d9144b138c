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
import io.walletrecon.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exceptions (差异) people work: list, annotate, assign and resolve; every change audited. Which status may follow
 * which is {@link ExceptionStateMachine}'s: a closed exception stays closed.
 */
@ApplicationScoped
public class ExceptionService {

    public static final Set<String> TYPES = Set.of("unmatched_receipt", "unpaid_receivable", "amount_mismatch",
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
    public Uni<PageView<MatchingViews.ExceptionView>> list(ExceptionQuery q, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        if (q.type() != null && !TYPES.contains(q.type())) {
            throw ApiException.invalid("type must be one of " + String.join(", ", TYPES.stream().sorted().toList()),
                    List.of(ProblemError.field("type", "unknown exception type '" + q.type() + "'")));
        }
        if (q.status() != null && ExceptionStatus.ofOrNull(q.status()) == null) {
            throw ApiException.invalid("status must be one of " + ExceptionStatus.codes(),
                    List.of(ProblemError.field("status", "unknown status '" + q.status() + "'")));
        }
        ExceptionRepository.Filter filter = q.filter(LocalDate.now(ZoneOffset.UTC));
        return companies.filter(q.company(), "company")
                .chain(c -> page(c == null ? filter : filter.ofCompany(c.id), page, size));
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
        return Panache.getSession().chain(s -> decide(s, id, to, reason, assignee, actor, "exception." + to.code(),
                Map.of()).chain(() -> view(s, id)));
    }

    /**
     * Hands an exception to {@code assignee}, who works it: an open exception goes into review, one in review changes
     * hands; a closed one stays closed (409). Audited as {@code exception.assigned}.
     */
    @WithTransaction
    public Uni<MatchingViews.ExceptionView> assign(long id, String assignee, String reason, String actor) {
        String who = assignee(assignee);
        return Panache.getSession().chain(s -> decide(s, id, ExceptionStatus.IN_REVIEW, reason, who, actor,
                ASSIGNED, Map.of()).chain(() -> view(s, id)));
    }

    /**
     * The same decision for several exceptions, all or none: every one is checked before anything is written, and a
     * refusal names each exception that cannot take it; each change is audited on its own, marked as one of a bulk
     * decision. In review with an assignee assigns them.
     */
    @WithTransaction
    public Uni<List<MatchingViews.ExceptionView>> bulk(ExceptionRequests.Bulk request, String actor) {
        ExceptionStatus to = settable(request.status(), request.reason());
        String who = request.assignee() == null || request.assignee().isBlank() ? null : assignee(request.assignee());
        List<Long> ids = request.ids().stream().distinct().toList();
        String action = to == ExceptionStatus.IN_REVIEW && who != null ? ASSIGNED : "exception." + to.code();
        Map<String, Object> bulk = Map.of("bulk", ids.size());
        return Panache.getSession().chain(s -> exceptions.statuses(s, ids)
                .invoke(statuses -> checkBulk(ids, statuses, to))
                .chain(() -> decideAll(s, ids, 0, to, request.reason(), who, actor, action, bulk))
                .chain(() -> views(s, ids, 0, new java.util.ArrayList<>())));
    }

    static final String ASSIGNED = "exception.assigned";

    private static String assignee(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            throw ApiException.invalid("assignee is required: the person who works the exception",
                    List.of(ProblemError.field("assignee", "is required")));
        }
        return assignee.strip();
    }

    /** Refuses the whole bulk decision when one of its exceptions does not exist or cannot take it. */
    private static void checkBulk(List<Long> ids, Map<Long, ExceptionStatus> statuses, ExceptionStatus to) {
        List<ProblemError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ExceptionStatus from = statuses.get(ids.get(i));
            if (from == null) {
                errors.add(ProblemError.field("ids[" + i + "]", "no exception " + ids.get(i)));
            } else if (!ExceptionStateMachine.allows(from, to)) {
                errors.add(ProblemError.field("ids[" + i + "]", "exception " + ids.get(i) + " is " + from.code()
                        + (from.closed() ? " and stays closed" : "")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.CONFLICT,
                    errors.size() + " of the " + ids.size() + " exceptions cannot be marked "
                            + to.code() + " (" + errors.stream().map(ProblemError::message)
                                    .collect(java.util.stream.Collectors.joining("; "))
                            + "); nothing was changed",
                    errors);
        }
    }

    private Uni<Void> decideAll(Mutiny.Session s, List<Long> ids, int i, ExceptionStatus to, String reason,
            String assignee, String actor, String action, Map<String, Object> extra) {
        return i == ids.size()
                ? Uni.createFrom().voidItem()
                : decide(s, ids.get(i), to, reason, assignee, actor, action, extra)
                        .chain(() -> decideAll(s, ids, i + 1, to, reason, assignee, actor, action, extra));
    }

    private Uni<List<MatchingViews.ExceptionView>> views(Mutiny.Session s, List<Long> ids, int i,
            List<MatchingViews.ExceptionView> done) {
        return i == ids.size()
                ? Uni.createFrom().item(done)
                : view(s, ids.get(i)).invoke(done::add).chain(() -> views(s, ids, i + 1, done));
    }

    /** Moves one exception by its state machine and audits it as {@code action}, in the caller's transaction. */
    private Uni<Void> decide(Mutiny.Session s, long id, ExceptionStatus to, String reason, String assignee,
            String actor, String action, Map<String, Object> extra) {
        return view(s, id)
                .call(before -> move(s, id, ExceptionStatus.of(before.status()), to, reason, assignee, actor))
                .call(before -> audit.record(actor, action, "recon_exception", id, reason,
                        details(change(before.status(), to, assignee), extra)))
                .replaceWithVoid();
    }

    private static Map<String, Object> details(Map<String, String> change, Map<String, Object> extra) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(change);
        all.putAll(extra);
        return all;
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
