package io.walletrecon.reports.confirmations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every statement over {@code balance_confirmations} and {@code balance_confirmation_documents}, as native queries in
 * the caller's Hibernate session and transaction (so the audit row commits with the change), {@code ?n} binds. Every
 * change of state is a conditional update from the states {@link ConfirmationStateMachine} allows.
 */
@ApplicationScoped
public class ConfirmationRepository {

    static final String INSERT = """
            insert into balance_confirmations (account_id, period_end, currency, bank_balance_minor, state, created_by)
            values (?1, ?2, ?3, ?4, ?5, ?6) returning id""";

    static final String OF_PERIOD = "select id from balance_confirmations where account_id = ?1 and period_end = ?2";

    /** What the use cases decide on. */
    static final String FIND = """
            select c.id, c.account_id, a.code, a.name, c.currency, cast(c.period_end as text), c.bank_balance_minor,
                   c.state, c.result, c.prepared_by,
                   to_char(c.prepared_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), c.preparation_note
            from balance_confirmations c join accounts a on a.id = c.account_id where c.id = ?1""";

    /** The states a change may start from, as a JSON array bound to ?n. */
    private static final String FROM = "c.state in (select jsonb_array_elements_text(cast(cast(?%d as text) as jsonb)))";

    // Binds are numbered in the order they appear in each statement.

    /** ?1 to, ?2 result, ?3 preparer, ?4 note, ?5 statement JSON, ?6.. the figures, ?15 id, ?16 from-states. */
    static final String PREPARE = """
            update balance_confirmations c set state = ?1, result = ?2, prepared_by = ?3, prepared_at = now(),
                   preparation_note = ?4, statement_json = ?5, bank_statement_date = ?6, journal_balance_minor = ?7,
                   bank_received_not_booked_minor = ?8, bank_paid_not_booked_minor = ?9, adjusted_journal_minor = ?10,
                   statement_balance_minor = ?11, booked_received_not_in_bank_minor = ?12,
                   booked_paid_not_in_bank_minor = ?13, adjusted_bank_minor = ?14, reviewed_by = null,
                   reviewed_at = null, review_note = null, version = c.version + 1
            where c.id = ?15 and\s""" + FROM.formatted(16);

    /** ?1 to, ?2 reviewer, ?3 when, ?4 note, ?5 id, ?6 the reviewer again (never the preparer), ?7 from-states. */
    static final String REVIEW = """
            update balance_confirmations c set state = ?1, reviewed_by = ?2, reviewed_at = ?3, review_note = ?4,
                   version = c.version + 1
            where c.id = ?5 and c.prepared_by <> ?6 and\s""" + FROM.formatted(7);

    /** ?1 to, ?2 note, ?3 id, ?4 reviewer (never the preparer), ?5 from-states: sent back to the preparer. */
    static final String REJECT = """
            update balance_confirmations c set state = ?1, review_note = ?2, version = c.version + 1
            where c.id = ?3 and c.prepared_by <> ?4 and\s""" + FROM.formatted(5);

    /** ?1 to, ?2 who, ?3 why, ?4 id, ?5 from-states. */
    static final String REOPEN = """
            update balance_confirmations c set state = ?1, reopened_by = ?2, reopened_at = now(), reopen_reason = ?3,
                   version = c.version + 1
            where c.id = ?4 and\s""" + FROM.formatted(5);

    /** ?1 confirmation, ?2 kind, ?3 language, ?4 the bytes in base64, ?5 their SHA-256. */
    static final String INSERT_DOCUMENT = """
            insert into balance_confirmation_documents (confirmation_id, kind, language, content, sha256)
            values (?1, ?2, ?3, decode(?4, 'base64'), ?5)""";

    /** ?1 confirmation, ?2 kind, ?3 language (null: any): the latest such file, in base64. */
    static final String DOCUMENT = """
            select encode(content, 'base64') from balance_confirmation_documents
            where confirmation_id = ?1 and kind = ?2 and (cast(?3 as text) is null or language = cast(?3 as text))
            order by id desc limit 1""";

