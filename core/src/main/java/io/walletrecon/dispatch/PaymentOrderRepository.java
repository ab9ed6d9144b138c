package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PaymentOrderRepository implements PanacheRepository<PaymentOrder> {

    /** The order, locked for the rest of the transaction, or a 404 problem. */
    public Uni<PaymentOrder> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No payment with id " + id));
    }

    public Uni<PaymentOrder> findByProviderPaymentId(String providerPaymentId) {
        return find("providerPaymentId", providerPaymentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
