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

    /** The order of {@code accountId} sent through {@code channel} that the provider knows as {@code providerPaymentId}, locked. */
    public Uni<PaymentOrder> lockByProviderId(long accountId, DispatchChannel channel, String providerPaymentId) {
        return find("accountId = ?1 and channel = ?2 and providerPaymentId = ?3", accountId, channel.code(), providerPaymentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Order {@code id} if it belongs to {@code accountId} and {@code channel}, locked; else null. */
    public Uni<PaymentOrder> lockInAccount(long id, long accountId, DispatchChannel channel) {
        return find("id = ?1 and accountId = ?2 and channel = ?3", id, accountId, channel.code())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
