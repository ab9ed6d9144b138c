package io.walletrecon.reports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.reports.StatementLinkRequests.AnswerView;
import io.walletrecon.reports.StatementLinkRequests.LinkView;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer statements sent as signed links (电子对账): the finance team sends one, the customer opens it without an
 * account and confirms it (客户确认) or disputes single lines with a comment. Every step is audited; the customer is
 * recorded as actor {@code customer:<id>}.
 */
@ApplicationScoped
public class StatementLinkService {

    static final int MAX_COMMENT = 2000;

    private final StatementLinkVerifier verifier;
    private final ReportService reports;
    private final ReportsConfig config;
    private final AuditLog audit;

    public StatementLinkService(StatementLinkVerifier verifier, ReportService reports, ReportsConfig config, AuditLog audit) {
        this.verifier = verifier;
        this.reports = reports;
        this.config = config;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<LinkView> send(StatementLinkRequests.Send body, String actor) {
        if (body == null) {
            throw ApiException.invalid("a body {customer, from, to} is required", List.of(ProblemError.field("customer", "is required")));
        }
        ReportQuery query = new ReportQuery(null, body.from(), body.to(), null, null, body.customer(), null);
        Instant expires = Instant.now().plus(config.linkTtl()).truncatedTo(ChronoUnit.SECONDS);
        // Planning validates the period and that the customer exists, with the report's own messages.
        return reports.plan(ReportName.CUSTOMER_STATEMENT.path, query).chain(plan -> Panache.getSession().chain(s ->
                s.createNativeQuery("select nextval(pg_get_serial_sequence('customer_statement_links', 'id'))", Long.class).getSingleResult()
                        .call(id -> s.createNativeQuery("insert into customer_statement_links (id, customer_id, period_from, period_to, expires_at, created_by) "
                                        + "values (:id, :customer, :from, :to, :expires, :actor)")
                                .setParameter("id", id).setParameter("customer", body.customer()).setParameter("from", body.from())
                                .setParameter("to", body.to()).setParameter("expires", expires.atOffset(java.time.ZoneOffset.UTC))
                                .setParameter("actor", actor).executeUpdate())
                        .call(id -> audit.record(actor, "customer-statement.sent", "customer_statement_link", id, null,
                                Map.of("customer", body.customer(), "from", body.from().toString(), "to", body.to().toString(), "expiresAt", expires.toString())))
                        .map(id -> {
                            String token = verifier.sign(id, expires);
                            return new LinkView(id, body.customer(), body.from(), body.to(), expires, "sent", token,
                                    config.publicBaseUrl() + "/statement-links/" + token);
                        })));
    }

    /** What the customer sees: the statement (all lines), the link's state and the answers given so far. */
    public Uni<Map<String, Object>> view(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache.withSession(() -> link(claims.linkId(), false)).chain(link ->
                reports.json(ReportName.CUSTOMER_STATEMENT.path, new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(), null),
                                0, config.maxPageSize())
                        .chain(statement -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                        "select kind, line_type, line_id, comment from customer_statement_answers where link_id = :id order by id", Object[].class)
                                .setParameter("id", claims.linkId()).getResultList()))
                                .map(answers -> {
                                    Map<String, Object> out = new LinkedHashMap<>();
                                    out.put("linkId", link.id());
                                    out.put("state", link.state());
                                    out.put("expiresAt", claims.expiresAt().toString());
                                    out.put("statement", statement);
                                    out.put("answers", answers.stream().map(a -> new AnswerView(link.id(), (String) a[0], (String) a[1],
                                            a[2] == null ? null : ((Number) a[2]).longValue(), (String) a[3], link.state())).toList());
                                    return out;
                                })));
    }

    /** The plan of the statement behind a valid link, for the printable (PDF) version the customer downloads. */
    public Uni<ReportPlan> plan(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache.withSession(() -> link(claims.linkId(), false)).chain(link -> reports.plan(ReportName.CUSTOMER_STATEMENT.path,
                new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(), null)));
    }

    @WithTransaction
    public Uni<AnswerView> confirm(String token, StatementLinkRequests.Confirm body, String clientIp) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        String comment = comment(body == null ? null : body.comment(), false);
        return link(claims.linkId(), true).chain(link -> {
            if (!link.state().equals("sent")) {
                throw ApiException.conflict("This statement is already " + link.state() + "; it can be confirmed only once and not after a dispute");
            }
            return answer(link, "confirm", null, null, comment, clientIp)
                    .call(() -> state(link.id(), "confirmed"))
                    .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.confirmed", "customer_statement_link",
                            link.id(), comment, clientIp == null ? null : Map.of("clientIp", clientIp)))
                    .map(ignored -> new AnswerView(link.id(), "confirm", null, null, comment, "confirmed"));
        });
    }

    @WithTransaction
    public Uni<AnswerView> dispute(String token, StatementLinkRequests.Dispute body, String clientIp) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        if (body == null || body.lineType() == null || !(body.lineType().equals("payment") || body.lineType().equals("receivable"))) {
            throw ApiException.invalid("lineType must be payment or receivable", List.of(ProblemError.field("lineType", "must be payment or receivable")));
        }
        if (body.lineId() == null) {
            throw ApiException.invalid("lineId is required", List.of(ProblemError.field("lineId", "is required")));
        }
        String comment = comment(body.comment(), true);
        return link(claims.linkId(), true).chain(link -> {
            if (link.state().equals("confirmed")) {
                throw ApiException.conflict("This statement was confirmed; a confirmed statement cannot be disputed");
            }
            return lineBelongs(link, body.lineType(), body.lineId()).chain(belongs -> {
                if (!belongs) {
                    throw ApiException.unprocessable("Line " + body.lineType() + " " + body.lineId() + " is not on this statement",
                            List.of(ProblemError.field("lineId", "is not a line of this statement")));
                }
                return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from customer_statement_answers "
                                + "where link_id = :id and kind = 'dispute' and line_type = :type and line_id = :line", Long.class)
                        .setParameter("id", link.id()).setParameter("type", body.lineType()).setParameter("line", body.lineId())
                        .getSingleResult());
            }).chain(existing -> {
                if (existing > 0) {
                    throw ApiException.conflict("Line " + body.lineType() + " " + body.lineId() + " is already disputed on this statement");
                }
                return answer(link, "dispute", body.lineType(), body.lineId(), comment, clientIp)
                        .call(() -> state(link.id(), "disputed"))
                        .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.disputed", "customer_statement_link",
                                link.id(), comment, Map.of("lineType", body.lineType(), "lineId", body.lineId())))
                        .map(ignored -> new AnswerView(link.id(), "dispute", body.lineType(), body.lineId(), comment, "disputed"));
            });
        });
    }

    record Link(long id, long customerId, LocalDate from, LocalDate to, String state) {
    }

    private Uni<Link> link(long id, boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, customer_id, period_from, period_to, state "
                        + "from customer_statement_links where id = :id" + (lock ? " for update" : ""), Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("This statement link does not exist any more");
                    }
                    Object[] r = rows.get(0);
                    return new Link(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), date(r[2]), date(r[3]), (String) r[4]);
                });
    }

    private Uni<Boolean> lineBelongs(Link link, String type, long lineId) {
        String sql = type.equals("payment")
                ? "select count(*) from transactions t where t.id = :line and t.customer_id = :customer and t.direction = 'in' and "
                  + ReportPlanner.MOVED + " and t.value_date between :from and :to"
                : "select count(*) from receivables r where r.id = :line and r.customer_id = :customer and r.issue_date <= :to";
        return Panache.getSession().chain(s -> {
            Mutiny.SelectionQuery<Long> q = s.createNativeQuery(sql, Long.class).setParameter("line", lineId)
                    .setParameter("customer", link.customerId()).setParameter("to", link.to());
            if (type.equals("payment")) {
                q = q.setParameter("from", link.from());
            }
            return q.getSingleResult();
        }).map(n -> n > 0);
    }

    private Uni<Integer> answer(Link link, String kind, String lineType, Long lineId, String comment, String clientIp) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into customer_statement_answers "
                        + "(link_id, kind, line_type, line_id, comment, client_ip) values (:link, :kind, :type, :line, :comment, :ip)")
                .setParameter("link", link.id()).setParameter("kind", kind).setParameter("type", lineType)
                .setParameter("line", lineId).setParameter("comment", comment).setParameter("ip", clientIp).executeUpdate());
    }

    private Uni<Integer> state(long id, String state) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update customer_statement_links set state = :state, answered_at = now(), "
                        + "version = version + 1 where id = :id")
                .setParameter("state", state).setParameter("id", id).executeUpdate());
    }

    private static String comment(String comment, boolean required) {
        if (comment == null || comment.isBlank()) {
            if (required) {
                throw ApiException.invalid("comment is required: say what is wrong with the line", List.of(ProblemError.field("comment", "is required")));
            }
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment is longer than " + MAX_COMMENT + " characters", List.of(ProblemError.field("comment", "is too long")));
        }
        return comment.strip();
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
