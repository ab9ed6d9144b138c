package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every statement of the people's side of {@code recon_exceptions} and {@code exception_annotations}: the view, the
 * filtered list, annotating and moving an exception's status. Binds only; status changes are conditional UPDATEs
 * guarded by {@link ExceptionStateMachine#from}, so two people deciding at once cannot move a closed exception.
 */
@ApplicationScoped
public class ExceptionRepository {

    /**
     * The filters of the exception list; each null means "any". {@code minMinor}/{@code maxMinor}: the range of the
     * exception's amount without sign, in minor units of {@code currency}.
     */
    record Filter(Long companyId, String account, String type, String status, LocalDate from, LocalDate to,
            String assignee,
            Long runId, String currency, Long minMinor, Long maxMinor) {

        Filter ofCompany(long id) {
            return new Filter(id, account, type, status, from, to, assignee, runId, currency, minMinor, maxMinor);
        }
    }

    private static final String VIEW = """
            select cast(json_build_object('id', e.id, 'company', (select c.code from companies c where c.id = a.company_id),
                'account', a.code, 'runId', e.run_id, 'type', e.type, 'status', e.status,
                'currency', e.currency, 'expectedMinor', e.expected_minor, 'actualMinor', e.actual_minor,
                'differenceMinor', e.difference_minor, 'transactionId', e.transaction_id, 'receivableId', e.receivable_id,
                'statementLineId', e.statement_line_id, 'paymentOrderId', e.payment_order_id, 'customerId', e.customer_id,
                'candidates', cast(e.candidates as json),
                'businessDate', e.business_date, 'detail', e.detail, 'assignee', e.assignee, 'resolutionReason', e.resolution_reason,
                'resolvedBy', e.resolved_by, 'resolvedAt', e.resolved_at, 'detectedAt', e.detected_at, 'updatedAt', e.updated_at,
                'annotations', coalesce((select json_agg(json_build_object('id', n.id, 'author', n.author, 'body', n.body,
                    'createdAt', n.created_at) order by n.id) from exception_annotations n where n.exception_id = e.id), '[]'))
                as text)
            from recon_exceptions e join accounts a on a.id = e.account_id""";
    private static final String ONE = VIEW + " where e.id = ?1";
    /**
     * The list's filters: ?1..?11 each null for "any". An exception's amount is the larger of what was expected and
     * what was found, without sign ({@link ExceptionQuery#amountMinor}).
     */
    private static final String FILTER = """
            where (cast(?1 as bigint) is null or a.company_id = cast(?1 as bigint))
              and (cast(?2 as text) is null or a.code = cast(?2 as text))
              and (cast(?3 as text) is null or e.type = cast(?3 as text))
              and (cast(?4 as text) is null or e.status = cast(?4 as text))
              and (cast(?5 as date) is null or e.business_date >= cast(?5 as date))
              and (cast(?6 as date) is null or e.business_date <= cast(?6 as date))
              and (cast(?7 as text) is null or e.assignee = cast(?7 as text))
              and (cast(?8 as bigint) is null or e.run_id = cast(?8 as bigint))
              and (cast(?9 as text) is null or e.currency = cast(?9 as text))
              and (cast(?10 as bigint) is null or {amount} >= cast(?10 as bigint))
              and (cast(?11 as bigint) is null or {amount} <= cast(?11 as bigint))"""
            .replace("{amount}", "greatest(abs(coalesce(e.actual_minor, 0)), abs(coalesce(e.expected_minor, 0)))");
    private static final String PAGE = VIEW + "\n" + FILTER + " order by e.business_date, e.id limit ?12 offset ?13";
    private static final String COUNT = "select count(*) from recon_exceptions e join accounts a on a.id = e.account_id\n"
            + FILTER;
    private static final String STATUS = "select status from recon_exceptions where id = ?1";
    /** The status of each of the exceptions ?1 (comma-separated ids) that exist. */
    private static final String STATUSES = """
            select id, status from recon_exceptions where id = any (cast(string_to_array(?1, ',') as bigint[]))
            order by id""";
    private static final String ANNOTATE = "insert into exception_annotations (exception_id, author, body) values (?1, ?2, ?3)";
    private static final String TOUCH = "update recon_exceptions set updated_at = now() where id = ?1";
    /**
     * ?4: whether the move closes it (then ?5 closed it); ?6: a new assignee or null to keep; ?7: the allowed
     * from-statuses.
     */
    private static final String MOVE = """
            update recon_exceptions set status = ?2, resolution_reason = ?3,
                resolved_by = case when ?4 then cast(?5 as text) end, resolved_at = case when ?4 then now() end,
                assignee = coalesce(cast(?6 as text), assignee), updated_at = now()
            where id = ?1 and status = any(string_to_array(?7, ','))""";

    /** The bank line an exception is about: ?1 the exception. id, amount, currency, account, name, company. */
    private static final String PAYER = """
            select l.id, l.amount_minor, l.currency, l.counterparty_account, l.counterparty_name, a.company_id
            from recon_exceptions e join accounts a on a.id = e.account_id join statement_lines l on l.id = e.statement_line_id
            where e.id = ?1""";
    /** The customers of receivables ?1 (comma-separated ids). */
    private static final String RECEIVABLE_CUSTOMERS = """
            select r.id, r.customer_id from receivables r
            where r.id = any (cast(string_to_array(?1, ',') as bigint[])) order by r.id""";

    /** The bank line of an exception and who paid it, as the bank wrote it; {@code companyId} is the account's. */
    record Payer(long lineId, long amountMinor, String currency, String account, String name, long companyId) {
    }

    private final ObjectMapper json;

    public ExceptionRepository(ObjectMapper json) {
        this.json = json;
    }

    Uni<List<MatchingViews.ExceptionView>> page(Mutiny.Session s, Filter f, int page, int size) {
        return bind(s.createNativeQuery(PAGE, String.class), f).setParameter(12, size)
                .setParameter(13, Paging.offset(page, size))
                .getResultList().map(rows -> rows.stream()
                        .map(r -> NativeQueries.read(json, r, MatchingViews.ExceptionView.class)).toList());
    }

    Uni<Long> count(Mutiny.Session s, Filter f) {
        return bind(s.createNativeQuery(COUNT, Long.class), f).getSingleResult();
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> q, Filter f) {
        return q.setParameter(1, f.companyId()).setParameter(2, f.account()).setParameter(3, f.type())
                .setParameter(4, f.status())
                .setParameter(5, f.from()).setParameter(6, f.to()).setParameter(7, f.assignee())
                .setParameter(8, f.runId()).setParameter(9, f.currency()).setParameter(10, f.minMinor())
                .setParameter(11, f.maxMinor());
    }

    /** The exception, or null when there is none. */
    Uni<MatchingViews.ExceptionView> view(Mutiny.Session s, long id) {
        return s.createNativeQuery(ONE, String.class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty()
                        ? null
                        : NativeQueries.read(json, rows.get(0), MatchingViews.ExceptionView.class));
    }

    /** The bank line of exception {@code id} and its payer, or null when it is about no bank line. */
    Uni<Payer> payer(Mutiny.Session s, long id) {
        return s.createNativeQuery(PAYER, Object[].class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty() ? null : payer(rows.get(0)));
    }

    private static Payer payer(Object[] r) {
        return new Payer(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue());
    }

    /** The customer of each of the receivables that exist among {@code ids}. */
    Uni<java.util.Map<Long, Long>> receivableCustomers(Mutiny.Session s, List<Long> ids) {
        return ids.isEmpty()
                ? Uni.createFrom().item(java.util.Map.of())
                : s.createNativeQuery(RECEIVABLE_CUSTOMERS, Object[].class)
                        .setParameter(1, ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .getResultList()
                        .map(rows -> rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                                r -> ((Number) r[1]).longValue())));
    }

    /** Its status, or null when there is no such exception. */
    Uni<ExceptionStatus> status(Mutiny.Session s, long id) {
        return s.createNativeQuery(STATUS, String.class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty() ? null : ExceptionStatus.of(rows.get(0)));
    }

    /** The status of each of {@code ids} that exists, in id order. */
    Uni<java.util.Map<Long, ExceptionStatus>> statuses(Mutiny.Session s, List<Long> ids) {
        return s.createNativeQuery(STATUSES, Object[].class)
                .setParameter(1, ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                        r -> ExceptionStatus.of((String) r[1]), (a, b) -> a, java.util.TreeMap::new)));
    }

    Uni<Void> annotate(Mutiny.Session s, long id, String author, String body) {
        return s.createNativeQuery(ANNOTATE).setParameter(1, id).setParameter(2, author).setParameter(3, body)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(TOUCH).setParameter(1, id).executeUpdate()).replaceWithVoid();
    }

    /**
     * Moves the exception to {@code to} when its status allows it; a closing move records {@code actor} as who closed
     * it.
     * False when its status did not allow the move (someone else moved it first).
     */
    Uni<Boolean> move(Mutiny.Session s, long id, ExceptionStatus to, String reason, String assignee, String actor) {
        return s.createNativeQuery(MOVE).setParameter(1, id).setParameter(2, to.code())
                .setParameter(3, reason == null ? "" : reason)
                .setParameter(4, to.closed()).setParameter(5, actor).setParameter(6, assignee)
                .setParameter(7, codes(ExceptionStateMachine.from(to))).executeUpdate().map(n -> n > 0);
    }

    private static String codes(Set<ExceptionStatus> statuses) {
        return statuses.stream().map(ExceptionStatus::code).sorted().collect(Collectors.joining(","));
    }
}
