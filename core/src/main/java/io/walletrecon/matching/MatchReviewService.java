package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.money.Money;
import io.walletrecon.periods.PeriodLockGuard;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import io.walletrecon.receivables.ReceivableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people do with matches: list them, confirm or reject a suggestion, match by hand, unmatch. Each action
 * takes the account's matching lock (refused with 409 while a run holds it) and, when it pays or un-pays receivables,
 * waits for their company's and currency's receivables lock; it is refused (409) when a dated item of the match is
 * in a locked period ({@link io.walletrecon.periods.PeriodLocks}); it is audited in its transaction, and is
 * final for the runs: a rejected or unmatched pair is never proposed again, and a manual match keeps its items.
 */
@ApplicationScoped
public class MatchReviewService {

    static final Set<String> KINDS = Set.of(MatchRulesRepository.KIND_RECEIPT, MatchRulesRepository.KIND_RECORD,
            MatchRulesRepository.KIND_SETTLEMENT, LedgerRules.KIND_LEDGER, DebitRules.KIND);

    private final AccountService accounts;
    private final MatchRepository matches;
    private final MatchRunRepository runs;
    private final ReceivableRepository receivables;
    private final MatchingConfigService configs;
    private final AuditLog audit;
    private final Paging paging;
    private final PeriodLockGuard periods;

    public MatchReviewService(AccountService accounts, MatchRepository matches, MatchRunRepository runs,
            ReceivableRepository receivables,
            MatchingConfigService configs, AuditLog audit, Paging paging, PeriodLockGuard periods) {
        this.periods = periods;
        this.accounts = accounts;
        this.matches = matches;
        this.runs = runs;
        this.receivables = receivables;
        this.configs = configs;
        this.audit = audit;
        this.paging = paging;
    }

    @WithSession
    public Uni<PageView<MatchingViews.MatchView>> list(String account, String kind, String status, String rule,
            Long runId,
            Long transactionId, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        MatchRepository.Filter f = new MatchRepository.Filter(account, kind, status, rule, runId, transactionId);
        return Panache.getSession().chain(s -> matches.page(s, f, page, size)
                .chain(items -> matches.count(s, f).map(total -> new PageView<>(items, page, size, total))));
    }

