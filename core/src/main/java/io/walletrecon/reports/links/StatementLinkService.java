package io.walletrecon.reports.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.walletrecon.storage.Sha256;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer statements sent as signed links (电子对账): the finance team sends one, the customer opens it without an
 * account and confirms it (客户确认) or disputes single lines with a comment; what they answered on is frozen with its
 * SHA-256, and the finance team may revoke a link. Every step is audited; the customer is recorded as actor
 * {@code customer:<id>}.
 */
@ApplicationScoped
public class StatementLinkService {

    static final int MAX_COMMENT = 2000;
    private static final TypeReference<Map<String, Object>> FROZEN = new TypeReference<>() {
    };

    private final StatementLinkVerifier verifier;
    private final ReportService reports;
    private final ReportsConfig config;
    private final AuditLog audit;
    private final StatementLinkRepository links;
    private final ObjectMapper json;

    public StatementLinkService(StatementLinkVerifier verifier, ReportService reports, ReportsConfig config,
            AuditLog audit,
            StatementLinkRepository links, ObjectMapper json) {
        this.json = json;
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

    /**
     * What the customer sees: the statement (all lines), the link's state and the answers given so far. Once the
     * customer has answered, the statement is the one they answered on (frozen, with its SHA-256), not one computed
     * again from data that may have changed since. A revoked link is gone (410).
     */
    public Uni<Map<String, Object>> view(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache.withSession(() -> link(claims.linkId(), false)).invoke(StatementLinkService::refuseRevoked)
                .chain(link -> statement(link)
                        .chain(statement -> Panache.withSession(() -> links.answers(claims.linkId()))
                                .map(answers -> {
                                    Map<String, Object> out = new LinkedHashMap<>();
                                    out.put("linkId", link.id());
                                    out.put("state", link.state().code());
                                    out.put("expiresAt", claims.expiresAt().toString());
                                    out.put("frozen", link.frozenStatement() != null);
                                    out.put("statementSha256", link.frozenSha256());
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

    /** The statement behind the link: the frozen one once the customer answered, else computed now. */
    private Uni<Map<String, Object>> statement(Link link) {
        if (link.frozenStatement() != null) {
            return Uni.createFrom().item(frozen(link.frozenStatement()));
        }
        return reports.json(ReportName.CUSTOMER_STATEMENT.path,
                new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(), null), 0,
                config.maxPageSize());
    }

    private Map<String, Object> frozen(String statementJson) {
        try {
            return json.readerFor(FROZEN).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(statementJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frozen customer statement is not valid JSON", e);
        }
    }

    /**
     * Keeps the statement the customer answers on (the JSON the link serves now), with its SHA-256, at their first
     * answer; later answers keep the first. Its SHA-256.
     */
    private Uni<String> freeze(Link link) {
        if (link.frozenStatement() != null) {
            return Uni.createFrom().item(link.frozenSha256());
        }
        return statement(link).chain(statement -> {
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(statement);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a customer statement is not serialisable", e);
            }
            String sha256 = Sha256.hex(bytes);
            return links.freeze(link.id(), new String(bytes, StandardCharsets.UTF_8), sha256).replaceWith(sha256);
        });
    }

    private static void refuseRevoked(Link link) {
        if (link.state() == StatementLinkState.REVOKED) {
            throw new LinkRevokedException();
        }
    }

    /** The plan of the statement behind a valid link, for the printable (PDF) version the customer downloads. */
    public Uni<ReportPlan> plan(String token) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        return Panache.withSession(() -> link(claims.linkId(), false)).invoke(StatementLinkService::refuseRevoked)
                .chain(link -> reports.plan(ReportName.CUSTOMER_STATEMENT.path,
                        new ReportQuery(null, link.from(), link.to(), null, null, link.customerId(), null)));
    }

    /**
     * The finance team revokes a link (by its id or its token), with a reason: it no longer opens (410), whatever the
     * customer answered; the answers and the frozen statement stay. Audited.
     */
    @WithTransaction
    public Uni<StatementLinkRequests.RevokedView> revoke(String idOrToken, StatementLinkRequests.Revocation body,
            String actor) {
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw ApiException.invalid("reason is required to revoke a statement link",
                    List.of(ProblemError.field("reason", "is required: say why the customer's link is withdrawn")));
        }
        long id = linkId(idOrToken);
        return link(id, true).chain(link -> {
            if (!StatementLinkStateMachine.allows(link.state(), StatementLinkState.REVOKED)) {
                throw ApiException.conflict("Statement link " + id + " is already revoked");
            }
            return links.revoke(id, actor, reason)
                    .call(() -> audit.record(actor, "customer-statement.revoked", "customer_statement_link", id,
                            reason, Map.of("was", link.state().code(), "customer", link.customerId())))
                    .map(ignored -> new StatementLinkRequests.RevokedView(id, StatementLinkState.REVOKED.code(),
                            reason, actor));
        });
    }

    /**
     * A link's id, or the id a token of ours names: its signature is checked, its expiry is not (an expired link may
     * be revoked too).
     */
    private long linkId(String idOrToken) {
        if (idOrToken != null && idOrToken.matches("\\d{1,18}")) {
            return Long.parseLong(idOrToken);
        }
        return verifier.verify(idOrToken, Instant.EPOCH).linkId();
    }

    /** The customer confirms the whole statement: the statement they confirm is frozen with its SHA-256. */
    @WithTransaction
    public Uni<AnswerView> confirm(String token, StatementLinkRequests.Confirm body, String clientIp) {
        StatementLinkVerifier.Claims claims = verifier.verify(token, Instant.now());
        String comment = comment(body == null ? null : body.comment(), false);
        return link(claims.linkId(), true).invoke(StatementLinkService::refuseRevoked).chain(link -> {
            if (!StatementLinkStateMachine.allows(link.state(), StatementLinkState.CONFIRMED)) {
                throw ApiException.conflict("This statement is already " + link.state().code()
                        + "; it can be confirmed only once and not after a dispute");
            }
            return freeze(link).call(sha256 -> links
                    .answer(link.id(), "confirm", null, null, comment, clientIp, StatementLinkState.CONFIRMED)
                    .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.confirmed",
                            "customer_statement_link", link.id(), comment, answered(sha256, clientIp, null))))
                    .map(ignored -> new AnswerView(link.id(), "confirm", null, null, comment,
                            StatementLinkState.CONFIRMED.code()));
        });
    }

    /** The audit details of an answer: the frozen statement's SHA-256, the client's address, the disputed line. */
    private static Map<String, Object> answered(String sha256, String clientIp, Map<String, Object> line) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("statementSha256", sha256);
        if (clientIp != null) {
            d.put("clientIp", clientIp);
        }
        if (line != null) {
            d.putAll(line);
        }
        return d;
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
        return link(claims.linkId(), true).invoke(StatementLinkService::refuseRevoked).chain(link -> {
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
                return freeze(link).call(sha256 -> links
                        .answer(link.id(), "dispute", body.lineType(), body.lineId(), comment, clientIp,
                                StatementLinkState.DISPUTED)
                        .call(() -> audit.record("customer:" + link.customerId(), "customer-statement.disputed",
                                "customer_statement_link", link.id(), comment, answered(sha256, null,
                                        Map.of("lineType", body.lineType(), "lineId", body.lineId())))))
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