    private static final String VIEW_JSON = """
            select cast(json_build_object('id', c.id, 'account', a.code, 'accountName', a.name, 'currency', c.currency,
                'periodEnd', c.period_end, 'bankBalanceMinor', c.bank_balance_minor, 'state', c.state,
                'locksPeriod', c.state = '%s', 'result', c.result,
                'figures', case when c.journal_balance_minor is null then null else json_build_object(
                    'bankStatementDate', c.bank_statement_date, 'journalBalanceMinor', c.journal_balance_minor,
                    'bankReceivedNotBookedMinor', c.bank_received_not_booked_minor,
                    'bankPaidNotBookedMinor', c.bank_paid_not_booked_minor,
                    'adjustedJournalMinor', c.adjusted_journal_minor, 'statementBalanceMinor', c.statement_balance_minor,
                    'bookedReceivedNotInBankMinor', c.booked_received_not_in_bank_minor,
                    'bookedPaidNotInBankMinor', c.booked_paid_not_in_bank_minor,
                    'adjustedBankMinor', c.adjusted_bank_minor,
                    'unexplainedDifferenceMinor', c.adjusted_bank_minor - c.adjusted_journal_minor) end,
                'createdBy', c.created_by, 'createdAt', c.created_at, 'preparedBy', c.prepared_by,
                'preparedAt', c.prepared_at, 'preparationNote', c.preparation_note, 'reviewedBy', c.reviewed_by,
                'reviewedAt', c.reviewed_at, 'reviewNote', c.review_note, 'reopenedBy', c.reopened_by,
                'reopenedAt', c.reopened_at, 'reopenReason', c.reopen_reason,
                'documents', coalesce((select json_agg(json_build_object('id', d.id, 'kind', d.kind,
                    'language', d.language, 'sha256', d.sha256, 'createdAt', d.created_at) order by d.id)
                    from balance_confirmation_documents d where d.confirmation_id = c.id), '[]')) as text)
            from balance_confirmations c join accounts a on a.id = c.account_id
            """
            .formatted(ConfirmationState.REVIEWED.code());

    static final String VIEW = VIEW_JSON + "where c.id = ?1";

    private static final String FILTER = """
            where (cast(?1 as text) is null or a.code = cast(?1 as text))
              and (cast(?2 as text) is null or c.state = cast(?2 as text))""";

    /** ?1 account code, ?2 state (each null for any), ?3 limit, ?4 offset; the latest period ends first. */
    static final String PAGE = VIEW_JSON + FILTER + " order by c.period_end desc, c.id desc limit ?3 offset ?4";

    static final String COUNT = "select count(*) from balance_confirmations c join accounts a on a.id = c.account_id "
            + FILTER;

    private final ObjectMapper json;

    public ConfirmationRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A confirmation as the use cases read it. */
    record Stored(long id, long accountId, String account, String accountName, String currency, LocalDate periodEnd,
            long bankBalanceMinor, ConfirmationState state, String result, String preparedBy, Instant preparedAt,
            String preparationNote) {
    }

    Uni<Long> insert(Mutiny.Session s, long accountId, LocalDate periodEnd, String currency, long bankBalanceMinor,
            String actor) {
        return s.createNativeQuery(INSERT, Long.class).setParameter(1, accountId).setParameter(2, periodEnd)
                .setParameter(3, currency).setParameter(4, bankBalanceMinor)
                .setParameter(5, ConfirmationState.DRAFT.code()).setParameter(6, actor).getSingleResult();
    }

    Uni<Optional<Long>> ofPeriod(Mutiny.Session s, long accountId, LocalDate periodEnd) {
        return s.createNativeQuery(OF_PERIOD, Long.class).setParameter(1, accountId).setParameter(2, periodEnd)
                .getResultList().map(rows -> rows.stream().findFirst());
    }

