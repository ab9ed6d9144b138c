package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.money.Money;
import io.walletrecon.security.KeyService;
import io.walletrecon.storage.BankFileOutbox;
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
 * The bank file adapter (银企联 / host-to-host): approved supplier payments due for an execution date become
 * one pain.001.001.09 file per debtor account and date. The file content is stored with the orders becoming
 * SUBMITTED in one transaction; only then is it handed over ({@link BankFileOutbox}: a directory, or the documents bucket),
 * and a hand-over interrupted by a crash writes the same stored content again, so the bank never receives a
 * second file for the same payments.
 */
@ApplicationScoped
public class BankFileService {

    private static final Logger LOG = Logger.getLogger(BankFileService.class);

    private final Pool pool;
    private final KeyService keys;
    private final DispatchConfig config;
    private final BankFileOutbox outbox;

    public BankFileService(Pool pool, KeyService keys, DispatchConfig config, BankFileOutbox outbox) {
        this.pool = pool;
        this.keys = keys;
        this.config = config;
        this.outbox = outbox;
    }

    /** Claims due supplier payments (the same checks as every dispatch) and builds their files. */
    Uni<DispatchService.DispatchRun> buildDue(DispatchService dispatch) {
        int[] files = new int[1];
        return pool.withTransaction(conn -> dispatch.claimIn(conn, "bank_file", config.batchSize() * 5,
                        submitted -> build(conn, submitted).invoke(n -> files[0] = n).replaceWithVoid()))
                .map(claim -> new DispatchService.DispatchRun(claim.claimed(), claim.toSend().size(), claim.toSend().size(), 0, 0,
                        claim.held(), files[0]));
    }

    private Uni<Integer> build(SqlConnection conn, List<DispatchService.Claimed> submitted) {
        Map<String, List<DispatchService.Claimed>> groups = new LinkedHashMap<>();
        for (DispatchService.Claimed c : submitted) {
            groups.computeIfAbsent(c.row().getLong("account_id") + "|" + c.row().getLocalDate("execute_on"), k -> new ArrayList<>()).add(c);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (List<DispatchService.Claimed> group : groups.values()) {
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
            Long[] ids = group.stream().map(DispatchService.Claimed::paymentId).toArray(Long[]::new);
            chain = chain.chain(() -> conn.preparedQuery("""
                            insert into bank_files (account_id, execution_date, message_id, file_name, payment_count, control_sum, content)
                            values ($1, $2, $3, $4, $5, $6, $7) returning id""")
                    .execute(Tuple.tuple(List.of(first.getLong("account_id"), date, messageId, fileName, ids.length, sum.toDecimalString(), xml)))
                    .chain(rows -> {
                        long fileId = rows.iterator().next().getLong("id");
                        return conn.preparedQuery("update payment_orders set bank_file_id = $1, provider_payment_id = 'e2e-' || id, updated_at = now() where id = any($2)")
                                .execute(Tuple.of(fileId, ids))
                                .chain(() -> conn.preparedQuery("""
                                        insert into payment_attempts (payment_id, attempt_no, outcome, provider_payment_id, error, started_at)
                                        select id, 1, 'accepted', 'e2e-' || id, 'in bank file ' || $2, now() from unnest($1::bigint[]) id""")
                                        .execute(Tuple.of(ids, fileName)))
                                .chain(() -> conn.preparedQuery("update dispatch_jobs set status = 'done', lease_until = null, updated_at = now() where payment_id = any($1)")
                                        .execute(Tuple.of((Object) ids)))
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
        return new String(keys.decrypt(cipher.getBytes(), "beneficiaries.account:" + key), StandardCharsets.UTF_8);
    }

    /** Writes every stored file not yet handed over into the directory, then marks it handed over. */
    public Uni<Integer> handOver() {
        return pool.preparedQuery("select id, file_name, content from bank_files where handed_over_at is null order by id limit 100")
                .execute().chain(rows -> {
                    List<Long> done = new ArrayList<>();
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.createFrom().item(() -> {
                                for (Row r : list) {
                                    outbox.deliver(r.getString("file_name"), r.getString("content"));
                                    done.add(r.getLong("id"));
                                    LOG.infof("bank file %s handed over to %s", r.getString("file_name"), outbox.describe());
                                }
                                return done;
                            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .chain(ids -> pool.preparedQuery("update bank_files set handed_over_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWith(ids.size()));
                });
    }
}
