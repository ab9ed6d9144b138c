package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.security.KeyService;
import io.walletrecon.storage.BankFileOutbox;
import io.walletrecon.storage.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank file adapter (银企联 / host-to-host): approved supplier payments due for an execution date become one
 * pain.001.001.09 file per debtor account and date. The file content and its SHA-256 are stored with the orders
 * becoming SUBMITTED in one transaction. Then one dispatcher at a time hands each file over ({@link BankFileState}):
 * it claims the file with SKIP LOCKED, publishes it to the {@link BankFileOutbox} (a directory, or the documents bucket) without ever replacing a file there
 * ({@link HandOverRule}), and records the hand-over; a retry after a crash finds the file and records it instead of
 * writing it twice.
 */
@ApplicationScoped
public class BankFileService {

    private static final Logger LOG = Logger.getLogger(BankFileService.class);

    static final String INSERT_FILE = """
            insert into bank_files (account_id, execution_date, message_id, file_name, payment_count, control_sum, content, sha256)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning id""";

    static final String MARK_ORDERS = "update payment_orders set bank_file_id = $1, provider_payment_id = 'e2e-' || id, updated_at = now() where id = any($2)";

    static final String INSERT_ATTEMPTS = """
            insert into payment_attempts (payment_id, attempt_no, outcome, provider_payment_id, error, started_at)
            select id, 1, 'accepted', 'e2e-' || id, 'in bank file ' || $2, now() from unnest($1::bigint[]) id""";

    static final String JOBS_DONE = "update dispatch_jobs set status = 'done', lease_until = null, updated_at = now() where payment_id = any($1)";

    /** Files to hand over: built ones, and hand-overs that stayed unfinished longer than {@code $2} ms (their dispatcher died). */
    static final String CLAIM_FILES = """
            update bank_files f set state = 'handing_over', hand_over_started_at = now(), handed_over_by = $1
            from (select id, state from bank_files
                  where state = 'built' or (state = 'handing_over' and hand_over_started_at < now() - $2 * interval '1 millisecond')
                  order by id limit $3 for update skip locked) c
            where f.id = c.id
            returning f.id, f.file_name, f.content, f.sha256, c.state = 'handing_over' as resumed""";

    static final String FINISH_FILE = """
            update bank_files set state = $2, handed_over_at = case when $2 = 'handed_over' then now() else handed_over_at end
            where id = $1 and state = 'handing_over' and handed_over_by = $3""";

    static final String UNCERTAIN_ALERT = "insert into alerts (kind, bank_file_id, message) values ('BANK_FILE_UNCERTAIN', $1, $2)";

    static final int HAND_OVER_BATCH = 100;

    private final Pool pool;
    private final KeyService keys;
    private final DispatchConfig config;
    private final AuditLog audit;
    private final BankFileOutbox outbox;

