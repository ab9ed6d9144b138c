package io.walletrecon.periods;

import io.smallrye.mutiny.Uni;
import io.walletrecon.matching.MatchingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where every change of a match or an exception asks whether its days are locked ({@link PeriodLocks}), in the
 * change's own transaction: it holds the account's period lock shared until commit, so that a review cannot lock the
 * period under it. Refuses with 409, naming the confirmation that locks.
 */
@ApplicationScoped
public class PeriodLockGuard {

    private final PeriodLockRepository repository;

    public PeriodLockGuard(PeriodLockRepository repository) {
        this.repository = repository;
    }

    /** The account's locked period, holding the period lock shared until the transaction ends. */
    public Uni<Optional<PeriodLock>> lockOf(Mutiny.Session s, long accountId) {
        return repository.share(s, accountId).chain(() -> repository.lock(s, accountId));
    }

    /** Refuses a new match of {@code items} on the account when one of its dated items is in the locked period. */
    public Uni<Void> refuseItems(Mutiny.Session s, long accountId, List<MatchingRequests.Item> items) {
        return lockOf(s, accountId).chain(lock -> lock.isEmpty()
                ? Uni.createFrom().voidItem()
                : repository.itemsDay(s, ids(items, "statement_line"), ids(items, "ledger_entry"),
                        ids(items, "transaction"))
                        .invoke(day -> PeriodLocks.refuseIfLocked(lock, day, "a match of items"))
                        .replaceWithVoid());
    }

    /** Refuses a decision on match {@code matchId} when one of its dated items is in the locked period. */
    public Uni<Void> refuseMatch(Mutiny.Session s, long matchId) {
        return repository.matchDay(s, matchId).chain(dated -> dated.isEmpty()
                ? Uni.createFrom().voidItem()
                : refuse(s, dated.get(), "match " + matchId));
    }

    /** Refuses a change of the status of exception {@code exceptionId} when its business date is locked. */
    public Uni<Void> refuseException(Mutiny.Session s, long exceptionId) {
        return repository.exceptionDay(s, exceptionId).chain(dated -> dated.isEmpty()
                ? Uni.createFrom().voidItem()
                : refuse(s, dated.get(), "exception " + exceptionId));
    }

    /** The first day a run of the account may touch (null: none is locked); see {@link PeriodLocks#firstOpenDay}. */
    public Uni<LocalDate> firstOpenDay(Mutiny.Session s, long accountId) {
        return lockOf(s, accountId).map(PeriodLocks::firstOpenDay);
    }

    private Uni<Void> refuse(Mutiny.Session s, PeriodLockRepository.Dated dated, String what) {
        return lockOf(s, dated.accountId()).invoke(lock -> PeriodLocks.refuseIfLocked(lock, dated.day(), what))
                .replaceWithVoid();
    }

    private static List<Long> ids(List<MatchingRequests.Item> items, String type) {
        return items.stream().filter(i -> i.type().equals(type)).map(MatchingRequests.Item::id).toList();
    }
}
