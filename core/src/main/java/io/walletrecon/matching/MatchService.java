package io.walletrecon.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What people do with matches: list them, confirm or reject a suggestion, match by hand, unmatch. Each action
 * takes the account's matching lock (refused with 409 while a run holds it) and, when it pays or un-pays receivables,
 * waits for their company's and currency's {@link ReceivablesLock}; it is audited in its transaction, and is
 * final for the runs: a rejected or unmatched pair is never proposed again, and a manual match keeps its items.
 */
@ApplicationScoped
public class MatchService {

    static final Set<String> KINDS = Set.of(MatchRulesRepository.KIND_RECEIPT, MatchRulesRepository.KIND_RECORD,
            MatchRulesRepository.KIND_SETTLEMENT);

    static final String VIEW = """
            select cast(json_build_object('id', m.id, 'account', a.code, 'runId', m.run_id, 'kind', m.kind, 'rule', m.rule,
                'confidence', m.confidence, 'status', m.status, 'currency', m.currency, 'leftTotalMinor', m.left_total_minor,
                'rightTotalMinor', m.right_total_minor, 'differenceMinor', m.difference_minor, 'createdBy', m.created_by,
                'createdAt', m.created_at, 'decidedBy', m.decided_by, 'decidedAt', m.decided_at, 'reason', m.reason,
                'items', (select json_agg(json_build_object('side', i.side, 'type', i.item_type, 'id', i.item_id,
                    'amountMinor', i.amount_minor, 'live', i.live) order by i.side, i.item_type, i.item_id)
                    from match_items i where i.match_id = m.id)) as text)
            from matches m join accounts a on a.id = m.account_id""";

    private final AccountService accounts;
    private final AuditLog audit;
    private final ObjectMapper json;

    private final Paging paging;

    public MatchService(AccountService accounts, AuditLog audit, ObjectMapper json, Paging paging) {
        this.paging = paging;
        this.accounts = accounts;
        this.audit = audit;
        this.json = json;
    }

    @WithSession
    public Uni<PageView<MatchingViews.MatchView>> list(String account, String kind, String status, String rule, Long runId,
                                                      Long transactionId, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        NativeQueries f = new NativeQueries().and("a.code = ?", account).and("m.kind = ?", kind).and("m.status = ?", status)
                .and("m.rule = ?", rule).and("m.run_id = ?", runId)
                // Live items are found through the one-live-claim index, retired ones through their own (V9).
                .and("m.id in (select ti.match_id from match_items ti where ti.item_type = 'transaction' and ti.item_id = ? and ti.live"
                        + " union all select ti.match_id from match_items ti where ti.item_type = 'transaction' and ti.item_id = ? and not ti.live)",
                        transactionId);
        return Panache.getSession().chain(s -> NativeQueries.rows(s, json,
                        VIEW + f.where() + " order by m.id limit " + size + " offset " + ((long) page * size), f, MatchingViews.MatchView.class)
                .chain(items -> f.bind(s.createNativeQuery("select count(*) from matches m join accounts a on a.id = m.account_id"
                        + f.where(), Long.class)).getSingleResult().map(total -> new PageView<>(items, page, size, total))));
    }