    public BankFileService(Pool pool, KeyService keys, DispatchConfig config, AuditLog audit, BankFileOutbox outbox) {
        this.pool = pool;
        this.keys = keys;
        this.config = config;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Builds the files of claimed supplier payments in the claim's transaction; returns how many files. */
    Uni<Integer> build(SqlConnection conn, List<DispatchClaims.Claimed> submitted) {
        Map<String, List<DispatchClaims.Claimed>> groups = new LinkedHashMap<>();
        for (DispatchClaims.Claimed c : submitted) {
            groups.computeIfAbsent(c.row().getLong("account_id") + "|" + c.row().getLocalDate("execute_on"), k -> new ArrayList<>()).add(c);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (List<DispatchClaims.Claimed> group : groups.values()) {
            Row first = group.get(0).row();
            LocalDate date = first.getLocalDate("execute_on");
            String messageId = "WR-" + group.get(0).paymentId() + "-" + group.size();
            List<Pain001Writer.Transfer> transfers = group.stream().map(c -> new Pain001Writer.Transfer(c.paymentId(),
                    Money.ofMinor(c.row().getLong("amount_minor"), c.row().getString("currency")), c.row().getString("ben_name"),
                    accountNumber(c.row()), c.row().getString("bank_code"), c.row().getString("reference"))).toList();
            String xml = Pain001Writer.write(messageId, now, date,
                    new Pain001Writer.Debtor(first.getString("account_name"), first.getString("account_code"), config.bankFile().debtorAgentBic()),
                    transfers);
            String fileName = "pain001-" + first.getString("account_code") + "-" + date + "-" + messageId + ".xml";
            Money sum = transfers.stream().map(Pain001Writer.Transfer::amount).reduce(Money::plus).orElseThrow();
            Long[] ids = group.stream().map(DispatchClaims.Claimed::paymentId).toArray(Long[]::new);
            chain = chain.chain(() -> conn.preparedQuery(INSERT_FILE)
                    .execute(Tuple.tuple(List.of(first.getLong("account_id"), date, messageId, fileName, ids.length, sum.toDecimalString(), xml,
                            sha256(xml.getBytes(StandardCharsets.UTF_8)))))
                    .chain(rows -> {
                        long fileId = rows.iterator().next().getLong("id");
                        return conn.preparedQuery(MARK_ORDERS).execute(Tuple.of(fileId, ids))
                                .chain(() -> conn.preparedQuery(INSERT_ATTEMPTS).execute(Tuple.of(ids, fileName)))
                                .chain(() -> conn.preparedQuery(JOBS_DONE).execute(Tuple.of((Object) ids)))
                                .replaceWithVoid();
                    }));
        }
        return chain.replaceWith(groups.size());
    }

    private String accountNumber(Row row) {
        var cipher = row.getBuffer("account_ciphertext");
        if (cipher == null) {
            throw new IllegalStateException("beneficiary of payment " + row.getLong("payment_id") + " has no bank account");
        }
        String key = row.getString("beneficiary_key");
        return new String(keys.decrypt(cipher.getBytes(), PaymentService.BENEFICIARY_ACCOUNT_CONTEXT + key), StandardCharsets.UTF_8);
    }

    /** Hands over every file due for it, each by one dispatcher only; returns how many were handed over now. */
    public Uni<Integer> handOver(String worker) {
        return pool.preparedQuery(CLAIM_FILES).execute(Tuple.of(worker, config.lease().toMillis(), HAND_OVER_BATCH))
                .chain(rows -> Multi.createFrom().iterable(DispatchRepository.rows(rows))
                        .onItem().transformToUniAndConcatenate(r -> handOverOne(r, worker))
                        .collect().asList())
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> handOverOne(Row r, String worker) {
        long id = r.getLong("id");
        String name = r.getString("file_name");
        return Uni.createFrom().item(() -> publish(name, r.getBoolean("resumed"), r.getString("content"), r.getString("sha256")))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(action -> {
                    boolean delivered = action != HandOverRule.Action.UNCERTAIN;
                    BankFileState to = delivered ? BankFileState.HANDED_OVER : BankFileState.UNCERTAIN;
                    BankFileStateMachine.require(id, BankFileState.HANDING_OVER, to);
                    Uni<Void> mark = pool.withTransaction(conn -> conn.preparedQuery(FINISH_FILE).execute(Tuple.of(id, to.code(), worker))
                            .chain(() -> delivered ? Uni.createFrom().voidItem()
                                    : conn.preparedQuery(UNCERTAIN_ALERT).execute(Tuple.of(id, uncertainMessage(id, name))).replaceWithVoid()));
                    return mark.chain(() -> delivered ? cleanQuietly(name) : Uni.createFrom().voidItem())
                            .invoke(() -> LOG.infof("bank file %s: %s (%s) at %s", name, to.code(), action, outbox.describe()))
                            .replaceWith(action == HandOverRule.Action.WRITE);
                });
    }

    private static String uncertainMessage(long id, String name) {
        return "Bank file " + id + " (" + name + "): a hand-over was interrupted and the file is not in the outbox; the bank's connector may"
                + " already have taken it. Ask the bank whether it received it, then settle it: delivered, or deliver again";
    }

    /** Publishes the file unless {@link HandOverRule} says otherwise, from what the outbox shows. */
    private HandOverRule.Action publish(String name, boolean resumed, String content, String sha256) {
        BankFileOutbox.Seen seen = outbox.look(name);
        HandOverRule.Action action = HandOverRule.decide(resumed, seen.publishedSha256(), seen.temporaryCopy(), sha256);
        if (action != HandOverRule.Action.WRITE || outbox.publish(name, content, sha256)) {
            return action;
        }
        return HandOverRule.decide(true, outbox.look(name).publishedSha256(), true, sha256);
    }

    private Uni<Void> cleanQuietly(String name) {
        return Uni.createFrom().item(() -> {
            try {
                outbox.clean(name);
            } catch (RuntimeException e) {
                LOG.warnf("could not remove the temporary copy of %s: %s", name, e.getMessage());
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    /** A bank file as the API shows it. */
    @RegisterForReflection
    public record BankFileView(long id, String account, String fileName, String messageId, String state, String sha256, int paymentCount,
                               String controlSum, LocalDate executionDate, OffsetDateTime handedOverAt) {
    }

    static final String VIEW = """
            select f.id || '|' || a.code || '|' || f.file_name || '|' || f.message_id || '|' || f.state || '|' || f.sha256 || '|' || f.payment_count
                   || '|' || f.control_sum || '|' || f.execution_date || '|' || coalesce(to_char(f.handed_over_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '')
            from bank_files f join accounts a on a.id = f.account_id where f.id = ?1""";

    @WithSession
    public Uni<BankFileView> get(long id) {
        return view(id);
    }

    private Uni<BankFileView> view(long id) {
        return SessionSql.first(VIEW, String.class, id).map(row -> {
            if (row == null) {
                throw ApiException.notFound("No bank file with id " + id);
            }
            String[] f = row.split("\\|", -1);
            return new BankFileView(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], Integer.parseInt(f[6]), f[7], LocalDate.parse(f[8]),
                    f[9].isEmpty() ? null : OffsetDateTime.parse(f[9]));
        });
    }

    /**
     * A person who asked the bank settles an uncertain hand-over: the bank has the file (handed over), or it has not
     * (built again: the next dispatch delivers the same stored file, same MsgId, over any temporary copy). Audited.
     */
    @WithTransaction
    public Uni<BankFileView> resolve(long id, boolean delivered, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment is required: say what the bank confirmed",
                    List.of(ProblemError.field("comment", "is required")));
        }
        BankFileState to = delivered ? BankFileState.HANDED_OVER : BankFileState.BUILT;
        return SessionSql.first("select state from bank_files where id = ?1 for update", String.class, id).chain(state -> {
            if (state == null) {
                throw ApiException.notFound("No bank file with id " + id);
            }
            BankFileStateMachine.require(id, BankFileState.of(state), to);
            return SessionSql.update("update bank_files set state = ?2, handed_over_at = case when ?2 = 'handed_over' then now() end,"
                            + " hand_over_started_at = null, handed_over_by = null where id = ?1", id, to.code())
                    .chain(() -> audit.record(actor, delivered ? "bank-file.confirmed-delivered" : "bank-file.redeliver", "bank_file", id, comment,
                            Map.of("from", state, "to", to.code())));
        }).chain(() -> view(id));
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
