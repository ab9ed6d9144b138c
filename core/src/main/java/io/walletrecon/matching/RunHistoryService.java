package io.walletrecon.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The history of matching runs: who asked for which run, how far it got and what it found; read-only. */
@ApplicationScoped
public class RunHistoryService {

    private final MatchRunRepository runs;
    private final CompanyService companies;
    private final AccountService accounts;
    private final Paging paging;

    public RunHistoryService(MatchRunRepository runs, CompanyService companies, AccountService accounts,
            Paging paging) {
        this.runs = runs;
        this.companies = companies;
        this.accounts = accounts;
        this.paging = paging;
    }

    /**
     * Runs of a company and/or account, of one state and/or kind (each optional), the latest requested first. An
     * unknown state or kind is refused (400) naming the ones there are; an unknown account is 404.
     */
    @WithSession
    public Uni<PageView<MatchingViews.RunView>> list(String company, String account, String state, String kind,
            int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        paging.check(page, size, errors);
        String stateCode = blankToNull(state);
        String kindCode = blankToNull(kind);
        if (stateCode != null && !stateCodes().contains(stateCode)) {
            errors.add(ProblemError.field("state", "must be one of " + String.join(", ", stateCodes())));
        }
        if (kindCode != null && !kindCodes().contains(kindCode)) {
            errors.add(ProblemError.field("kind", "must be one of " + String.join(", ", kindCodes())));
        }
        Validation.refuseIfAny(errors);
        String accountCode = blankToNull(account);
        return companies.filter(company, "company")
                .call(scope -> accountCode == null
                        ? Uni.createFrom().voidItem()
                        : accounts.require(accountCode).replaceWithVoid())
                .map(scope -> new MatchRunRepository.HistoryFilter(scope == null ? null : scope.id, accountCode,
                        stateCode, kindCode))
                .chain(f -> Panache.getSession().chain(s -> runs.history(s, f, page, size)
                        .chain(items -> runs.historyCount(s, f).map(total -> new PageView<>(items, page, size,
                                total)))));
    }

    /** Every run state, in the order a run lives them. */
    public static List<String> stateCodes() {
        return Arrays.stream(RunState.values()).map(RunState::code).toList();
    }

    /** Every run kind. */
    public static List<String> kindCodes() {
        return Arrays.stream(RunKind.values()).map(RunKind::code).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
