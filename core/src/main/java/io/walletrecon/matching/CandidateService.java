package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.customers.PayerIdentities;
import io.walletrecon.data.Account;
import io.walletrecon.problem.ApiException;
import io.walletrecon.receivables.PaymentTolerance;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The match workbench's use case: an exception's item and, when it is a receipt (a wallet payment or a bank credit),
 * the receivables of its company it may pay, each with the evidence of the runs' rules ({@link CandidateRules}) under
 * the account's matching settings. Reads only; a person then matches by hand ({@link MatchReviewService#manual}) or
 * claims ({@link ReceiptClaimService}).
 */
@ApplicationScoped
public class CandidateService {

    private final ExceptionRepository exceptions;
    private final CandidateRepository candidates;
    private final AccountService accounts;
    private final MatchingConfigService configs;
    private final KeyService keys;

    public CandidateService(ExceptionRepository exceptions, CandidateRepository candidates, AccountService accounts,
            MatchingConfigService configs, KeyService keys) {
        this.exceptions = exceptions;
        this.candidates = candidates;
        this.accounts = accounts;
        this.configs = configs;
        this.keys = keys;
    }

    @WithSession
    public Uni<CandidateViews.ExceptionCandidates> candidates(long id) {
        return Panache.getSession().chain(s -> exceptions.view(s, id).chain(e -> {
            if (e == null) {
                throw ApiException.notFound("No exception " + id);
            }
            return accounts.require(e.account()).chain(account -> configs.load(account)
                    .chain(config -> item(s, e, account).chain(item -> receipt(item)
                            ? receivables(s, account, item, config)
                                    .map(found -> new CandidateViews.ExceptionCandidates(id, account.code,
                                            item.view(), found, List.of()))
                            : Uni.createFrom().item(new CandidateViews.ExceptionCandidates(id, account.code,
                                    item == null ? null : item.view(), List.of(), List.of())))))
                    .chain(found -> found.item() == null
                            ? Uni.createFrom().item(found)
                            : candidates.liveMatches(s, found.item().type(), found.item().id())
                                    .map(live -> new CandidateViews.ExceptionCandidates(found.exception(),
                                            found.account(), found.item(), found.candidates(), live)));
        }));
    }

    /** The item with what the rules read of it. */
    private record Subject(CandidateViews.Item view, CandidateRules.Receipt receipt) {
    }

    private static boolean receipt(Subject item) {
        return item != null && item.receipt() != null;
    }

    /** The exception's receipt (a credit), else its receivable, else nothing the workbench can show. */
    private Uni<Subject> item(Mutiny.Session s, MatchingViews.ExceptionView e, Account account) {
        if (e.transactionId() != null) {
            return candidates.transaction(s, e.transactionId(), account.companyId).map(t -> t == null
                    ? null
                    : subject("transaction", t, walletTexts(t), t.customerId(), false));
        }
        if (e.statementLineId() != null) {
            return candidates.line(s, e.statementLineId()).chain(l -> l == null
                    ? Uni.createFrom().nullItem()
                    : bankPayer(s, account, l.payerAccount())
                            .map(customer -> subject("statement_line", l, CandidateRules.bankTexts(
                                    l.creditorReference(), l.remittanceInfo(), l.endToEndId(), l.bankReference()),
                                    customer, true)));
        }
        if (e.receivableId() != null) {
            return candidates.receivable(s, e.receivableId()).map(r -> r == null
                    ? null
                    : new Subject(new CandidateViews.Item("receivable", r.id(), r.amountMinor(), r.currency(),
                            r.valueDate(), receivableTexts(r), null, null, r.customerId()), null));
        }
        return Uni.createFrom().nullItem();
    }

    private static Subject subject(String type, CandidateRepository.ReceiptRow r, Map<String, String> texts,
            Long customer, boolean bank) {
        CandidateViews.Item view = new CandidateViews.Item(type, r.id(), r.amountMinor(), r.currency(),
                r.valueDate(), texts, r.payerName(), r.payerAccount(), customer);
        // Only a credit is a receipt: a debit's candidates are payment orders, not receivables.
        return new Subject(view, r.amountMinor() <= 0
                ? null
                : new CandidateRules.Receipt(bank, r.amountMinor(), r.valueDate(), texts, r.code(), customer));
    }

    private Uni<Long> bankPayer(Mutiny.Session s, Account account, String payerAccount) {
        return payerAccount == null || payerAccount.isBlank()
                ? Uni.createFrom().nullItem()
                : candidates.bankPayer(s, account.companyId, PayerIdentities.bankAccountKey(keys, payerAccount));
    }

    private Uni<List<CandidateViews.Candidate>> receivables(Mutiny.Session s, Account account, Subject item,
            MatchingConfig config) {
        CandidateRules.Receipt r = item.receipt();
        PaymentTolerance tolerance = config.tolerance();
        long tol = tolerance.allowance(r.amountMinor());
        int window = config.dateWindowDays();
        CandidateRepository.Search search = new CandidateRepository.Search(account.companyId, item.view().currency(),
                r.bank() ? keys(r) : List.of(), r.bank() ? null : r.texts().get("merchant_reference"),
                r.bank() ? null : r.code(), r.customerId(), r.amountMinor() - tol, r.amountMinor() + tol,
                r.valueDate().minusDays(window), r.valueDate().plusDays(window));
        return candidates.receivables(s, search).map(rows -> rows.stream()
                .map(row -> candidate(row, CandidateRules.judge(r, rule(row), tolerance, window), r.amountMinor()))
                .sorted(Comparator.comparing((CandidateViews.Candidate c) -> c.evidence().confidence()).reversed()
                        .thenComparing(CandidateViews.Candidate::dueDate)
                        .thenComparingLong(CandidateViews.Candidate::id))
                .toList());
    }

    private static List<String> keys(CandidateRules.Receipt r) {
        Set<String> found = new java.util.LinkedHashSet<>();
        r.texts().values().forEach(text -> RemittanceReferences.candidates(text).forEach(c -> found.add(c.key())));
        return new ArrayList<>(found);
    }

    private static CandidateRules.Receivable rule(CandidateRepository.ReceivableRow row) {
        return new CandidateRules.Receivable(row.id(), row.reference(), row.collectionCode(), row.customerId(),
                row.amountMinor(), row.paidMinor(), row.dueDate(), row.status());
    }

    private static CandidateViews.Candidate candidate(CandidateRepository.ReceivableRow row,
            CandidateRules.Evidence evidence, long receiptMinor) {
        long suggested = Math.max(0, Math.min(receiptMinor, row.amountMinor() - row.paidMinor()));
        return new CandidateViews.Candidate("receivable", row.id(), row.reference(), row.collectionCode(),
                row.customerId(), row.customerName(), row.amountMinor(), row.paidMinor(), row.currency(),
                row.dueDate(), row.status(), suggested, evidence);
    }

    private static Map<String, String> walletTexts(CandidateRepository.ReceiptRow t) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (t.merchantReference() != null) {
            texts.put("merchant_reference", t.merchantReference());
        }
        if (t.description() != null) {
            texts.put("description", t.description());
        }
        return texts;
    }

    private static Map<String, String> receivableTexts(CandidateRepository.ReceiptRow r) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("reference", r.reference());
        if (r.collectionCode() != null) {
            texts.put("collection_code", r.collectionCode());
        }
        return texts;
    }
}