    Uni<Optional<Stored>> find(Mutiny.Session s, long id) {
        return s.createNativeQuery(FIND, Object[].class).setParameter(1, id).getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new Stored(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                        LocalDate.parse((String) r[5]), ((Number) r[6]).longValue(),
                        ConfirmationState.of((String) r[7]), (String) r[8], (String) r[9],
                        r[10] == null ? null : Instant.parse((String) r[10]),
                        (String) r[11])));
    }

    Uni<Boolean> prepare(Mutiny.Session s, long id, String actor, ConfirmationResult result, String note,
            Figures f, String statementJson) {
        return s.createNativeQuery(PREPARE).setParameter(1, ConfirmationState.PREPARED.code())
                .setParameter(2, result.code()).setParameter(3, actor).setParameter(4, note)
                .setParameter(5, statementJson).setParameter(6, f.bankStatementDate())
                .setParameter(7, f.journalBalanceMinor()).setParameter(8, f.bankReceivedNotBookedMinor())
                .setParameter(9, f.bankPaidNotBookedMinor()).setParameter(10, f.adjustedJournalMinor())
                .setParameter(11, f.statementBalanceMinor()).setParameter(12, f.bookedReceivedNotInBankMinor())
                .setParameter(13, f.bookedPaidNotInBankMinor()).setParameter(14, f.adjustedBankMinor())
                .setParameter(15, id).setParameter(16, from(ConfirmationState.PREPARED)).executeUpdate()
                .map(n -> n == 1);
    }

    Uni<Boolean> approve(Mutiny.Session s, long id, String reviewer, Instant at, String note) {
        return s.createNativeQuery(REVIEW).setParameter(1, ConfirmationState.REVIEWED.code())
                .setParameter(2, reviewer).setParameter(3, at.atOffset(ZoneOffset.UTC)).setParameter(4, note)
                .setParameter(5, id).setParameter(6, reviewer).setParameter(7, from(ConfirmationState.REVIEWED))
                .executeUpdate().map(n -> n == 1);
    }

    Uni<Boolean> reject(Mutiny.Session s, long id, String reviewer, String note) {
        return s.createNativeQuery(REJECT).setParameter(1, ConfirmationState.DRAFT.code()).setParameter(2, note)
                .setParameter(3, id).setParameter(4, reviewer).setParameter(5, from(ConfirmationState.DRAFT))
                .executeUpdate().map(n -> n == 1);
    }

    Uni<Boolean> reopen(Mutiny.Session s, long id, String actor, String reason) {
        return s.createNativeQuery(REOPEN).setParameter(1, ConfirmationState.REOPENED.code()).setParameter(2, actor)
                .setParameter(3, reason).setParameter(4, id).setParameter(5, from(ConfirmationState.REOPENED))
                .executeUpdate().map(n -> n == 1);
    }

    Uni<Void> insertDocument(Mutiny.Session s, long id, String kind, String language, byte[] content,
            String sha256) {
        return s.createNativeQuery(INSERT_DOCUMENT).setParameter(1, id).setParameter(2, kind)
                .setParameter(3, language).setParameter(4, Base64.getEncoder().encodeToString(content))
                .setParameter(5, sha256).executeUpdate().replaceWithVoid();
    }

    Uni<Optional<byte[]>> document(Mutiny.Session s, long id, String kind, String language) {
        return s.createNativeQuery(DOCUMENT, String.class).setParameter(1, id).setParameter(2, kind)
                .setParameter(3, language).getResultList()
                .map(rows -> rows.stream().findFirst().map(b64 -> Base64.getMimeDecoder().decode(b64)));
    }

    Uni<ConfirmationViews.ConfirmationView> view(Mutiny.Session s, long id) {
        return s.createNativeQuery(VIEW, String.class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty() ? null : parse(rows.get(0)));
    }

    Uni<List<ConfirmationViews.ConfirmationView>> page(Mutiny.Session s, String account, String state, int page,
            int size) {
        return s.createNativeQuery(PAGE, String.class).setParameter(1, account).setParameter(2, state)
                .setParameter(3, size).setParameter(4, Paging.offset(page, size)).getResultList()
                .map(rows -> rows.stream().map(this::parse).toList());
    }

    Uni<Long> count(Mutiny.Session s, String account, String state) {
        return s.createNativeQuery(COUNT, Long.class).setParameter(1, account).setParameter(2, state)
                .getSingleResult();
    }

    /** The from-states of {@code to} as a JSON array of our own codes. */
    private static String from(ConfirmationState to) {
        Set<ConfirmationState> from = ConfirmationStateMachine.from(to);
        return from.stream().map(x -> "\"" + x.code() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private ConfirmationViews.ConfirmationView parse(String row) {
        try {
            ConfirmationViews.ConfirmationView v = json.readValue(row, ConfirmationViews.ConfirmationView.class);
            return v.withBankBalance();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a balance confirmation row is not valid JSON", e);
        }
    }
}
