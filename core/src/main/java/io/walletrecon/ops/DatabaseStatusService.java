package io.walletrecon.ops;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the counts of {@link DatabaseStatus} in one round of queries. */
@ApplicationScoped
public class DatabaseStatusService {

    private final DatabaseStatusRepository repository;

    public DatabaseStatusService(DatabaseStatusRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<DatabaseStatus> status() {
        return repository.status();
    }
}
