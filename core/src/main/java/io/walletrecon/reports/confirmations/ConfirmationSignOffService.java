package io.walletrecon.reports.confirmations;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.console.Language;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchRunRepository;
import io.walletrecon.money.Money;
import io.walletrecon.periods.PeriodLockRepository;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.reports.bankrec.BankReconciliationService;
import io.walletrecon.reports.bankrec.BankReconciliationView;
import io.walletrecon.reports.confirmations.ConfirmationViews.ConfirmationView;
import io.walletrecon.storage.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preparing and reviewing a bank balance confirmation: the two signatures. Both render files (blocking), so each
 * use case reads what it decides on, renders outside any transaction, then writes in one transaction whose update is
 * conditional on the state it read (and, for a review, on the reviewer not being the preparer), its audit row last.
 */
@ApplicationScoped
public class ConfirmationSignOffService {

    private final ConfirmationRepository repository;
    private final ConfirmationFiles files;
    private final BankReconciliationService bankrec;
    private final MatchRunRepository runs;
    private final PeriodLockRepository periodLocks;
    private final AuditLog audit;

    public ConfirmationSignOffService(ConfirmationRepository repository, ConfirmationFiles files,
            BankReconciliationService bankrec, MatchRunRepository runs, PeriodLockRepository periodLocks,
            AuditLog audit) {
        this.repository = repository;
        this.files = files;
        this.bankrec = bankrec;
        this.runs = runs;
        this.periodLocks = periodLocks;
        this.audit = audit;
    }

    /**
     * Blocking. The preparer declares the confirmation agreeing (相符: refused unless both adjusted balances of the
     * bank reconciliation statement on the period end equal the bank's balance) or disagreeing (不相符: with a note,
     * and the statement, rendered now in {@code language}, attached with its SHA-256). The statement's figures are
     * kept either way.
     */
    public ConfirmationView prepare(long id, ConfirmationViews.Preparation body, Language language, String actor) {
        ConfirmationResult result = result(body);
        String note = note(body.note(), result == ConfirmationResult.DISAGREES,
                "note is required when the balances disagree: say what the difference is");
        ConfirmationRepository.Stored c = find(id);
        if (!ConfirmationStateMachine.allows(c.state(), ConfirmationState.PREPARED)) {
            throw ApiException.conflict("Balance confirmation " + id + " is " + c.state().code()
                    + "; only a draft or reopened confirmation is prepared");
        }
        BankReconciliationView v = ReactiveBridge.await(() -> bankrec.statement(c.account(), c.periodEnd(), language));
        Figures f = Figures.of(v);
        if (result == ConfirmationResult.AGREES) {
            ConfirmationRules.refuseAgreeingUnlessBalanced(id, Money.ofMinor(c.bankBalanceMinor(), c.currency()), f);
        }
        byte[] attachment = result == ConfirmationResult.DISAGREES ? files.bankReconciliation(v, language) : null;
        String sha256 = attachment == null ? null : Sha256.hex(attachment);
        Map<String, Object> details = BalanceConfirmationService.transition(c, ConfirmationState.PREPARED);
        details.put("result", result.code());
        details.put("bankBalanceMinor", c.bankBalanceMinor());
        details.put("figures", f);
        if (sha256 != null) {
            details.put("bankReconciliationSha256", sha256);
        }
        return inTransaction(s -> repository.prepare(s, id, actor, result, note, f, files.json(v))
                .invoke(moved -> changedMeanwhile(id, moved))
                .call(() -> attachment == null
                        ? Uni.createFrom().voidItem()
                        : repository.insertDocument(s, id, ConfirmationDocument.ATTACHMENT, language.tag, attachment,
                                sha256))
                .call(() -> audit.record(actor, "balance-confirmation.prepared", BalanceConfirmationService.ENTITY, id,
                        note, details))
                .chain(() -> BalanceConfirmationService.view(repository, s, id)));
    }

    /**
     * Blocking. Another person than the preparer approves (the period locks; the signed confirmation is rendered in
     * every language and kept, its SHA-256s in the audit entry) or rejects it (with a note: back to draft).
     */
    public ConfirmationView review(long id, ConfirmationViews.Review body, String actor) {
        boolean approve = decision(body);
        String note = note(body.note(), !approve, "note is required to reject: say what the preparer should fix");
        ConfirmationRepository.Stored c = find(id);
        if (c.state() != ConfirmationState.PREPARED) {
            throw ApiException.conflict("Balance confirmation " + id + " is " + c.state().code()
                    + "; only a prepared confirmation is reviewed");
        }
        ConfirmationRules.refuseSelfReview(id, c.preparedBy(), actor);
        return approve ? approve(c, note, actor) : reject(c, note, actor);
    }

