package io.walletrecon.periods;

import io.smallrye.mutiny.Uni;
import io.walletrecon.reports.confirmations.ConfirmationState;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every statement that reads an account's locked period ({@code balance_confirmations} in state reviewed) and the
 * dates of what a change is about; {@code ?n} binds, in the caller's session and transaction.
 *
 * <p>An account's period lock (advisory, class {@link #LOCK_CLASS}, object the account) orders readers and writers of
 * the lock: a change that asks whether its days are locked holds it shared until its transaction ends, and the review
 * that locks a period takes it exclusively, so a lock never comes into force under a change that has already looked.
 */
@ApplicationScoped
public class PeriodLockRepository {

    /** Advisory lock class of period locks ("perl"); the object id is the account id. */
    public static final int LOCK_CLASS = 0x7065726c;

    static final String SHARE = "select cast(pg_advisory_xact_lock_shared(?1, cast(?2 as int)) as text)";
    static final String EXCLUSIVE = "select cast(pg_advisory_xact_lock(?1, cast(?2 as int)) as text)";

    /** ?1 account, ?2 the locking state: the latest period end among its reviewed confirmations. */
    static final String LOCK = """
            select c.id, a.code, c.period_end from balance_confirmations c join accounts a on a.id = c.account_id
            where c.account_id = ?1 and c.state = ?2 order by c.period_end desc limit 1""";
    static final String LOCKING_STATE = ConfirmationState.REVIEWED.code();

    /** ?1 match: its account and the earliest day of its dated items (lines, journal entries, transactions). */
    static final String MATCH_DAY = """
            select m.account_id, cast(min(coalesce(l.value_date, e.entry_date, t.value_date)) as text)
            from matches m join match_items mi on mi.match_id = m.id
            left join statement_lines l on mi.item_type = 'statement_line' and l.id = mi.item_id
            left join ledger_entries e on mi.item_type = 'ledger_entry' and e.id = mi.item_id
            left join transactions t on mi.item_type = 'transaction' and t.id = mi.item_id
            where m.id = ?1 group by m.account_id""";

    /** ?1 bank lines, ?2 journal entries, ?3 transactions (JSON arrays of ids): the earliest day among them. */
    static final String ITEMS_DAY = """
            select cast(min(d) as text) from (
              select l.value_date as d from statement_lines l
              where l.id in (select cast(x as bigint)
                             from jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) x)
              union all
              select e.entry_date from ledger_entries e
              where e.id in (select cast(x as bigint)
                             from jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)) x)
              union all
              select t.value_date from transactions t
              where t.id in (select cast(x as bigint)
                             from jsonb_array_elements_text(cast(cast(?3 as text) as jsonb)) x)) days""";

    /** ?1 exception: its account and business date. */
    static final String EXCEPTION_DAY = "select account_id, cast(business_date as text) from recon_exceptions where id = ?1";

    /** The account and the day a match or an exception is about. */
    public record Dated(long accountId, LocalDate day) {
    }

    /** Holds the account's period lock shared until the transaction ends. */
    public Uni<Void> share(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(SHARE, String.class).setParameter(1, LOCK_CLASS).setParameter(2, accountId)
                .getSingleResult().replaceWithVoid();
    }

    /** Holds the account's period lock exclusively until the transaction ends (waits for the changes that look). */
    public Uni<Void> exclusive(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(EXCLUSIVE, String.class).setParameter(1, LOCK_CLASS).setParameter(2, accountId)
                .getSingleResult().replaceWithVoid();
    }

    /** The account's locked period, if any. */
    public Uni<Optional<PeriodLock>> lock(Mutiny.Session s, long accountId) {
        return s.createNativeQuery(LOCK, Object[].class).setParameter(1, accountId).setParameter(2, LOCKING_STATE)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new PeriodLock(((Number) r[0]).longValue(),
                        (String) r[1], date(r[2]))));
    }

    public Uni<Optional<Dated>> matchDay(Mutiny.Session s, long matchId) {
        return s.createNativeQuery(MATCH_DAY, Object[].class).setParameter(1, matchId).getResultList()
                .map(rows -> rows.stream().findFirst()
                        .map(r -> new Dated(((Number) r[0]).longValue(), parse((String) r[1]))));
    }

    public Uni<LocalDate> itemsDay(Mutiny.Session s, List<Long> lines, List<Long> entries, List<Long> transactions) {
        return s.createNativeQuery(ITEMS_DAY, String.class).setParameter(1, json(lines))
                .setParameter(2, json(entries)).setParameter(3, json(transactions)).getResultList()
                .map(rows -> rows.isEmpty() ? null : parse(rows.get(0)));
    }

    public Uni<Optional<Dated>> exceptionDay(Mutiny.Session s, long exceptionId) {
        return s.createNativeQuery(EXCEPTION_DAY, Object[].class).setParameter(1, exceptionId).getResultList()
                .map(rows -> rows.stream().findFirst()
                        .map(r -> new Dated(((Number) r[0]).longValue(), parse((String) r[1]))));
    }

    /** Only numbers go into it. */
    private static String json(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static LocalDate parse(String day) {
        return day == null ? null : LocalDate.parse(day);
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
