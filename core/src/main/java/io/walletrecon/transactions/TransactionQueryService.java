package io.walletrecon.transactions;

import io.walletrecon.data.Paging;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.data.PageView;
import io.walletrecon.data.WalletTransactionRepository;
import io.walletrecon.transactions.TransactionStatus;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists canonical transactions of one account by business date and status. */
@ApplicationScoped
public class TransactionQueryService {

    /** The status filter's values: the codes of {@link TransactionStatus}, sorted. */
    static final List<String> STATUSES = Arrays.stream(TransactionStatus.values()).map(TransactionStatus::code).sorted()
            .toList();

    private final WalletTransactionRepository transactions;
    private final AccountService accounts;
    private final Paging paging;

    public TransactionQueryService(WalletTransactionRepository transactions, AccountService accounts, Paging paging) {
        this.paging = paging;
        this.transactions = transactions;
        this.accounts = accounts;
    }

    @WithSession
    public Uni<PageView<TransactionView>> list(String accountCode, LocalDate from, LocalDate to, String status,
            int page, Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        if (accountCode == null || accountCode.isBlank()) {
            errors.add(ProblemError.field("account", "is required"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(ProblemError.field("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        paging.check(page, size, errors);
        Validation.refuseIfAny(errors);
        TransactionStatus wanted = status == null ? null : TransactionStatus.fromCode(status);
        return accounts.require(accountCode).chain(account -> transactions
                .page(account.id, from, to, wanted, page, size)
                .map(found -> new PageView<>(
                        found.items().stream().map(t -> TransactionView.of(t, account.code)).toList(), page, size,
                        found.total())));
    }
}
