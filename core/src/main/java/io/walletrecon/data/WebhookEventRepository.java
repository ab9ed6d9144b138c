package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookEventRepository implements PanacheRepository<WebhookEvent> {
}