    private ConfirmationView reject(ConfirmationRepository.Stored c, String note, String actor) {
        Map<String, Object> details = BalanceConfirmationService.transition(c, ConfirmationState.DRAFT);
        details.put("decision", "reject");
        return inTransaction(s -> repository.reject(s, c.id(), actor, note)
                .invoke(moved -> changedMeanwhile(c.id(), moved))
                .call(() -> audit.record(actor, "balance-confirmation.rejected", BalanceConfirmationService.ENTITY,
                        c.id(), note, details))
                .chain(() -> BalanceConfirmationService.view(repository, s, c.id())));
    }

    private ConfirmationView approve(ConfirmationRepository.Stored c, String note, String actor) {
        ConfirmationView before = ReactiveBridge
                .await(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(s -> BalanceConfirmationService.view(repository, s, c.id()))));
        String attachment = before.documents().stream()
                .filter(d -> d.kind().equals(ConfirmationDocument.ATTACHMENT))
                .reduce((first, second) -> second).map(ConfirmationViews.DocumentView::sha256).orElse(null);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConfirmationDocument.SignOff signOff = new ConfirmationDocument.SignOff(c, before.figures(), attachment, actor,
                at, note);
        Map<Language, byte[]> signed = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Language language : Language.all()) {
            byte[] pdf = files.confirmation(signOff, language);
            signed.put(language, pdf);
            hashes.put(language.tag, Sha256.hex(pdf));
        }
        Map<String, Object> details = BalanceConfirmationService.transition(c, ConfirmationState.REVIEWED);
        details.put("decision", "approve");
        details.put("lockedThrough", c.periodEnd().toString());
        details.put("confirmationSha256", hashes);
        return inTransaction(s -> lockAccount(s, c)
                .chain(() -> repository.approve(s, c.id(), actor, at, note))
                .invoke(moved -> changedMeanwhile(c.id(), moved))
                .call(() -> store(s, c.id(), signed, hashes))
                .call(() -> audit.record(actor, "balance-confirmation.reviewed", BalanceConfirmationService.ENTITY,
                        c.id(), note, details))
                .chain(() -> BalanceConfirmationService.view(repository, s, c.id())));
    }

    /**
     * The account's matching lock (tried: a run in progress refuses the review) and its period lock (waited for: the
     * changes that have looked at the lock finish first), so the period locks between two changes, never under one.
     */
    private Uni<Void> lockAccount(Mutiny.Session s, ConfirmationRepository.Stored c) {
        return runs.tryLock(s, c.accountId()).chain(locked -> {
            if (!locked) {
                throw ApiException.conflict("A matching run of account '" + c.account() + "' is in progress; "
                        + "review the confirmation when it has finished");
            }
            return periodLocks.exclusive(s, c.accountId());
        });
    }

    private Uni<Void> store(Mutiny.Session s, long id, Map<Language, byte[]> signed, Map<String, String> hashes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Language, byte[]> e : signed.entrySet()) {
            chain = chain.call(() -> repository.insertDocument(s, id, ConfirmationDocument.KIND, e.getKey().tag,
                    e.getValue(), hashes.get(e.getKey().tag)));
        }
        return chain;
    }

    private ConfirmationRepository.Stored find(long id) {
        Optional<ConfirmationRepository.Stored> found = ReactiveBridge
                .await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> repository.find(s, id))));
        return found.orElseThrow(() -> ApiException.notFound("No balance confirmation " + id));
    }

    private static <T> T inTransaction(java.util.function.Function<Mutiny.Session, Uni<T>> work) {
        return ReactiveBridge.inTransaction(() -> Panache.getSession().chain(s -> work.apply(s)));
    }

    private static void changedMeanwhile(long id, boolean moved) {
        if (!moved) {
            throw ApiException.conflict("Balance confirmation " + id + " was changed meanwhile; read it again");
        }
    }

    private static ConfirmationResult result(ConfirmationViews.Preparation body) {
        return ConfirmationResult.of(body == null ? null : body.result())
                .orElseThrow(() -> ApiException.invalid("result must be agrees (相符) or disagrees (不相符)",
                        List.of(ProblemError.field("result", "must be agrees or disagrees"))));
    }

    private static boolean decision(ConfirmationViews.Review body) {
        String d = body == null ? null : body.decision();
        if (!"approve".equals(d) && !"reject".equals(d)) {
            throw ApiException.invalid("decision must be approve or reject",
                    List.of(ProblemError.field("decision", "must be approve or reject")));
        }
        return d.equals("approve");
    }

    private static String note(String note, boolean required, String message) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw ApiException.invalid(message, List.of(ProblemError.field("note", "is required")));
            }
            return null;
        }
        if (note.length() > 2000) {
            throw ApiException.invalid("note is longer than 2000 characters",
                    List.of(ProblemError.field("note", "is too long")));
        }
        return note.strip();
    }
}
