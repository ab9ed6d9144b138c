package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WalletTransactionRepository implements PanacheRepository<WalletTransaction> {

    public Uni<WalletTransaction> findByProviderTxnId(long accountId, String providerTxnId) {
        return find("accountId = ?1 and providerTxnId = ?2", accountId, providerTxnId).firstResult();
    }
}
