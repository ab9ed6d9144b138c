package io.walletrecon.reports.links;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.matching.CustomerReceipts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Every statement over {@code customer_statement_links} and {@code customer_statement_answers}, as native queries in
 * the caller's Hibernate session and transaction (so that the audit row commits with the change), {@code ?n} binds.
 */
@ApplicationScoped
public class StatementLinkRepository {

    static final String NEXT_ID = "select nextval(pg_get_serial_sequence('customer_statement_links', 'id'))";

    static final String INSERT_LINK = "insert into customer_statement_links (id, customer_id, period_from, period_to, expires_at, created_by, state) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    static final String LINK = "select id, customer_id, period_from, period_to, state, frozen_statement, frozen_sha256 "
            + "from customer_statement_links where id = ?1";

    static final String LINK_FOR_UPDATE = LINK + " for update";

    static final String ANSWERS = "select kind, line_type, line_id, comment from customer_statement_answers where link_id = ?1 order by id";

    /** A payment received from the customer in the statement's period: a line of the statement. */
    static final String PAYMENT_ON_STATEMENT = "select count(*) from transactions t where t.id = ?1 and t.customer_id = ?2 and t.direction = 'in' and "
            + BalanceRepository.COUNTED + " and t.value_date between ?3 and ?4";

    /** A bank credit that is the customer's receipt, in the statement's period: a line of the statement. */
    static final String BANK_PAYMENT_ON_STATEMENT = "select count(*) from statement_lines l where l.id = ?1 and l.id in ("
            + CustomerReceipts.bankLineIds("?2") + ") and l.value_date between ?3 and ?4";

    /** A receivable of the customer issued by the statement's end: a line of the statement. */
    static final String RECEIVABLE_ON_STATEMENT = "select count(*) from receivables r where r.id = ?1 and r.customer_id = ?2 and r.issue_date <= ?3";

    static final String DISPUTES_OF_LINE = "select count(*) from customer_statement_answers where link_id = ?1 and kind = 'dispute' "
            + "and line_type = ?2 and line_id = ?3";

    static final String INSERT_ANSWER = "insert into customer_statement_answers (link_id, kind, line_type, line_id, comment, client_ip) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6)";

    static final String ANSWERED = "update customer_statement_links set state = ?2, answered_at = now(), version = version + 1 where id = ?1";

    /** ?1 link, ?2 the statement as served (JSON), ?3 its SHA-256: kept once, at the customer's first answer. */
    static final String FREEZE = "update customer_statement_links set frozen_statement = ?2, frozen_sha256 = ?3, "
            + "frozen_at = now() where id = ?1 and frozen_statement is null";

    /** ?1 link, ?2 the revoked state, ?3 who, ?4 why; the caller holds the link's lock and checked the move. */
    static final String REVOKE = "update customer_statement_links set state = ?2, revoked_by = ?3, revoked_at = now(), "
            + "revocation_reason = ?4, version = version + 1 where id = ?1";

    /** A link as stored; {@code frozenStatement} is what the customer answered on (JSON), null before an answer. */
    public record Link(long id, long customerId, LocalDate from, LocalDate to, StatementLinkState state,
            String frozenStatement, String frozenSha256) {
    }

    /** One answer of the customer. */
    public record Answer(String kind, String lineType, Long lineId, String comment) {
    }

    /** Records a sent link and returns its id. */
    public Uni<Long> insert(long customerId, LocalDate from, LocalDate to, Instant expires, String actor) {
        return Panache.getSession().chain(s -> s.createNativeQuery(NEXT_ID, Long.class).getSingleResult()
                .call(id -> s.createNativeQuery(INSERT_LINK).setParameter(1, id).setParameter(2, customerId)
                        .setParameter(3, from)
                        .setParameter(4, to).setParameter(5, expires.atOffset(ZoneOffset.UTC)).setParameter(6, actor)
                        .setParameter(7, StatementLinkState.SENT.code()).executeUpdate()));
    }

    /** The link, locked for the rest of the transaction when {@code lock}. */
    public Uni<Optional<Link>> find(long id, boolean lock) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(lock ? LINK_FOR_UPDATE : LINK, Object[].class).setParameter(1, id)
                        .getResultList())
                .map(rows -> rows.stream().findFirst()
                        .map(r -> new Link(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), date(r[2]),
                                date(r[3]), StatementLinkState.of((String) r[4]), (String) r[5], (String) r[6])));
    }

    public Uni<List<Answer>> answers(long linkId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(ANSWERS, Object[].class).setParameter(1, linkId).getResultList())
                .map(rows -> rows.stream()
                        .map(a -> new Answer((String) a[0], (String) a[1],
                                a[2] == null ? null : ((Number) a[2]).longValue(),
                                (String) a[3]))
                        .toList());
    }

    /**
     * Whether the payment ({@code lineType} payment: a wallet transaction; bank_payment: a bank credit) or receivable
     * is a line of the link's statement.
     */
    public Uni<Boolean> lineBelongs(Link link, String lineType, long lineId) {
        boolean bank = lineType.equals(CustomerReceipts.BANK_LINE_TYPE);
        boolean payment = bank || lineType.equals("payment");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(bank
                    ? BANK_PAYMENT_ON_STATEMENT
                    : payment ? PAYMENT_ON_STATEMENT : RECEIVABLE_ON_STATEMENT, Long.class)
                    .setParameter(1, lineId)
                    .setParameter(2, link.customerId());
            q = payment ? q.setParameter(3, link.from()).setParameter(4, link.to()) : q.setParameter(3, link.to());
            return q.getSingleResult();
        }).map(n -> n > 0);
    }

    public Uni<Boolean> lineDisputed(long linkId, String lineType, long lineId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(DISPUTES_OF_LINE, Long.class).setParameter(1, linkId)
                        .setParameter(2, lineType)
                        .setParameter(3, lineId).getSingleResult())
                .map(n -> n > 0);
    }

    /** Records an answer and moves the link to {@code state}; the caller holds the link's lock and checked the move. */
    public Uni<Void> answer(long linkId, String kind, String lineType, Long lineId, String comment, String clientIp,
            StatementLinkState state) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(INSERT_ANSWER).setParameter(1, linkId).setParameter(2, kind)
                        .setParameter(3, lineType).setParameter(4, lineId).setParameter(5, comment)
                        .setParameter(6, clientIp).executeUpdate()
                        .chain(() -> s.createNativeQuery(ANSWERED).setParameter(1, linkId).setParameter(2, state.code())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Keeps the statement the customer answered on, unless one is kept already; whether this call kept it. */
    public Uni<Boolean> freeze(long linkId, String statementJson, String sha256) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FREEZE).setParameter(1, linkId)
                .setParameter(2, statementJson).setParameter(3, sha256).executeUpdate()).map(n -> n == 1);
    }

    /** Revokes the link; the caller holds the link's lock and checked the move. */
    public Uni<Void> revoke(long linkId, String actor, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REVOKE).setParameter(1, linkId)
                .setParameter(2, StatementLinkState.REVOKED.code()).setParameter(3, actor).setParameter(4, reason)
                .executeUpdate()).replaceWithVoid();
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
