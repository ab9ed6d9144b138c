package io.walletrecon.transactions;

import io.walletrecon.data.Paging;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.data.PageView;
import io.walletrecon.data.WalletTransactionRepository;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lists canonical transactions of one account by business date and status. */
@ApplicationScoped
public class TransactionQueryService {

    static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed", "refunded", "partially_refunded");

    private final WalletTransactionRepository transactions;
    private final AccountService accounts;
    private final Paging paging;

    public TransactionQueryService(WalletTransactionRepository transactions, AccountService accounts, Paging paging) {
        this.paging = paging;
        this.transactions = transactions;
        this.accounts = accounts;
    }

    @WithSession
    public Uni<PageView<TransactionView>> list(String accountCode, LocalDate from, LocalDate to, String status, int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        if (accountCode == null || accountCode.isBlank()) {
            errors.add(ProblemError.field("account", "is required"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(ProblemError.field("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList())));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        paging.check(page, size, errors);
        Validation.refuseIfAny(errors);
        return accounts.require(accountCode).chain(account -> {
            StringBuilder query = new StringBuilder("accountId = :account");
            Parameters params = Parameters.with("account", account.id);
            if (from != null) {
                query.append(" and valueDate >= :from");
                params.and("from", from);
            }
            if (to != null) {
                query.append(" and valueDate <= :to");
                params.and("to", to);
            }
            if (status != null) {
                query.append(" and status = :status");
                params.and("status", status);
            }
            var found = transactions.find(query.toString(), Sort.by("occurredAt").and("id"), params);
            return found.page(Page.of(page, size)).list().chain(items -> found.count().map(total ->
                    new PageView<>(items.stream().map(t -> TransactionView.of(t, account.code)).toList(), page, size, total)));
        });
    }
}
