package io.walletrecon.customers;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    private static final String WITH_IDENTITIES = "select distinct c from Customer c left join fetch c.identities where c.id = ?1";
    private static final String PAGE_WITH_IDENTITIES = "select distinct c from Customer c left join fetch c.identities "
            + "where c.id in ?1 order by c.id";
    private static final String ALL = "1 = 1";
    private static final String OF_COMPANY = "companyId = :company";
    private static final String MATCHING = "lower(name) like :q or externalId = :exact or collectionCode = :code";
    private static final String OF_COMPANY_MATCHING = OF_COMPANY + " and (" + MATCHING + ")";
    private static final String RECEIVABLES = "select count(*) from receivables where customer_id = ?1";
    private static final String IDENTITY_TAKEN = "select count(p) from PayerIdentity p "
            + "where p.companyId = ?1 and p.kind = ?2 and p.identityKey = ?3";
    private static final String NAMES_OF_COMPANY = "select c.id, c.name from Customer c where c.companyId = ?1 order by c.id";

    /** One page of customers with their identities, and how many there are in all. */
    public record Found(List<Customer> items, long total) {
    }

    /** The customer with its payer identities, in one query. */
    public Uni<Customer> findWithIdentities(long id) {
        return find(WITH_IDENTITIES, id).firstResult();
    }

    /** {@link #findWithIdentities}, or a 404 naming the customer. */
    public Uni<Customer> require(long id) {
        return findWithIdentities(id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No customer with id " + id));
    }

    /**
     * A page of customers in id order, of one company when {@code companyId} is given, whose name contains
     * {@code query} (any case) or whose externalId or collection code is {@code query}; their identities loaded in one
     * more query (no query per customer).
     */
    public Uni<Found> page(Long companyId, String query, int page, int size) {
        boolean matching = query != null && !query.isBlank();
        Parameters params = new Parameters();
        if (companyId != null) {
            params.and("company", companyId);
        }
        if (matching) {
            params.and("q", "%" + query.toLowerCase().trim() + "%").and("exact", query.trim()).and("code",
                    query.trim().toUpperCase());
        }
        String where = companyId != null ? (matching ? OF_COMPANY_MATCHING : OF_COMPANY) : (matching ? MATCHING : ALL);
        var found = find(where, Sort.by("id"), params);
        return found.page(Page.of(page, size)).list()
                .chain(items -> items.isEmpty()
                        ? Uni.createFrom().item(List.<Customer>of())
                        : find(PAGE_WITH_IDENTITIES, items.stream().map(c -> c.id).toList()).list())
                .chain(items -> found.count().map(total -> new Found(items, total)));
    }

    /** Whether the company already knows a payer by this identity (of any of its customers). */
    public Uni<Boolean> identityTaken(long companyId, String kind, String identityKey) {
        return getSession().chain(s -> s.createQuery(IDENTITY_TAKEN, Long.class).setParameter(1, companyId)
                .setParameter(2, kind).setParameter(3, identityKey).getSingleResult()).map(n -> n > 0);
    }

    /** Every customer of the company as (id, name), in id order: what a payer's name is compared with. */
    public Uni<List<Object[]>> namesOfCompany(long companyId) {
        return getSession().chain(s -> s.createQuery(NAMES_OF_COMPANY, Object[].class).setParameter(1, companyId)
                .getResultList());
    }

    /** How many receivables the customer has, of any status. */
    public Uni<Long> receivablesOf(long customerId) {
        return getSession()
                .chain(s -> s.createNativeQuery(RECEIVABLES, Long.class).setParameter(1, customerId).getSingleResult());
    }
}