    @WithSession
    public Uni<MatchingViews.MatchView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id));
    }

    private Uni<MatchingViews.MatchView> view(Mutiny.Session s, long id) {
        return matches.view(s, id).map(view -> {
            if (view == null) {
                throw ApiException.notFound("No match " + id);
            }
            return view;
        });
    }

    /** A match made by a person: any cardinality, confirmed, rule {@code manual}, with the reason. */
    @WithTransaction
    public Uni<MatchingViews.MatchView> manual(MatchingRequests.ManualMatch request, String actor) {
        String kind = request.kind();
        checkManual(request);
        List<Long> named = request.items().stream().filter(i -> i.type().equals("receivable"))
                .map(MatchingRequests.Item::id).toList();
        return accounts.require(request.account()).chain(account -> Panache.getSession().chain(s -> write(s, account,
                kind, "manual", request.items(), named, actor, request.reason(), null)
                .call(w -> audit.record(actor, "match.created", "match", w.id(), request.reason(),
                        Map.of("account", account.code, "kind", kind, "items", w.loaded().items, "leftTotalMinor",
                                w.loaded().left, "rightTotalMinor", w.loaded().right)))
                .chain(w -> view(s, w.id()))));
    }

    /** A person's match as written: its id and its items with their amounts. */
    record Written(long id, Loaded loaded) {
    }

    /**
     * Writes a person's confirmed match of {@code kind} under {@code rule} in the caller's transaction: the account's
     * matching lock (409 while a run holds it), the locked period (409 when an item is dated in it), the receivables'
     * lock, the items checked ({@link #load}), the match,
     * and for a receipt the receivables it pays. The caller audits.
     */
    Uni<Written> write(Mutiny.Session s, Account account, String kind, String rule, List<MatchingRequests.Item> items,
            List<Long> receivableIds, String actor, String reason, String evidence) {
        return lock(s, account)
                .chain(() -> periods.refuseItems(s, account.id, items))
                .chain(() -> receivables.lockForPayment(s, receivableIds))
                .chain(() -> load(s, account, kind, items))
                .chain(loaded -> matches
                        .insertManual(s, account.id, kind, rule, loaded.currency, loaded.left, loaded.right, actor,
                                reason, evidence,
                                loaded.items.stream()
                                        .map(i -> new MatchRepository.ManualItem(i.side, i.type, i.id, i.amount))
                                        .toList())
                        .call(id -> kind.equals(MatchRulesRepository.KIND_RECEIPT)
                                ? pay(s, account, id, 1)
                                : Uni.createFrom().voidItem())
                        .map(id -> new Written(id, loaded)));
    }

    private static void checkManual(MatchingRequests.ManualMatch request) {
        String kind = request.kind();
        List<ProblemError> errors = new ArrayList<>();
        if (!KINDS.contains(kind)) {
            errors.add(ProblemError.field("kind",
                    "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            MatchingRequests.Item item = request.items().get(i);
            String field = "items[" + i + "]";
            if (!item.side().equals("left") && !item.side().equals("right")) {
                errors.add(ProblemError.field(field + ".side", "must be left or right"));
            } else if (KINDS.contains(kind) && !allowed(kind, item.side()).contains(item.type())) {
                errors.add(ProblemError.field(field + ".type",
                        "a " + kind + " match takes " + String.join(" or ", allowed(kind, item.side()))
                                + " on the " + item.side() + " side"));
            }
            if (!seen.add(item.type() + ":" + item.id())) {
                errors.add(ProblemError.field(field, item.type() + " " + item.id() + " is listed twice"));
            }
            if (item.amountMinor() != null && (!item.type().equals("receivable") || item.amountMinor() <= 0)) {
                errors.add(ProblemError.field(field + ".amountMinor",
                        "only a receivable takes an amount (the part of it this match pays), and it must be positive"));
            }
        }
        if (request.items().stream().noneMatch(i -> i.side().equals("left"))
                || request.items().stream().noneMatch(i -> i.side().equals("right"))) {
            errors.add(ProblemError.field("items", "need at least one item on each side"));
        }
        Validation.refuseIfAny(errors);
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> confirm(long id, String reason, String actor) {
        return decide(id, MatchStatus.CONFIRMED, reason, actor);
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> reject(long id, String reason, String actor) {
        return decide(id, MatchStatus.REJECTED, reason, actor);
    }

    @WithTransaction
    public Uni<MatchingViews.MatchView> unmatch(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason is required to unmatch",
                    List.of(ProblemError.field("reason", "is required")));
        }
        return decide(id, MatchStatus.UNMATCHED, reason, actor);
    }

    private Uni<MatchingViews.MatchView> decide(long id, MatchStatus to, String reason, String actor) {
        MatchStatus from = MatchStateMachine.from(to);
        return Panache.getSession().chain(s -> view(s, id).chain(before -> {
            if (!MatchStateMachine.allows(MatchStatus.of(before.status()), to)) {
                throw ApiException.conflict("Match " + id + " is " + before.status() + "; only a " + from.code()
                        + " match can be " + to.code());
            }
            boolean receipt = before.kind().equals(MatchRulesRepository.KIND_RECEIPT);
            return accounts.require(before.account()).call(account -> lock(s, account))
                    .call(() -> periods.refuseMatch(s, id))
                    .call(account -> receipt
                            ? receivables.lockForPayment(s, account.companyId, List.of(before.currency()))
                            : Uni.createFrom().voidItem())
                    .call(account -> matches.decide(s, id, to, actor, reason).invoke(moved -> {
                        if (!moved) {
                            throw ApiException.conflict(
                                    "Match " + id + " was decided by someone else meanwhile; only a " + from.code()
                                            + " match can be " + to.code());
                        }
                    }))
                    // A confirmed receipt match pays its receivables; undoing it gives the amounts back.
                    .call(account -> !receipt
                            ? Uni.createFrom().voidItem()
                            : to == MatchStatus.CONFIRMED
                                    ? pay(s, account, id, 1)
                                    : from == MatchStatus.CONFIRMED
                                            ? pay(s, account, id, -1)
                                            : Uni.createFrom().voidItem())
                    .call(() -> audit.record(actor, "match." + to.code(), "match", id, reason,
                            Map.of("from", from.code(), "to", to.code())))
                    .chain(() -> view(s, id));
        }));
    }

    /**
     * Adds (sign 1) or takes back (sign -1) the receivable amounts of match {@code id}, the status decided by the
     * receivables' one rule with the account's tolerance, as a run would.
     */
    private Uni<Void> pay(Mutiny.Session s, Account account, long id, int sign) {
        return configs.load(account).chain(config -> matches.receivablePayments(s, id, sign)
                .chain(applied -> applied.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : receivables.pay(s, applied, config.tolerance())));
    }

    private Uni<Void> lock(Mutiny.Session s, Account account) {
        return runs.tryLock(s, account.id).map(locked -> {
            if (!locked) {
                throw ApiException.conflict("A matching run of account '" + account.code
                        + "' is in progress; try again when it has finished");
            }
            return null;
        });
    }

    private static Set<String> allowed(String kind, String side) {
        return switch (kind) {
            case MatchRulesRepository.KIND_RECEIPT -> side.equals("left")
                    ? Set.of("transaction", "statement_line")
                    : Set.of("receivable");
            case MatchRulesRepository.KIND_RECORD -> Set.of(side.equals("left") ? "transaction" : "statement_line");
            case LedgerRules.KIND_LEDGER -> Set.of(side.equals("left") ? "ledger_entry" : "statement_line");
            case DebitRules.KIND -> Set.of(side.equals("left") ? "statement_line" : "payment_order");
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
        return matches.find(s, kind, account.id, account.companyId, items).map(rows -> {
            Map<String, MatchRepository.Found> found = new LinkedHashMap<>();
            rows.forEach(n -> found.put(n.type() + ":" + n.id(), n));
            List<ProblemError> errors = new ArrayList<>();
            List<LoadedItem> loaded = new ArrayList<>();
            Set<String> currencies = new HashSet<>();
            long left = 0;
            long right = 0;
            for (int i = 0; i < items.size(); i++) {
                MatchingRequests.Item item = items.get(i);
                MatchRepository.Found n = found.get(item.type() + ":" + item.id());
                String field = "items[" + i + "]";
                if (n == null || n.amount() == null) {
                    errors.add(ProblemError.field(field, "no " + item.type() + " " + item.id()));
                    continue;
                }
                if (n.foreign()) {
                    errors.add(ProblemError.field(field,
                            item.type() + " " + item.id() + (item.type().equals("receivable")
                                    ? " belongs to another company than account " + account.code
                                    : " belongs to another account")));
                }
                if (n.claimed()) {
                    errors.add(ProblemError.field(field, item.type() + " " + item.id() + switch (item.type()) {
                        case "receivable" -> " is not open";
                        case "payment_order" -> " is not a submitted order waiting for its debit, or is already "
                                + "matched to one";
                        default -> " is already matched; unmatch it first";
                    }));
                }
                if (kind.equals(DebitRules.KIND) && item.type().equals("statement_line") && n.amount() <= 0) {
                    errors.add(ProblemError.field(field, "statement_line " + item.id() + " is not a debit"));
                }
                long amount = n.amount();
                if (item.amountMinor() != null) {
                    if (item.amountMinor() > amount) {
                        errors.add(ProblemError.field(field + ".amountMinor",
                                "exceeds the " + amount + " still owed on receivable " + item.id()));
                    }
                    amount = item.amountMinor();
                }
                currencies.add(n.currency());
                loaded.add(new LoadedItem(item.side(), item.type(), item.id(), amount));
                if (item.side().equals("left")) {
                    left += amount;
                } else {
                    right += amount;
                }
            }
            if (errors.isEmpty() && currencies.size() > 1) {
                errors.add(ProblemError.field("items",
                        "mix currencies " + String.join(", ", currencies.stream().sorted().toList())
                                + "; a match is in one currency"));
            }
            if (errors.isEmpty() && kind.equals(DebitRules.KIND)) {
                if (loaded.size() != 2) {
                    errors.add(ProblemError.field("items", "a debit is matched to its order one to one: one "
                            + "statement_line (left) and one payment_order (right)"));
                } else if (left != right) {
                    String currency = currencies.iterator().next();
                    errors.add(ProblemError.field("items", "the debit of " + Money.ofMinor(left, currency)
                            + " and the order of " + Money.ofMinor(right, currency) + " differ; a debit of another "
                            + "amount does not complete the order (it is a debit_amount_mismatch)"));
                }
            }
            Validation.refuseIfAny(ProblemType.UNPROCESSABLE, errors);
            return new Loaded(loaded, currencies.iterator().next(), left, right);
        });
    }
}
