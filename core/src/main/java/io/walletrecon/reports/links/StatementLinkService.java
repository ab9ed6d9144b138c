package io.walletrecon.reports.links;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.matching.CustomerReceipts;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.links.StatementLinkRepository.Link;
import io.walletrecon.reports.links.StatementLinkRequests.AnswerView;
import io.walletrecon.reports.links.StatementLinkRequests.LinkView;
import io.walletrecon.reports.statements.ReportName;
import io.walletrecon.reports.statements.ReportPlan;
import io.walletrecon.reports.statements.ReportQuery;
import io.walletrecon.reports.statements.ReportService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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
    private final StatementLinkRepository links;

    public StatementLinkService(StatementLinkVerifier verifier, ReportService reports, ReportsConfig config,
            AuditLog audit,
            StatementLinkRepository links) {
        this.verifier = verifier;
        this.reports = reports;
        this.config = config;
        this.audit = audit;
        this.links = links;
    }

    @WithTransaction
    public Uni<LinkView> send(StatementLinkRequests.Send body, String actor) {
        if (body == null) {
            throw ApiException.invalid("a body {customer, from, to} is required",
                    List.of(ProblemError.field("customer", "is required")));
        }
        ReportQuery query = new ReportQuery(null, body.from(), body.to(), null, null, body.customer(), null);
        Instant expires = Instant.now().plus(config.linkTtl()).truncatedTo(ChronoUnit.SECONDS);
        // Planning validates the period and that the customer exists, with the report's own messages.
        return reports.plan(ReportName.CUSTOMER_STATEMENT.path, query)
                .chain(plan -> links.insert(body.customer(), body.from(), body.to(), expires, actor)
                        .call(id -> audit.record(actor, "customer-statement.sent", "customer_statement_link", id, null,
                                Map.of("customer", body.customer(), "from", body.from().toString(), "to",
                                        body.to().toString(), "expiresAt", expires.toString())))
                        .map(id -> {
                            String token = verifier.sign(id, expires);
                            return new LinkView(id, body.customer(), body.from(), body.to(), expires,
                                    StatementLinkState.SENT.code(), token,
                                    config.publicBaseUrl() + "/statement-links/" + token);
                        }));
    }

    /** What the customer sees: the statement (all lines), the link's state and the answers given so far. */
    public Uni<Map<String, Object>> view(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache
                .withSession(() -> link(claims.linkId(), false)).chain(
                        link -> reports
                                .json(ReportName.CUSTOMER_STATEMENT.path,
                                        new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(),
                                                null),
                                        0, config.maxPageSize())
                                .chain(statement -> Panache.withSession(() -> links.answers(claims.linkId()))
                                        .map(answers -> {
                                            Map<String, Object> out = new LinkedHashMap<>();
                                            out.put("linkId", link.id());
                                            out.put("state", link.state().code());
                                            out.put("expiresAt", claims.expiresAt().toString());
                                            out.put("statement", statement);
                                            out.put("answers",
                                                    answers.stream()
                                                            .map(a -> new AnswerView(link.id(), a.kind(), a.lineType(),
                                                                    a.lineId(), a.comment(),
                                                                    link.state().code()))
                                                            .toList());
                                            return out;
                                        })));
    }

    /** The plan of the statement behind a valid link, for the printable (PDF) version the customer downloads. */
    public Uni<ReportPlan> plan(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache.withSession(() -> link(claims.linkId(), false))
                .chain(link -> reports.plan(ReportName.CUSTOMER_STATEMENT.path,
                        new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(), null)));
    }

    @WithTransaction
    public Uni<AnswerView> confirm(String token, StatementLinkRequests.Confirm body, String clientIp) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        String comment = comment(body == null ? null : body.comment(), false);
        return link(claims.linkId(), true).chain(link -> {
            if (!StatementLinkStateMachine.allows(link.state(), StatementLinkState.CONFIRMED)) {
                throw ApiException.conflict("This statement is already " + link.state().code()
                        + "; it can be confirmed only once and not after a dispute");
            }
            return links.answer(link.id(), "confirm", null, null, comment, clientIp, StatementLinkState.CONFIRMED)
                    .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.confirmed",
                            "customer_statement_link",
                            link.id(), comment, clientIp == null ? null : Map.of("clientIp", clientIp)))
                    .map(ignored -> new AnswerView(link.id(), "confirm", null, null, comment,
                            StatementLinkState.CONFIRMED.code()));
        });
    }

    @WithTransaction
    public Uni<AnswerView> dispute(String token, StatementLinkRequests.Dispute body, String clientIp) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        if (body == null || body.lineType() == null
                || !(body.lineType().equals("payment") || body.lineType().equals(CustomerReceipts.BANK_LINE_TYPE)
                        || body.lineType().equals("receivable"))) {
            throw ApiException.invalid("lineType must be payment, bank_payment or receivable",
                    List.of(ProblemError.field("lineType", "must be payment, bank_payment or receivable")));
        }
        if (body.lineId() == null) {
            throw ApiException.invalid("lineId is required", List.of(ProblemError.field("lineId", "is required")));
        }
        String comment = comment(body.comment(), true);
        return link(claims.linkId(), true).chain(link -> {
            if (!StatementLinkStateMachine.allows(link.state(), StatementLinkState.DISPUTED)) {
                throw ApiException.conflict("This statement was confirmed; a confirmed statement cannot be disputed");
            }
            return links.lineBelongs(link, body.lineType(), body.lineId()).chain(belongs -> {
                if (!belongs) {
                    throw ApiException.unprocessable(
                            "Line " + body.lineType() + " " + body.lineId() + " is not on this statement",
                            List.of(ProblemError.field("lineId", "is not a line of this statement")));
                }
                return links.lineDisputed(link.id(), body.lineType(), body.lineId());
            }).chain(disputed -> {
                if (disputed) {
                    throw ApiException.conflict(
                            "Line " + body.lineType() + " " + body.lineId() + " is already disputed on this statement");
                }
                return links
                        .answer(link.id(), "dispute", body.lineType(), body.lineId(), comment, clientIp,
                                StatementLinkState.DISPUTED)
                        .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.disputed",
                                "customer_statement_link",
                                link.id(), comment, Map.of("lineType", body.lineType(), "lineId", body.lineId())))
                        .map(ignored -> new AnswerView(link.id(), "dispute", body.lineType(), body.lineId(), comment,
                                StatementLinkState.DISPUTED.code()));
            });
        });
    }

    private Uni<Link> link(long id, boolean lock) {
        return links.find(id, lock).map(
                found -> found.orElseThrow(() -> ApiException.notFound("This statement link does not exist any more")));
    }

    private static String comment(String comment, boolean required) {
        if (comment == null || comment.isBlank()) {
            if (required) {
                throw ApiException.invalid("comment is required: say what is wrong with the line",
                        List.of(ProblemError.field("comment", "is required")));
            }
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment is longer than " + MAX_COMMENT + " characters",
                    List.of(ProblemError.field("comment", "is too long")));
        }
        return comment.strip();
    }
}