    @WithSession
    public Uni<MatchingViews.MatchView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id));
    }

    Uni<MatchingViews.MatchView> view(Mutiny.Session s, long id) {
        NativeQueries f = new NativeQueries().and("m.id = ?", id);
        return NativeQueries.rows(s, json, VIEW + f.where(), f, MatchingViews.MatchView.class).map(rows -> {
            if (rows.isEmpty()) {
                throw ApiException.notFound("No match " + id);
            }
            return rows.get(0);
        });
    }

    /** A match made by a person: any cardinality, confirmed, rule {@code manual}, with the reason. */
    @WithTransaction
    public Uni<MatchingViews.MatchView> manual(MatchingRequests.ManualMatch request, String actor) {
        String kind = request.kind();
        List<ProblemError> errors = new ArrayList<>();
        if (!KINDS.contains(kind)) {
            errors.add(ProblemError.field("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            MatchingRequests.Item item = request.items().get(i);
            String field = "items[" + i + "]";
            if (!item.side().equals("left") && !item.side().equals("right")) {
                errors.add(ProblemError.field(field + ".side", "must be left or right"));
            } else if (KINDS.contains(kind) && !allowed(kind, item.side()).contains(item.type())) {
                errors.add(ProblemError.field(field + ".type", "a " + kind + " match takes " + String.join(" or ", allowed(kind, item.side()))
                        + " on the " + item.side() + " side"));
            }
            if (!seen.add(item.type() + ":" + item.id())) {
                errors.add(ProblemError.field(field, item.type() + " " + item.id() + " is listed twice"));
            }
            if (item.amountMinor() != null && (!item.type().equals("receivable") || item.amountMinor() <= 0)) {
                errors.add(ProblemError.field(field + ".amountMinor", "only a receivable takes an amount (the part of it this match pays), and it must be positive"));
            }
        }
        if (request.items().stream().noneMatch(i -> i.side().equals("left")) || request.items().stream().noneMatch(i -> i.side().equals("right"))) {
            errors.add(ProblemError.field("items", "need at least one item on each side"));
        }
        Validation.refuseIfAny(errors);
        String receivables = request.items().stream().filter(i -> i.type().equals("receivable")).map(i -> String.valueOf(i.id()))
                .collect(Collectors.joining(", "));
        return accounts.require(request.account()).chain(account -> Panache.getSession().chain(s -> lock(s, account)
                .chain(() -> receivables.isEmpty() ? Uni.createFrom().voidItem() : ReceivablesLock.forReceivables(s, receivables))
                .chain(() -> load(s, account, kind, request.items()))
                .chain(loaded -> s.createNativeQuery("""
                                insert into matches (account_id, kind, rule, confidence, status, currency, left_total_minor, right_total_minor,
                                    difference_minor, created_by, decided_by, decided_at, reason)
                                values (?1, ?2, 'manual', 1, 'confirmed', ?3, ?4, ?5, ?6, ?7, ?7, now(), ?8) returning id""", Long.class)
                        .setParameter(1, account.id).setParameter(2, kind).setParameter(3, loaded.currency)
                        .setParameter(4, loaded.left).setParameter(5, loaded.right).setParameter(6, loaded.left - loaded.right)
                        .setParameter(7, actor).setParameter(8, request.reason()).getSingleResult()
                        .call(id -> MatchRulesRepository.exec(s, "insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) values "
                                + loaded.items.stream().map(i -> "(%d, '%s', '%s', '%s', %d, %d)".formatted(id, kind, i.side, i.type, i.id, i.amount))
                                .collect(Collectors.joining(", "))))
                        .call(id -> kind.equals(MatchRulesRepository.KIND_RECEIPT) ? pay(s, id, 1) : Uni.createFrom().voidItem())
                        .call(id -> audit.record(actor, "match.created", "match", id, request.reason(),
                                Map.of("account", account.code, "kind", kind, "items", loaded.items, "leftTotalMinor", loaded.left,
                                        "rightTotalMinor", loaded.right))))
                .chain(id -> view(s, id))));
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> confirm(long id, String reason, String actor) {
        return decide(id, "suggested", "confirmed", reason, actor, false);
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> reject(long id, String reason, String actor) {
        return decide(id, "suggested", "rejected", reason, actor, true);
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> unmatch(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason is required to unmatch", List.of(ProblemError.field("reason", "is required")));
        }
        return decide(id, "confirmed", "unmatched", reason, actor, true);
    }

    private Uni<MatchingViews.MatchView> decide(long id, String from, String to, String reason, String actor, boolean release) {
        return Panache.getSession().chain(s -> view(s, id).chain(before -> {
            if (!before.status().equals(from)) {
                throw ApiException.conflict("Match " + id + " is " + before.status() + "; only a " + from + " match can be " + to);
            }
            boolean receipt = before.kind().equals(MatchRulesRepository.KIND_RECEIPT);
            return accounts.require(before.account()).call(account -> lock(s, account))
                    .chain(account -> receipt ? ReceivablesLock.forCurrency(s, account.companyId, before.currency()) : Uni.createFrom().voidItem())
                    .chain(() -> s.createNativeQuery("""
                                    update matches set status = ?2, decided_by = ?3, decided_at = now(), reason = ?4
                                    where id = ?1 and status = ?5""")
                            .setParameter(1, id).setParameter(2, to).setParameter(3, actor).setParameter(4, reason == null ? "" : reason)
                            .setParameter(5, from).executeUpdate())
                    .chain(() -> release
                            ? MatchRulesRepository.exec(s, "update match_items set live = false where match_id = " + id)
                            : Uni.createFrom().voidItem())
                    // A confirmed receipt match pays its receivables; undoing it gives the amounts back.
                    .chain(() -> !receipt ? Uni.createFrom().voidItem()
                            : to.equals("confirmed") ? pay(s, id, 1)
                            : from.equals("confirmed") ? pay(s, id, -1) : Uni.createFrom().voidItem())
                    .call(() -> audit.record(actor, "match." + to, "match", id, reason, Map.of("from", from, "to", to)))
                    .chain(() -> view(s, id));
        }));
    }

    /** Adds (sign 1) or takes back (sign -1) the receivable amounts of match {@code id}. */
    private Uni<Void> pay(Mutiny.Session s, long id, int sign) {
        return MatchRulesRepository.exec(s, """
                update receivables r
                set paid_minor = r.paid_minor + %1$d * a.applied,
                    status = case when r.paid_minor + %1$d * a.applied >= r.amount_minor then 'paid'
                                  when r.paid_minor + %1$d * a.applied > 0 then 'partially_paid' else 'open' end,
                    updated_at = now(), version = r.version + 1
                from (select item_id, sum(amount_minor) as applied from match_items
                      where match_id = %2$d and item_type = 'receivable' group by item_id) a
                where r.id = a.item_id""".formatted(sign, id));
    }

    private Uni<Void> lock(Mutiny.Session s, Account account) {
        return MatchingService.tryLock(s, account.id).map(locked -> {
            if (!locked) {
                throw ApiException.conflict("A matching run of account '" + account.code + "' is in progress; try again when it has finished");
            }
            return null;
        });
    }

    private static Set<String> allowed(String kind, String side) {
        return switch (kind) {
            case MatchRulesRepository.KIND_RECEIPT -> Set.of(side.equals("left") ? "transaction" : "receivable");
            case MatchRulesRepository.KIND_RECORD -> Set.of(side.equals("left") ? "transaction" : "statement_line");
            default -> side.equals("left") ? Set.of("transaction", "statement_line") : Set.of("statement_line");
        };
    }

    /** Also the audit row's details: serialised by Jackson, hence registered for native reflection. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record LoadedItem(String side, String type, long id, long amount) {
    }

    record Loaded(List<LoadedItem> items, String currency, long left, long right) {
    }

    /**
     * Reads the items' amounts and currencies; refuses unknown, foreign (another account's transaction or line, another
     * company's receivable), already-claimed or mixed-currency items.
     */
    private Uni<Loaded> load(Mutiny.Session s, Account account, String kind, List<MatchingRequests.Item> items) {
        String ids = items.stream().map(i -> "('" + i.type() + "', " + i.id() + ")").collect(Collectors.joining(", "));
        String sql = """
                select cast(coalesce(json_agg(json_build_object('type', w.type, 'id', w.id, 'amount', x.amount, 'currency', x.currency,
                    'foreign', x.foreign_account, 'claimed', x.claimed) order by w.type, w.id), '[]') as text)
                from (values %1$s) as w(type, id)
                left join lateral (
                  select case when '%2$s' = 'record_statement' and t.direction = 'out' then -t.amount_minor else t.amount_minor end as amount,
                         t.currency, t.account_id <> %3$d as foreign_account,
                         exists (select 1 from match_items mi where mi.match_kind = '%2$s' and mi.item_type = 'transaction'
                                 and mi.item_id = t.id and mi.live) as claimed
                  from transactions t where w.type = 'transaction' and t.id = w.id
                  union all
                  select r.amount_minor - r.paid_minor, r.currency, r.company_id <> %4$d, r.status not in ('open', 'partially_paid')
                  from receivables r where w.type = 'receivable' and r.id = w.id
                  union all
                  select case when '%2$s' = 'settlement_bank' then abs(l.amount_minor) else l.amount_minor end, l.currency,
                         '%2$s' <> 'settlement_bank' and l.account_id <> %3$d,
                         exists (select 1 from match_items mi where mi.match_kind = '%2$s' and mi.item_type = 'statement_line'
                                 and mi.item_id = l.id and mi.live)
                  from statement_lines l where w.type = 'statement_line' and l.id = w.id
                ) x on true""".formatted(ids, kind, account.id, account.companyId);
        return MatchRulesRepository.text(s, sql).map(text -> {
            Map<String, JsonNode> found = new LinkedHashMap<>();
            try {
                for (JsonNode n : json.readTree(text)) {
                    found.put(n.get("type").asText() + ":" + n.get("id").asLong(), n);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            List<ProblemError> errors = new ArrayList<>();
            List<LoadedItem> loaded = new ArrayList<>();
            Set<String> currencies = new HashSet<>();
            long left = 0;
            long right = 0;
            for (int i = 0; i < items.size(); i++) {
                MatchingRequests.Item item = items.get(i);
                JsonNode n = found.get(item.type() + ":" + item.id());
                String field = "items[" + i + "]";
                if (n == null || n.get("amount").isNull()) {
                    errors.add(ProblemError.field(field, "no " + item.type() + " " + item.id()));
                    continue;
                }
                if (n.get("foreign").asBoolean()) {
                    errors.add(ProblemError.field(field, item.type() + " " + item.id() + (item.type().equals("receivable")
                            ? " belongs to another company than account " + account.code : " belongs to another account")));
                }
                if (n.get("claimed").asBoolean()) {
                    errors.add(ProblemError.field(field, item.type() + " " + item.id()
                            + (item.type().equals("receivable") ? " is not open" : " is already matched; unmatch it first")));
                }
                long amount = n.get("amount").asLong();
                if (item.amountMinor() != null) {
                    if (item.amountMinor() > amount) {
                        errors.add(ProblemError.field(field + ".amountMinor", "exceeds the " + amount + " still owed on receivable " + item.id()));
                    }
                    amount = item.amountMinor();
                }
                currencies.add(n.get("currency").asText());
                loaded.add(new LoadedItem(item.side(), item.type(), item.id(), amount));
                if (item.side().equals("left")) {
                    left += amount;
                } else {
                    right += amount;
                }
            }
            if (errors.isEmpty() && currencies.size() > 1) {
                errors.add(ProblemError.field("items", "mix currencies " + String.join(", ", currencies.stream().sorted().toList())
                        + "; a match is in one currency"));
            }
            Validation.refuseIfAny(ProblemType.UNPROCESSABLE, errors);
            return new Loaded(loaded, currencies.iterator().next(), left, right);
        });
    }
}
