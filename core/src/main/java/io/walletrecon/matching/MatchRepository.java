package io.walletrecon.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Paging;
import io.walletrecon.receivables.ReceivableRepository;
import io.walletrecon.receivables.ReceivableStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every statement of the people's side of {@code matches} and {@code match_items}: the view, the filtered list, the
 * items a person names (read with their amounts and claims), a manual match, a decision and the items it retires.
 * Binds only; a decision is a conditional UPDATE guarded by {@link MatchStateMachine#from}.
 */
@ApplicationScoped
public class MatchRepository {

    /** The filters of the match list; each null means "any". */
    record Filter(String account, String kind, String status, String rule, Long runId, Long transactionId) {
    }

    /** An item a person named, as the database has it: null amount when there is no such item. */
    record Found(String type, long id, Long amount, String currency, boolean foreign, boolean claimed) {
    }

    private static final String VIEW = """
            select cast(json_build_object('id', m.id, 'account', a.code, 'runId', m.run_id, 'kind', m.kind, 'rule', m.rule,
                'confidence', m.confidence, 'status', m.status, 'currency', m.currency, 'leftTotalMinor', m.left_total_minor,
                'rightTotalMinor', m.right_total_minor, 'differenceMinor', m.difference_minor, 'createdBy', m.created_by,
                'createdAt', m.created_at, 'decidedBy', m.decided_by, 'decidedAt', m.decided_at, 'reason', m.reason,
                'evidence', m.evidence,
                'fx', case when m.counter_currency is not null then json_build_object('counterCurrency', m.counter_currency,
                    'rate', m.fx_rate, 'referenceRate', m.fx_reference_rate, 'differenceMinor', m.fx_difference_minor) end,
                'items', (select json_agg(json_build_object('side', i.side, 'type', i.item_type, 'id', i.item_id,
                    'amountMinor', i.amount_minor, 'live', i.live) order by i.side, i.item_type, i.item_id)
                    from match_items i where i.match_id = m.id)) as text)
            from matches m join accounts a on a.id = m.account_id""";
    private static final String ONE = VIEW + " where m.id = ?1";
    /**
     * The list's filters: ?1..?6 each null for "any". A transaction's matches are found through the one-live-claim
     * index
     * for live items and through the retired items' own index for the others.
     */
    private static final String FILTER = """
            where (cast(?1 as text) is null or a.code = cast(?1 as text))
              and (cast(?2 as text) is null or m.kind = cast(?2 as text))
              and (cast(?3 as text) is null or m.status = cast(?3 as text))
              and (cast(?4 as text) is null or m.rule = cast(?4 as text))
              and (cast(?5 as bigint) is null or m.run_id = cast(?5 as bigint))
              and (cast(?6 as bigint) is null or m.id in (
                   select ti.match_id from match_items ti where ti.item_type = 'transaction' and ti.item_id = cast(?6 as bigint) and ti.live
                   union all
                   select ti.match_id from match_items ti where ti.item_type = 'transaction' and ti.item_id = cast(?6 as bigint) and not ti.live))""";
    private static final String PAGE = VIEW + "\n" + FILTER + " order by m.id limit ?7 offset ?8";
    private static final String COUNT = "select count(*) from matches m join accounts a on a.id = m.account_id\n"
            + FILTER;
    /**
     * The named items (?1 types, ?2 ids, comma-separated, in pairs) with their amounts in match kind ?3, whether they
     * belong elsewhere (another account ?4, another company ?5) and whether they are claimed (a live item of a match of
     * that kind; a receivable no longer outstanding, ?6 the outstanding statuses; a payment order no longer submitted).
     */
    private static final String FIND_ITEMS = """
            select cast(coalesce(json_agg(json_build_object('type', w.type, 'id', w.id, 'amount', x.amount, 'currency', x.currency,
                'foreign', coalesce(x.foreign_account, false), 'claimed', coalesce(x.claimed, false)) order by w.type, w.id), '[]') as text)
            from (select type, cast(id as bigint) as id
                  from unnest(string_to_array(?1, ','), string_to_array(?2, ',')) as n(type, id)) as w
            left join lateral (
              select case when ?3 = 'record_statement' and t.direction = 'out' then -t.amount_minor else t.amount_minor end as amount,
                     t.currency, t.account_id <> ?4 as foreign_account,
                     exists (select 1 from match_items mi where mi.match_kind = ?3 and mi.item_type = 'transaction'
                             and mi.item_id = t.id and mi.live) as claimed
              from transactions t where w.type = 'transaction' and t.id = w.id
              union all
              select r.amount_minor - r.paid_minor, r.currency, r.company_id <> ?5, not (r.status = any(string_to_array(?6, ',')))
              from receivables r where w.type = 'receivable' and r.id = w.id
              union all
              select case when ?3 = 'settlement_bank' then abs(l.amount_minor)
                          when ?3 = 'debit_payment' then -l.amount_minor else l.amount_minor end, l.currency,
                     ?3 <> 'settlement_bank' and l.account_id <> ?4,
                     exists (select 1 from match_items mi where mi.match_kind = ?3 and mi.item_type = 'statement_line'
                             and mi.item_id = l.id and mi.live)
              from statement_lines l where w.type = 'statement_line' and l.id = w.id
              union all
              select e.amount_minor, e.currency, e.account_id <> ?4,
                     exists (select 1 from match_items mi where mi.match_kind = ?3 and mi.item_type = 'ledger_entry'
                             and mi.item_id = e.id and mi.live)
              from ledger_entries e where w.type = 'ledger_entry' and e.id = w.id
              union all
              select p.amount_minor, p.currency, p.account_id <> ?4,
                     p.state <> 'submitted'
                     or exists (select 1 from match_items mi where mi.match_kind = ?3 and mi.item_type = 'payment_order'
                                and mi.item_id = p.id and mi.live)
              from payment_orders p where w.type = 'payment_order' and p.id = w.id
            ) x on true""";
    /** A person's match: rule ?10 ({@code manual}, {@code claim}), evidence ?11 (JSON text). */
    private static final String INSERT_MANUAL = """
            insert into matches (account_id, kind, rule, confidence, status, currency, left_total_minor, right_total_minor,
                difference_minor, created_by, decided_by, decided_at, reason, evidence)
            values (?1, ?2, ?10, 1, ?9, ?3, ?4, ?5, ?6, ?7, ?7, now(), ?8, cast(?11 as jsonb)) returning id""";
    /** The items of match ?1 of kind ?2: sides ?3, types ?4, ids ?5 and amounts ?6, comma-separated, in order. */
    private static final String INSERT_ITEMS = """
            insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
            select ?1, ?2, side, type, cast(id as bigint), cast(amount as bigint)
            from unnest(string_to_array(?3, ','), string_to_array(?4, ','), string_to_array(?5, ','), string_to_array(?6, ','))
                 as n(side, type, id, amount)""";
    private static final String DECIDE = """
            update matches set status = ?2, decided_by = ?3, decided_at = now(), reason = ?4
            where id = ?1 and status = ?5""";
    private static final String SET_ITEMS_LIFE = "update match_items set live = ?2 where match_id = ?1";
    /** What match ?1 applies to each of its receivables. */
    private static final String RECEIVABLE_ITEMS = """
            select item_id, sum(amount_minor) from match_items where match_id = ?1 and item_type = 'receivable'
            group by item_id order by item_id""";

    private final ObjectMapper json;

    public MatchRepository(ObjectMapper json) {
        this.json = json;
    }

    Uni<List<MatchingViews.MatchView>> page(Mutiny.Session s, Filter f, int page, int size) {
        return bind(s.createNativeQuery(PAGE, String.class), f).setParameter(7, size)
                .setParameter(8, Paging.offset(page, size))
                .getResultList().map(rows -> rows.stream()
                        .map(r -> NativeQueries.read(json, r, MatchingViews.MatchView.class)).toList());
    }

    Uni<Long> count(Mutiny.Session s, Filter f) {
        return bind(s.createNativeQuery(COUNT, Long.class), f).getSingleResult();
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> q, Filter f) {
        return q.setParameter(1, f.account()).setParameter(2, f.kind()).setParameter(3, f.status())
                .setParameter(4, f.rule())
                .setParameter(5, f.runId()).setParameter(6, f.transactionId());
    }

    /** The match, or null when there is none. */
    Uni<MatchingViews.MatchView> view(Mutiny.Session s, long id) {
        return s.createNativeQuery(ONE, String.class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty()
                        ? null
                        : NativeQueries.read(json, rows.get(0), MatchingViews.MatchView.class));
    }

    /** The named items as the database has them, for a match of {@code kind} on account {@code accountId}. */
    Uni<List<Found>> find(Mutiny.Session s, String kind, long accountId, long companyId,
            List<MatchingRequests.Item> items) {
        return s.createNativeQuery(FIND_ITEMS, String.class)
                .setParameter(1, joined(items, MatchingRequests.Item::type))
                .setParameter(2, joined(items, MatchingRequests.Item::id))
                .setParameter(3, kind).setParameter(4, accountId).setParameter(5, companyId)
                .setParameter(6,
                        ReceivableStatus.outstanding().stream().map(ReceivableStatus::code).sorted()
                                .collect(Collectors.joining(",")))
                .getSingleResult().map(this::found);
    }

    private List<Found> found(String text) {
        try {
            JsonNode rows = json.readTree(text);
            return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                    .map(n -> new Found(n.get("type").asText(), n.get("id").asLong(),
                            n.get("amount").isNull() ? null : n.get("amount").asLong(),
                            n.get("currency").asText(null), n.get("foreign").asBoolean(), n.get("claimed").asBoolean()))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable items", e);
        }
    }

    /** A person's match under {@code rule}, confirmed at once, with its evidence (JSON); returns its id. */
    Uni<Long> insertManual(Mutiny.Session s, long accountId, String kind, String rule, String currency, long left,
            long right, String actor, String reason, String evidence, List<ManualItem> items) {
        return s.createNativeQuery(INSERT_MANUAL, Long.class).setParameter(1, accountId).setParameter(2, kind)
                .setParameter(3, currency).setParameter(4, left).setParameter(5, right).setParameter(6, left - right)
                .setParameter(7, actor).setParameter(8, reason).setParameter(9, MatchStatus.CONFIRMED.code())
                .setParameter(10, rule).setParameter(11, evidence)
                .getSingleResult()
                .call(id -> s.createNativeQuery(INSERT_ITEMS).setParameter(1, id).setParameter(2, kind)
                        .setParameter(3, joined(items, ManualItem::side))
                        .setParameter(4, joined(items, ManualItem::type))
                        .setParameter(5, joined(items, ManualItem::id))
                        .setParameter(6, joined(items, ManualItem::amount))
                        .executeUpdate());
    }

    /** Moves the match to {@code to} from the one status that leads there; false when it was not in it any more. */
    Uni<Boolean> decide(Mutiny.Session s, long id, MatchStatus to, String actor, String reason) {
        return s.createNativeQuery(DECIDE).setParameter(1, id).setParameter(2, to.code()).setParameter(3, actor)
                .setParameter(4, reason == null ? "" : reason).setParameter(5, MatchStateMachine.from(to).code())
                .executeUpdate().map(n -> n > 0)
                .call(moved -> moved && MatchItemLife.after(to) == MatchItemLife.RETIRED
                        ? retire(s, id)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> retire(Mutiny.Session s, long id) {
        return s.createNativeQuery(SET_ITEMS_LIFE).setParameter(1, id).setParameter(2, MatchItemLife.RETIRED.live())
                .executeUpdate().replaceWithVoid();
    }

    /** What the match applies to each of its receivables, {@code sign} 1 to pay, -1 to take it back. */
    Uni<List<ReceivableRepository.Applied>> receivablePayments(Mutiny.Session s, long id, int sign) {
        return s.createNativeQuery(RECEIVABLE_ITEMS, Object[].class).setParameter(1, id).getResultList()
                .map(rows -> rows.stream().map(r -> new ReceivableRepository.Applied(((Number) r[0]).longValue(),
                        sign * ((Number) r[1]).longValue())).toList());
    }

    private static <T> String joined(List<T> items, Function<T, Object> field) {
        return items.stream().map(i -> String.valueOf(field.apply(i))).collect(Collectors.joining(","));
    }

    /** An item of a person's match with the amount it takes. */
    record ManualItem(String side, String type, long id, long amount) {
    }
}
