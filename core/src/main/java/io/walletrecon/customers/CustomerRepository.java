package io.walletrecon.customers;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    /** The customer with its payer identities, in one query. */
    public Uni<Customer> findWithIdentities(long id) {
        return find("select distinct c from Customer c left join fetch c.identities where c.id = ?1", id).firstResult();
    }
}
