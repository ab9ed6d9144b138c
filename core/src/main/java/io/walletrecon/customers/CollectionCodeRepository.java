package io.walletrecon.customers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Every statement over {@code collection_codes}, and the linking of an account's transactions to customers by code or
 * payer identity. Runs in the caller's session (and transaction, for the writes).
 */
@ApplicationScoped
public class CollectionCodeRepository {

    /** A collection code anywhere in a memo, for SQL {@code substring(... from pattern)}; upper-case the text first. */
    public static final String SQL_CODE_PATTERN = "(?:^|[^A-Z0-9])(WR[2-9A-HJ-NP-Z]{7})(?:[^A-Z0-9]|$)";

    private static final String INSERT = "insert into collection_codes (code, customer_id, receivable_id) values (?1, ?2, ?3) "
            + "on conflict (code) do nothing";
    private static final String OWNER = "select code, customer_id, receivable_id from collection_codes where code = ?1";
    private static final String LINK_BY_CODE = """
            update transactions t
               set customer_id = cc.customer_id, updated_at = now(), version = t.version + 1
              from (select id, substring(upper(coalesce(merchant_reference, '') || ' ' || coalesce(description, ''))
                                         from '""" + SQL_CODE_PATTERN
            + """
                    ') as code
                              from transactions
                             where account_id = ?1 and customer_id is null) m
                      join collection_codes cc on cc.code = m.code
                      join customers c on c.id = cc.customer_id and c.company_id = (select company_id from accounts where id = ?1)
                     where t.id = m.id""";
    private static final String LINK_BY_IDENTITY = """
            update transactions t
               set customer_id = p.customer_id, updated_at = now(), version = t.version + 1
              from payer_identities p
             where t.account_id = ?1 and t.customer_id is null
               and p.company_id = (select company_id from accounts where id = ?1)
               and p.kind = t.payer_kind and p.identity_key = t.payer_identity""";

    /** Inserts the code unless it is taken; true when it was free. */
    public Uni<Boolean> insertIfFree(String code, long customerId, Long receivableId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter(1, code).setParameter(2, customerId).setParameter(3, receivableId)
                .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<Optional<CollectionCodeService.CodeOwner>> owner(String code) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(OWNER, Object[].class).setParameter(1, code).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new CollectionCodeService.CodeOwner((String) r[0],
                        ((Number) r[1]).longValue(), r[2] == null ? null : ((Number) r[2]).longValue())));
    }

    /** Links the account's unlinked transactions whose merchant reference or description carries an issued code. */
    public Uni<Integer> linkByCode(long accountId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(LINK_BY_CODE).setParameter(1, accountId).executeUpdate());
    }

    /** Links the account's unlinked transactions whose payer is one of a customer's payer identities. */
    public Uni<Integer> linkByPayerIdentity(long accountId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(LINK_BY_IDENTITY).setParameter(1, accountId).executeUpdate());
    }
}
