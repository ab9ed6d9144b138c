package io.walletrecon.reports.bankrec;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Optional;

/** The SQL of the bank reconciliation statement that no other feature owns, binds only. */
@ApplicationScoped
public class BankReconciliationRepository {

    /**
     * $1 account, $2 currency: the first day of the account's statements. The bank's opening balance on that day
     * stands for everything before it, so the reconciling items start there.
     */
    static final String FIRST_STATEMENT_DAY = """
            select min(s.period_start) from statements s where s.account_id = $1 and s.currency = $2""";

    private final Pool pool;

    public BankReconciliationRepository(Pool pool) {
        this.pool = pool;
    }

    /** The first day of the account's statements in the currency, if it has any with a period. */
    public Uni<Optional<LocalDate>> firstStatementDay(long accountId, String currency) {
        return pool.preparedQuery(FIRST_STATEMENT_DAY).execute(Tuple.of(accountId, currency))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
    }
}
