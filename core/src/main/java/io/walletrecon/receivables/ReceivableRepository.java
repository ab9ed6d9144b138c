package io.walletrecon.receivables;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Receivables: entity access, and paying them. Paying is set-based for a matching run and one match at a time for a
 * person, through one statement ({@link #PAY}) and one status rule ({@link ReceivablePayment}), with the account's
 * {@link PaymentTolerance}.
 */
@ApplicationScoped
public class ReceivableRepository implements PanacheRepository<Receivable> {

    /** Receivables the customer still owes something on (open or partly paid), the earliest due first. */
    static final String OUTSTANDING_OF_CUSTOMER = "customerId = ?1 and status in (?2) order by dueDate, id";
    static final String OUTSTANDING = "id = ?1 and status in (?2)";

    /**
     * Where a payer stages what it pays, one row per receivable: {@code rid} the receivable, {@code applied} the minor
     * units it pays (negative to take a payment back). A matching run fills it with INSERT ... SELECT after
     * {@link #stagePayments}; {@link #payStaged} pays it and drops it.
     */
    public static final String STAGED_PAYMENTS = "receivable_payments_staged";
    private static final String STAGE = "create temp table " + STAGED_PAYMENTS
            + " (rid bigint not null, applied bigint not null) on commit drop";
    private static final String STAGE_LISTED = "insert into " + STAGED_PAYMENTS + " (rid, applied) "
            + "select cast(r as bigint), cast(a as bigint) from unnest(string_to_array(?1, ','), string_to_array(?2, ',')) as x(r, a)";
    private static final String ANALYZE_STAGED = "analyze " + STAGED_PAYMENTS;
    private static final String DROP_STAGED = "drop table " + STAGED_PAYMENTS;
    /**
     * Pays what is staged. The status is {@link ReceivablePayment#statusAfter} in SQL, over the new paid amount: ?1 the
     * tolerance's absolute minor units, ?2 its basis points, ?3..?5 the codes of open, paid and partially paid; ?6 the
     * statuses a payment may change (the state machine's guard).
     */
    static final String PAY = """
            update receivables r
            set paid_minor = r.paid_minor + a.applied,
                status = case when r.paid_minor + a.applied <= 0 then ?3
                              when r.paid_minor + a.applied >= r.amount_minor
                                   - greatest(cast(?1 as bigint), r.amount_minor * cast(?2 as bigint) / 10000) then ?4
                              else ?5 end,
                updated_at = now(), version = r.version + 1
            from receivable_payments_staged a
            where r.id = a.rid and r.status = any(string_to_array(?6, ','))""";

    /**
     * Waits for the {@link ReceivablesLock} keys of company ?2 in the currencies ?3 (comma-separated) and of the
     * receivables ?4 (comma-separated ids), in key order; ?1 is the lock class. The key is {@link ReceivablesLock#key}
     * in SQL (currency checked against ^[A-Z]{3}$ by the schema).
     */
    static final String LOCK = """
            select count(pg_advisory_xact_lock(?1, k)) from (
              select distinct cast(c.company_id * 32768 + (ascii(substr(c.currency, 1, 1)) - 65) * 676
                  + (ascii(substr(c.currency, 2, 1)) - 65) * 26 + ascii(substr(c.currency, 3, 1)) - 65 as int) as k
              from (select cast(?2 as bigint) as company_id, currency from unnest(string_to_array(?3, ',')) as currency
                    union all
                    select company_id, currency from receivables where id = any(cast(string_to_array(?4, ',') as bigint[]))) c
              order by k) keys""";

    public Uni<List<Receivable>> outstandingOfCustomer(long customerId) {
        return list(OUTSTANDING_OF_CUSTOMER, customerId, outstandingCodes());
    }

    /** The receivable when something is still owed on it. */
    public Uni<Optional<Receivable>> outstanding(long id) {
        return find(OUTSTANDING, id, outstandingCodes()).firstResult().map(Optional::ofNullable);
    }

    private static List<String> outstandingCodes() {
        return ReceivableStatus.outstanding().stream().map(ReceivableStatus::code).sorted().toList();
    }

    /** Creates the staging table of {@link #STAGED_PAYMENTS} in the caller's transaction. */
    public Uni<Void> stagePayments(Mutiny.Session s) {
        return s.createNativeQuery(STAGE).executeUpdate().replaceWithVoid();
    }

    /** Pays what the caller staged in {@link #STAGED_PAYMENTS}, with {@code tolerance}, and drops the staging table. */
    public Uni<Void> payStaged(Mutiny.Session s, PaymentTolerance tolerance) {
        return s.createNativeQuery(ANALYZE_STAGED).executeUpdate()
                .chain(() -> s.createNativeQuery(PAY).setParameter(1, tolerance.absoluteMinor())
                        .setParameter(2, (long) tolerance.bps())
                        .setParameter(3, ReceivableStatus.OPEN.code()).setParameter(4, ReceivableStatus.PAID.code())
                        .setParameter(5, ReceivableStatus.PARTIALLY_PAID.code()).setParameter(6, payableCodes())
                        .executeUpdate())
                .chain(() -> s.createNativeQuery(DROP_STAGED).executeUpdate()).replaceWithVoid();
    }

    /**
     * Pays (a positive amount) or takes back (a negative one) each listed receivable's amount, with {@code tolerance}.
     */
    public Uni<Void> pay(Mutiny.Session s, List<Applied> applied, PaymentTolerance tolerance) {
        if (applied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String ids = applied.stream().map(a -> Long.toString(a.receivableId())).collect(Collectors.joining(","));
        String amounts = applied.stream().map(a -> Long.toString(a.amountMinor())).collect(Collectors.joining(","));
        return stagePayments(s)
                .chain(() -> s.createNativeQuery(STAGE_LISTED).setParameter(1, ids).setParameter(2, amounts)
                        .executeUpdate())
                .chain(() -> payStaged(s, tolerance));
    }

    /**
     * Waits for the payment lock of the company's receivables in these currencies (a run, or a decision on a match).
     */
    public Uni<Void> lockForPayment(Mutiny.Session s, long companyId, Collection<String> currencies) {
        return lock(s, companyId, String.join(",", currencies), "");
    }

    /** Waits for the payment lock of these receivables' companies and currencies (a person's receipt match). */
    public Uni<Void> lockForPayment(Mutiny.Session s, Collection<Long> receivableIds) {
        return receivableIds.isEmpty()
                ? Uni.createFrom().voidItem()
                : lock(s, null, "", receivableIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static Uni<Void> lock(Mutiny.Session s, Long companyId, String currencies, String receivableIds) {
        return s.createNativeQuery(LOCK, Long.class).setParameter(1, ReceivablesLock.LOCK_CLASS)
                .setParameter(2, companyId)
                .setParameter(3, currencies).setParameter(4, receivableIds).getSingleResult().replaceWithVoid();
    }

    private static String payableCodes() {
        return ReceivableStateMachine.payable().stream().map(ReceivableStatus::code).sorted()
                .collect(Collectors.joining(","));
    }

    /** What one payment applies to one receivable, in its minor units; negative takes a payment back. */
    public record Applied(long receivableId, long amountMinor) {
    }
}
