package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Stored webhook events: found by their delivery key (account, provider, provider event id) or id. */
@ApplicationScoped
public class WebhookEventRepository implements PanacheRepository<WebhookEvent> {

    private static final String BY_KEY = "accountId = ?1 and provider = ?2 and providerEventId = ?3";

    /** The stored event with this key, or null: a redelivery when found. */
    public Uni<WebhookEvent> findByKey(long accountId, Provider provider, String providerEventId) {
        return find(BY_KEY, accountId, provider, providerEventId).firstResult();
    }

    /** The event, locked until the transaction ends (a replay), or null. */
    public Uni<WebhookEvent> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
