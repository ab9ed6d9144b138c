package io.walletrecon.statements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.Company;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.data.Provider;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finance user sees of imports: the imported statements with their lines' match states counted, one
 * statement's lines, and a bank account's fee and interest keywords (read and replaced, audited).
 */
@ApplicationScoped
public class StatementViewService {

    private final StatementViewRepository views;
    private final CompanyService companies;
    private final AccountService accounts;
    private final Paging paging;
    private final AuditLog audit;

    public StatementViewService(StatementViewRepository views, CompanyService companies, AccountService accounts,
            Paging paging, AuditLog audit) {
        this.views = views;
        this.companies = companies;
        this.accounts = accounts;
        this.paging = paging;
        this.audit = audit;
    }

    /** Statements of a company and/or account whose days meet from..to (each optional), latest first. */
    @WithSession
    public Uni<PageView<StatementViews.StatementView>> list(String company, String account, LocalDate from,
            LocalDate to, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        paging.check(page, size, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(ProblemError.field("to", "the last day " + to + " is before the first day " + from));
        }
        Validation.refuseIfAny(errors);
        String accountCode = account == null || account.isBlank() ? null : account.trim();
        return companies.filter(company, "company")
                .call(scope -> accountCode == null
                        ? Uni.createFrom().voidItem()
                        : accounts.require(accountCode).replaceWithVoid())
                .map(scope -> new StatementViewRepository.Filter(scope == null ? null : scope.id, accountCode, from,
                        to))
                .chain(f -> Panache.getSession().chain(s -> views.page(s, f, page, size)
                        .chain(items -> views.count(s, f).map(total -> new PageView<>(items, page, size, total)))));
    }

    /** The lines of statement {@code id}; 404 when there is none, or none of {@code company} when one is named. */
    @WithSession
    public Uni<PageView<StatementViews.LineView>> lines(long id, String company, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        paging.require(page, size);
        return companies.filter(company, "company").chain(scope -> Panache.getSession()
                .chain(s -> views.companyOf(s, id).invoke(owner -> requireVisible(id, owner, scope))
                        .chain(() -> views.lines(s, id, page, size))
                        .chain(items -> views.lineCount(s, id)
                                .map(total -> new PageView<>(items, page, size, total)))));
    }

    private static void requireVisible(long id, Long owner, Company scope) {
        if (owner == null || (scope != null && !scope.id.equals(owner))) {
            throw ApiException.notFound(
                    "No statement " + id + (owner != null ? " of company '" + scope.code + "'" : ""));
        }
    }

    /** The keywords that classify a bank account's lines as fees or interest (its own, or the built-in ones). */
    @WithSession
    public Uni<StatementViews.KeywordsView> keywords(String accountCode) {
        return accounts.require(accountCode).chain(this::keywords);
    }

    private Uni<StatementViews.KeywordsView> keywords(Account account) {
        return Panache.getSession().chain(s -> views.keywords(s, account.id)).map(k -> k == null
                ? new StatementViews.KeywordsView(account.code, LineKinds.DEFAULT_FEE_KEYWORDS,
                        LineKinds.DEFAULT_INTEREST_KEYWORDS, true, null, null)
                : new StatementViews.KeywordsView(account.code, k.feeKeywords(), k.interestKeywords(), false,
                        k.updatedBy(), k.updatedAt()));
    }

    /**
     * Replaces a bank account's keywords (validated by {@link LineKinds#problems}); audited with the lists before
     * and after. Lines already imported keep their kind: the keywords apply to the next imports.
     */
    @WithTransaction
    public Uni<StatementViews.KeywordsView> putKeywords(String accountCode, List<String> fee, List<String> interest,
            String actor) {
        Validation.refuseIfAny(LineKinds.problems(fee, interest));
        List<String> feeWords = LineKinds.normalised(fee);
        List<String> interestWords = LineKinds.normalised(interest);
        return accounts.require(accountCode).invoke(StatementViewService::requireBank)
                .chain(account -> keywords(account).chain(before -> Panache.getSession()
                        .chain(s -> views.putKeywords(s, account.id, feeWords, interestWords, actor))
                        .chain(() -> keywords(account))
                        .call(after -> audit.record(actor, "statement.keywords.updated", "account", account.code,
                                null, change(before, after)))));
    }

    private static void requireBank(Account account) {
        if (account.provider != Provider.BANK) {
            throw ApiException.unprocessable("Account '" + account.code + "' is a " + account.provider.code()
                    + " account; keywords classify the lines of bank accounts only",
                    List.of(ProblemError.field("account", "is not a bank account")));
        }
    }

    private static Map<String, Object> change(StatementViews.KeywordsView before, StatementViews.KeywordsView after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", after.account());
        m.put("feeKeywordsBefore", before.feeKeywords());
        m.put("interestKeywordsBefore", before.interestKeywords());
        m.put("feeKeywords", after.feeKeywords());
        m.put("interestKeywords", after.interestKeywords());
        return m;
    }
}
