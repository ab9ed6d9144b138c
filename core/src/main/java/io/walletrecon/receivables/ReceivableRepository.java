package io.walletrecon.receivables;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReceivableRepository implements PanacheRepository<Receivable> {

    /** Receivables the customer still owes something on (open or partly paid), the earliest due first. */
    static final String OUTSTANDING_OF_CUSTOMER = "customerId = ?1 and status in ('open', 'partially_paid') order by dueDate, id";
    static final String OUTSTANDING = "id = ?1 and status in ('open', 'partially_paid')";

    public Uni<List<Receivable>> outstandingOfCustomer(long customerId) {
        return list(OUTSTANDING_OF_CUSTOMER, customerId);
    }

    /** The receivable when something is still owed on it. */
    public Uni<Optional<Receivable>> outstanding(long id) {
        return find(OUTSTANDING, id).firstResult().map(Optional::ofNullable);
    }
}
