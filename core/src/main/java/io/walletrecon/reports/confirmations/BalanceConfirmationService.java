package io.walletrecon.reports.confirmations;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.data.Provider;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.confirmations.ConfirmationViews.ConfirmationView;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bank balance confirmations (银企余额对账): record the bank's balance on a period end, list and read them, fetch
 * their files, and reopen a reviewed one (which unlocks its period). Preparing and reviewing, which render files, are
 * {@link ConfirmationSignOffService}'s. Every change is audited in its transaction.
 */
@ApplicationScoped
public class BalanceConfirmationService {

    static final String ENTITY = "balance_confirmation";

    private final AccountService accounts;
    private final ConfirmationRepository repository;
    private final AuditLog audit;
    private final Paging paging;

    public BalanceConfirmationService(AccountService accounts, ConfirmationRepository repository, AuditLog audit,
            Paging paging) {
        this.accounts = accounts;
        this.repository = repository;
        this.audit = audit;
        this.paging = paging;
    }

    /** A draft confirmation of a bank account's balance on a period end, as the bank states it. */
    @WithTransaction
    public Uni<ConfirmationView> create(ConfirmationViews.Create body, String actor) {
        checkShape(body);
        return accounts.require(body.account()).chain(account -> Panache.getSession()
                .chain(s -> checkAccount(account, body)
                        .chain(balance -> repository.ofPeriod(s, account.id, body.periodEnd())
                                .invoke(existing -> existing.ifPresent(id -> {
                                    throw ApiException.conflict("Account '" + account.code + "' already has balance "
                                            + "confirmation " + id + " for " + body.periodEnd()
                                            + "; reopen that one to confirm the period again");
                                }))
                                .chain(() -> repository.insert(s, account.id, body.periodEnd(), account.currency,
                                        balance.minorUnits(), actor))
                                .call(id -> audit.record(actor, "balance-confirmation.created", ENTITY, id, null,
                                        Map.of("account", account.code, "periodEnd", body.periodEnd().toString(),
                                                "bankBalance", balance.toDecimalString(), "currency",
                                                account.currency)))
                                .chain(id -> repository.view(s, id)))));
    }

    private static void checkShape(ConfirmationViews.Create body) {
        List<ProblemError> errors = new ArrayList<>();
        if (body == null || body.account() == null || body.account().isBlank()) {
            errors.add(ProblemError.field("account", "is required"));
        }
        if (body == null || body.periodEnd() == null) {
            errors.add(ProblemError.field("periodEnd", "is required (yyyy-MM-dd): the business day the bank states "
                    + "its balance for"));
        }
        if (body == null || body.bankBalance() == null || body.bankBalance().isBlank()) {
            errors.add(
                    ProblemError.field("bankBalance", "is required: the balance the bank states, e.g. \"10734.56\""));
        }
        if (body == null || body.currency() == null || body.currency().isBlank()) {
            errors.add(ProblemError.field("currency", "is required: the currency of the bank's balance"));
        }
        Validation.refuseIfAny(errors);
    }

    /** A bank account in the balance's currency, and the balance in exact minor units. */
    private static Uni<Money> checkAccount(Account account, ConfirmationViews.Create body) {
        if (account.provider != Provider.BANK) {
            throw ApiException.unprocessable("Account '" + account.code + "' is a " + account.provider.code()
                    + " account; a balance confirmation is made for a bank account",
                    List.of(ProblemError.field("account", "is not a bank account")));
        }
        if (!account.currency.equals(body.currency())) {
            throw ApiException.unprocessable("Account '" + account.code + "' is kept in " + account.currency
                    + ", not " + body.currency(),
                    List.of(ProblemError.field("currency", "must be the account's currency " + account.currency)));
        }
        try {
            return Uni.createFrom().item(Money.parse(body.bankBalance(), account.currency));
        } catch (MoneyFormatException e) {
            throw new ApiException(ProblemType.VALIDATION, "bankBalance is not an amount in " + account.currency,
                    List.of(ProblemError.field("bankBalance", e.getMessage())));
        }
    }

    @WithSession
    public Uni<PageView<ConfirmationView>> list(String account, String state, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        if (state != null && ConfirmationState.ofOrNull(state) == null) {
            throw ApiException.invalid("state must be draft, prepared, reviewed or reopened",
                    List.of(ProblemError.field("state", "unknown state '" + state + "'")));
        }
        return Panache.getSession().chain(s -> repository.page(s, account, state, page, size)
                .chain(items -> repository.count(s, account, state)
                        .map(total -> new PageView<>(items, page, size, total))));
    }

    @WithSession
    public Uni<ConfirmationView> get(long id) {
        return Panache.getSession().chain(s -> view(s, id));
    }

    static Uni<ConfirmationView> view(ConfirmationRepository repository, Mutiny.Session s, long id) {
        return repository.view(s, id).map(v -> {
            if (v == null) {
                throw ApiException.notFound("No balance confirmation " + id);
            }
            return v;
        });
    }

    private Uni<ConfirmationView> view(Mutiny.Session s, long id) {
        return view(repository, s, id);
    }

    /** A stored file: {@code kind} confirmation (in {@code language}) or bank_reconciliation (in the one it has). */
    @WithSession
    public Uni<byte[]> document(long id, String kind, String language) {
        return Panache.getSession().chain(s -> view(s, id).chain(v -> repository.document(s, id, kind, language)
                .map(file -> file.orElseThrow(() -> missing(v, kind)))));
    }

    private static ApiException missing(ConfirmationView v, String kind) {
        return kind.equals(ConfirmationDocument.KIND)
                ? ApiException.conflict("Balance confirmation " + v.id() + " is " + v.state()
                        + "; its signed confirmation exists once another person has reviewed it")
                : ApiException.notFound("Balance confirmation " + v.id() + " carries no bank reconciliation "
                        + "statement: it is attached when the preparer declares the balances disagreeing");
    }

    /**
     * Reopens a reviewed confirmation, with a reason (required): its period is unlocked, and the confirmation can be
     * prepared and reviewed again.
     */
    @WithTransaction
    public Uni<ConfirmationView> reopen(long id, ConfirmationViews.Reopening body, String actor) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason is required to reopen a confirmed period",
                    List.of(ProblemError.field("reason", "is required: say why the confirmed period changes")));
        }
        return Panache.getSession().chain(s -> repository.find(s, id)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("No balance confirmation " + id)))
                .invoke(c -> {
                    if (!ConfirmationStateMachine.allows(c.state(), ConfirmationState.REOPENED)) {
                        throw ApiException.conflict("Balance confirmation " + id + " is " + c.state().code()
                                + "; only a reviewed confirmation is reopened");
                    }
                })
                .call(c -> repository.reopen(s, id, actor, reason.strip()).invoke(moved -> {
                    if (!moved) {
                        throw ApiException.conflict("Balance confirmation " + id + " was changed meanwhile; "
                                + "read it again");
                    }
                }))
                .call(c -> audit.record(actor, "balance-confirmation.reopened", ENTITY, id, reason.strip(),
                        transition(c, ConfirmationState.REOPENED)))
                .chain(() -> view(s, id)));
    }

    /** The audit details of a move: from, to, the account and the period it locks or unlocks. */
    static Map<String, Object> transition(ConfirmationRepository.Stored c, ConfirmationState to) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("from", c.state().code());
        d.put("to", to.code());
        d.put("account", c.account());
        d.put("periodEnd", c.periodEnd().toString());
        return d;
    }
}
