package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The exceptions (差异) people work: list, annotate, assign and resolve; every change audited. */
@ApplicationScoped
public class ExceptionService {

    static final Set<String> TYPES = Set.of("unmatched_receipt", "unpaid_receivable", "amount_mismatch", "duplicate_payment",
            "ambiguous", "missing_in_provider", "missing_in_records", "settlement_difference", "settlement_not_arrived");
    static final Set<String> STATUSES = Set.of("open", "in_review", "resolved", "ignored");

    static final String VIEW = """
            select cast(json_build_object('id', e.id, 'company', (select c.code from companies c where c.id = a.company_id),
                'account', a.code, 'runId', e.run_id, 'type', e.type, 'status', e.status,
                'currency', e.currency, 'expectedMinor', e.expected_minor, 'actualMinor', e.actual_minor,
                'differenceMinor', e.difference_minor, 'transactionId', e.transaction_id, 'receivableId', e.receivable_id,
                'statementLineId', e.statement_line_id, 'customerId', e.customer_id, 'candidates', cast(e.candidates as json),
                'businessDate', e.business_date, 'detail', e.detail, 'assignee', e.assignee, 'resolutionReason', e.resolution_reason,
                'resolvedBy', e.resolved_by, 'resolvedAt', e.resolved_at, 'detectedAt', e.detected_at, 'updatedAt', e.updated_at,
                'annotations', coalesce((select json_agg(json_build_object('id', n.id, 'author', n.author, 'body', n.body,
                    'createdAt', n.created_at) order by n.id) from exception_annotations n where n.exception_id = e.id), '[]'))
                as text)
            from recon_exceptions e join accounts a on a.id = e.account_id""";

    private final CompanyService companies;
    private final AuditLog audit;
    private final ObjectMapper json;

    private final Paging paging;

    public ExceptionService(CompanyService companies, AuditLog audit, ObjectMapper json, Paging paging) {
        this.companies = companies;
        this.paging = paging;
        this.audit = audit;
        this.json = json;
    }

    /** Exceptions by the given filters (each optional), of one company's accounts when {@code company} is given. */
    @WithSession
    public Uni<PageView<MatchingViews.ExceptionView>> list(String company, String account, String type, String status, LocalDate from,
                                                          LocalDate to, String assignee, Long runId, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.invalid("type must be one of " + String.join(", ", TYPES.stream().sorted().toList()),
                    List.of(ProblemError.field("type", "unknown exception type '" + type + "'")));
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status must be one of open, in_review, resolved, ignored",
                    List.of(ProblemError.field("status", "unknown status '" + status + "'")));
        }
        return companies.filter(company, "company").chain(c -> page(new NativeQueries().and("a.company_id = ?", c == null ? null : c.id)
                .and("a.code = ?", account).and("e.type = ?", type).and("e.status = ?", status)
                .and("e.business_date >= ?", from).and("e.business_date <= ?", to).and("e.assignee = ?", assignee)
                .and("e.run_id = ?", runId), page, size));
    }

    private Uni<PageView<MatchingViews.ExceptionView>> page(NativeQueries f, int page, int size) {
        return Panache.getSession().chain(s -> NativeQueries.rows(s, json,
                        VIEW + f.where() + " order by e.business_date, e.id limit " + size + " offset " + ((long) page * size), f,
                        MatchingViews.ExceptionView.class)
                .chain(items -> f.bind(s.createNativeQuery("select count(*) from recon_exceptions e join accounts a on a.id = e.account_id"
                                + f.where(), Long.class)).getSingleResult()
                        .map(total -> new PageView<>(items, page, size, total))));
    }

    @WithSession
    public Uni<MatchingViews.ExceptionView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id));
    }

    Uni<MatchingViews.ExceptionView> view(Mutiny.Session s, long id) {
        NativeQueries f = new NativeQueries().and("e.id = ?", id);
        return NativeQueries.rows(s, json, VIEW + f.where(), f, MatchingViews.ExceptionView.class).map(rows -> {
            if (rows.isEmpty()) {
                throw ApiException.notFound("No exception " + id);
            }
            return rows.get(0);
        });
    }

    @WithTransaction
    public Uni<MatchingViews.ExceptionView> annotate(long id, String body, String actor) {
        return Panache.getSession().chain(s -> view(s, id)
                .chain(e -> s.createNativeQuery("insert into exception_annotations (exception_id, author, body) values (?1, ?2, ?3)")
                        .setParameter(1, id).setParameter(2, actor).setParameter(3, body).executeUpdate())
                .chain(() -> s.createNativeQuery("update recon_exceptions set updated_at = now() where id = ?1").setParameter(1, id).executeUpdate())
                .call(() -> audit.record(actor, "exception.annotated", "recon_exception", id, null, Map.of("body", body)))
                .chain(() -> view(s, id)));
    }

    /** Moves an exception to in_review, resolved or ignored; a person's resolution is never reopened by a run. */
    @WithTransaction
    public Uni<MatchingViews.ExceptionView> resolve(long id, String status, String reason, String assignee, String actor) {
        if (!Set.of("in_review", "resolved", "ignored").contains(status)) {
            throw ApiException.invalid("status must be in_review, resolved or ignored",
                    List.of(ProblemError.field("status", "must be in_review, resolved or ignored")));
        }
        boolean closing = !status.equals("in_review");
        if (closing && (reason == null || reason.isBlank())) {
            throw ApiException.invalid("reason is required to mark an exception " + status,
                    List.of(ProblemError.field("reason", "is required when status is " + status)));
        }
        return Panache.getSession().chain(s -> view(s, id).chain(before -> {
            var q = s.createNativeQuery("""
                    update recon_exceptions set status = ?2, resolution_reason = ?3, %s, %s updated_at = now()
                    where id = ?1""".formatted(closing ? "resolved_by = ?4, resolved_at = now()" : "resolved_by = null, resolved_at = null",
                            assignee != null ? (closing ? "assignee = ?5," : "assignee = ?4,") : ""))
                    .setParameter(1, id).setParameter(2, status).setParameter(3, reason == null ? "" : reason);
            if (closing) {
                q.setParameter(4, actor);
            }
            if (assignee != null) {
                q.setParameter(closing ? 5 : 4, assignee);
            }
            return q.executeUpdate()
                .call(() -> audit.record(actor, "exception." + status, "recon_exception", id, reason,
                        Map.of("from", before.status(), "to", status, "assignee", String.valueOf(assignee))))
                .chain(() -> view(s, id));
        }));
    }
}
