package io.walletrecon.receivables;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReceivableRepository implements PanacheRepository<Receivable> {
}
