package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.customers.Customer;
import io.walletrecon.customers.CustomerRepository;
import io.walletrecon.customers.PayerIdentity;
import io.walletrecon.customers.PayerIdentityService;
import io.walletrecon.data.Account;
import io.walletrecon.periods.PeriodLockGuard;
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

/**
 * A person claims an unidentified receipt (认领): the bank credit is the named customer's, optionally paying named
 * receivables. In one transaction: the match (rule {@code claim}, confirmed, by the person), the receivables paid by
 * their one rule, the exception resolved, and the payer's account and name learned as a payer identity of the
 * customer so that the next transfer from that account matches by itself; one audit row at the end. Anything wrong
 * with the request is refused before anything is written.
 */
@ApplicationScoped
public class ReceiptClaimService {

    private final ExceptionRepository exceptions;
    private final MatchReviewService review;
    private final AccountService accounts;
    private final CustomerRepository customers;
    private final PayerIdentityService identities;
    private final AuditLog audit;
    private final PeriodLockGuard periods;

    public ReceiptClaimService(ExceptionRepository exceptions, MatchReviewService review, AccountService accounts,
            CustomerRepository customers, PayerIdentityService identities, AuditLog audit, PeriodLockGuard periods) {
        this.periods = periods;
        this.exceptions = exceptions;
        this.review = review;
        this.accounts = accounts;
        this.customers = customers;
        this.identities = identities;
        this.audit = audit;
    }

    /** What a claim is about, read before anything is written. */
    private record Subject(MatchingViews.ExceptionView exception, ExceptionRepository.Payer payer, Account account,
            Customer customer) {
    }

    @WithTransaction
    public Uni<MatchingViews.ExceptionView> claim(long id, MatchingRequests.Claim request, String actor) {
        List<MatchingRequests.ClaimedReceivable> paid = request.receivables() == null
                ? List.of()
                : request.receivables();
        checkShape(paid);
        return Panache.getSession().chain(s -> subject(s, id, request.customerId())
                .call(subject -> checkReceivables(s, subject, paid))
                .chain(subject -> review.write(s, subject.account(), MatchRulesRepository.KIND_RECEIPT, "claim",
                        items(subject, paid), paid.stream().map(MatchingRequests.ClaimedReceivable::receivableId)
                                .toList(),
                        actor, request.reason(), evidence(id, subject.customer().id))
                        .call(() -> resolve(s, id, request.reason(), actor))
                        .chain(written -> identities.learnBankAccount(subject.customer(), subject.payer().account(),
                                subject.payer().name(), id)
                                .call(learned -> audit.record(actor, "exception.claimed", "recon_exception", id,
                                        request.reason(), details(subject, written, paid, learned)))))
                .chain(() -> exceptions.view(s, id)));
    }

    private static void checkShape(List<MatchingRequests.ClaimedReceivable> paid) {
        List<ProblemError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < paid.size(); i++) {
            MatchingRequests.ClaimedReceivable r = paid.get(i);
            if (r.amountMinor() <= 0) {
                errors.add(ProblemError.field("receivables[" + i + "].amountMinor", "must be positive"));
            }
            if (!seen.add(r.receivableId())) {
                errors.add(ProblemError.field("receivables[" + i + "]",
                        "receivable " + r.receivableId() + " is listed twice"));
            }
        }
        Validation.refuseIfAny(errors);
    }

    private Uni<Subject> subject(Mutiny.Session s, long id, long customerId) {
        return exceptions.view(s, id).chain(e -> {
            if (e == null) {
                throw ApiException.notFound("No exception " + id);
            }
            if (!e.type().equals("unidentified_receipt") || ExceptionStatus.of(e.status()).closed()) {
                throw ApiException.conflict("Exception " + id + " is " + e.status() + " " + e.type()
                        + "; only an open unidentified receipt can be claimed");
            }
            return exceptions.payer(s, id).chain(payer -> accounts.require(e.account())
                    .chain(account -> customers.findWithIdentities(customerId)
                            .map(customer -> {
                                checkCustomer(customer, customerId, account);
                                return new Subject(e, payer, account, customer);
                            })));
        });
    }

    private static void checkCustomer(Customer customer, long customerId, Account account) {
        if (customer == null) {
            throw ApiException.unprocessable("No customer " + customerId,
                    List.of(ProblemError.field("customerId", "no customer " + customerId)));
        }
        if (customer.companyId != account.companyId) {
            throw ApiException.unprocessable(
                    "Customer " + customerId + " belongs to another company than account " + account.code,
                    List.of(ProblemError.field("customerId", "is another company's customer")));
        }
    }

    /**
     * The receivables must be the claiming customer's and together take no more than the receipt; each amount within
     * what it still owes is checked with the match ({@link MatchReviewService#write}).
     */
    private Uni<Void> checkReceivables(Mutiny.Session s, Subject subject,
            List<MatchingRequests.ClaimedReceivable> paid) {
        List<Long> ids = paid.stream().map(MatchingRequests.ClaimedReceivable::receivableId).toList();
        return exceptions.receivableCustomers(s, ids).invoke(owners -> {
            List<ProblemError> errors = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < paid.size(); i++) {
                MatchingRequests.ClaimedReceivable r = paid.get(i);
                Long owner = owners.get(r.receivableId());
                if (owner == null) {
                    errors.add(ProblemError.field("receivables[" + i + "]", "no receivable " + r.receivableId()));
                } else if (owner != subject.customer().id) {
                    errors.add(ProblemError.field("receivables[" + i + "]", "receivable " + r.receivableId()
                            + " is not customer " + subject.customer().id + "'s"));
                }
                total += r.amountMinor();
            }
            if (total > subject.payer().amountMinor()) {
                errors.add(ProblemError.field("receivables", "take " + total + " but the receipt is "
                        + subject.payer().amountMinor()));
            }
            Validation.refuseIfAny(ProblemType.UNPROCESSABLE, errors);
        }).replaceWithVoid();
    }

    private static List<MatchingRequests.Item> items(Subject subject, List<MatchingRequests.ClaimedReceivable> paid) {
        List<MatchingRequests.Item> items = new ArrayList<>();
        items.add(new MatchingRequests.Item("left", "statement_line", subject.payer().lineId(), null));
        paid.forEach(r -> items.add(new MatchingRequests.Item("right", "receivable", r.receivableId(),
                r.amountMinor())));
        return items;
    }

    /** Only numbers go into it. */
    private static String evidence(long exceptionId, long customerId) {
        return "{\"rule\": \"claim\", \"confidence\": 1, \"field\": \"claim\", \"exception\": " + exceptionId
                + ", \"customer\": " + customerId + "}";
    }

    private Uni<Void> resolve(Mutiny.Session s, long id, String reason, String actor) {
        return periods.refuseException(s, id)
                .chain(() -> exceptions.move(s, id, ExceptionStatus.RESOLVED, reason, null, actor)).invoke(moved -> {
                    if (!moved) {
                        throw ApiException.conflict("Exception " + id + " was closed by someone else meanwhile");
                    }
                }).replaceWithVoid();
    }

    private static Map<String, Object> details(Subject subject, MatchReviewService.Written written,
            List<MatchingRequests.ClaimedReceivable> paid, PayerIdentity learned) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("match", written.id());
        d.put("customer", subject.customer().id);
        d.put("statementLine", subject.payer().lineId());
        d.put("receivables", paid.stream().map(r -> Map.of("receivableId", r.receivableId(), "amountMinor",
                r.amountMinor())).toList());
        d.put("payerIdentityLearned", learned == null ? "none" : learned.masked);
        return d;
    }
}
