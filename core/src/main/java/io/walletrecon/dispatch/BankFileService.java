package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
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
 * it claims the file with SKIP LOCKED, publishes it to the {@link BankFileOutbox} (a directory, or the documents
 * bucket) without ever replacing a file there
 * ({@link HandOverRule}), and records the hand-over; a retry after a crash finds the file and records it instead of
 * writing it twice.
 */
@ApplicationScoped
public class BankFileService {

    private static final Logger LOG = Logger.getLogger(BankFileService.class);

    static final int HAND_OVER_BATCH = 100;

    private final BankFileRepository files;
    private final Beneficiaries beneficiaries;
    private final DispatchConfig config;
    private final AuditLog audit;
    private final BankFileOutbox outbox;

    public BankFileService(BankFileRepository files, Beneficiaries beneficiaries, DispatchConfig config, AuditLog audit,
            BankFileOutbox outbox) {
        this.files = files;
        this.beneficiaries = beneficiaries;
        this.config = config;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Builds the files of claimed supplier payments in the claim's transaction; returns how many files. */
    Uni<Integer> build(DispatchRepository.Tx tx, List<DispatchClaims.Claimed> submitted) {
        Map<String, List<DispatchClaims.Claimed>> groups = new LinkedHashMap<>();
        for (DispatchClaims.Claimed c : submitted) {
            groups.computeIfAbsent(c.row().getLong("account_id") + "|" + c.row().getLocalDate("execute_on"),
                    k -> new ArrayList<>()).add(c);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (List<DispatchClaims.Claimed> group : groups.values()) {
            Row first = group.get(0).row();
            LocalDate date = first.getLocalDate("execute_on");
            String messageId = "WR-" + group.get(0).paymentId() + "-" + group.size();
            List<Pain001Writer.Transfer> transfers = group.stream()
                    .map(c -> new Pain001Writer.Transfer(EndToEndId.of(c.paymentId()),
                            Money.ofMinor(c.row().getLong("amount_minor"), c.row().getString("currency")),
                            creditorName(c.row()), accountNumber(c.row()), c.row().getString("bank_code"),
                            c.row().getString("reference")))
                    .toList();
            String xml = Pain001Writer.write(messageId, now, date,
                    new Pain001Writer.Debtor(first.getString("account_name"), debtorAccount(first),
                            config.bankFile().debtorAgentBic()),
                    transfers);
            String fileName = "pain001-" + first.getString("account_code") + "-" + date + "-" + messageId + ".xml";
            Money sum = transfers.stream().map(Pain001Writer.Transfer::amount).reduce(Money::plus).orElseThrow();
            Long[] ids = group.stream().map(DispatchClaims.Claimed::paymentId).toArray(Long[]::new);
            String[] endToEndIds = transfers.stream().map(Pain001Writer.Transfer::endToEndId).toArray(String[]::new);
            BankFileRepository.NewFile file = new BankFileRepository.NewFile(first.getLong("account_id"), date,
                    messageId, fileName, ids.length,
                    sum.toDecimalString(), xml, sha256(xml.getBytes(StandardCharsets.UTF_8)));
            chain = chain.chain(() -> files.store(tx, file, ids, endToEndIds).replaceWithVoid());
        }
        return chain.replaceWith(groups.size());
    }

    /**
     * The paying account as its bank knows it: its IBAN or account number. An account created without one falls back
     * to its code, which a bank refuses: bank accounts that send supplier payments need {@code accountNumber}.
     */
    private static String debtorAccount(Row account) {
        String number = account.getString("account_number");
        return number != null ? number : account.getString("account_code");
    }

    /** The name the creditor's account is held in (户名) where the order gives one, else the beneficiary's name. */
    private String creditorName(Row row) {
        var sealed = row.getBuffer("beneficiary_account_name");
        return sealed == null
                ? row.getString("ben_name")
                : beneficiaries.accountName(sealed.getBytes(), row.getString("beneficiary_key"));
    }

    private String accountNumber(Row row) {
        var cipher = row.getBuffer("account_ciphertext");
        if (cipher == null) {
            throw new IllegalStateException(
                    "beneficiary of payment " + row.getLong("payment_id") + " has no bank account");
        }
        String key = row.getString("beneficiary_key");
        return beneficiaries.accountNumber(cipher.getBytes(), key);
    }

    /** Hands over every file due for it, each by one dispatcher only; returns how many were handed over now. */
    public Uni<Integer> handOver(String worker) {
        return files.claimForHandOver(worker, config.lease(), HAND_OVER_BATCH)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(r -> handOverOne(r, worker))
                        .collect().asList())
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> handOverOne(Row r, String worker) {
        long id = r.getLong("id");
        String name = r.getString("file_name");
        return Uni.createFrom()
                .item(() -> publish(name, r.getBoolean("resumed"), r.getString("content"), r.getString("sha256")))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(action -> {
                    boolean delivered = action != HandOverRule.Action.UNCERTAIN;
                    BankFileState to = delivered ? BankFileState.HANDED_OVER : BankFileState.UNCERTAIN;
                    BankFileStateMachine.require(id, BankFileState.HANDING_OVER, to);
                    Uni<Void> mark = files.finishHandOver(id, to, worker,
                            delivered ? null : uncertainMessage(id, name));
                    return mark.chain(() -> delivered ? cleanQuietly(name) : Uni.createFrom().voidItem())
                            .invoke(() -> LOG.infof("bank file %s: %s (%s) at %s", name, to.code(), action,
                                    outbox.describe()))
                            .replaceWith(action == HandOverRule.Action.WRITE);
                });
    }

    private static String uncertainMessage(long id, String name) {
        return "Bank file " + id + " (" + name
                + "): a hand-over was interrupted and the file is not in the outbox; the bank's connector may"
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
    public record BankFileView(long id, String account, String fileName, String messageId, String state, String sha256,
            int paymentCount,
            String controlSum, LocalDate executionDate, OffsetDateTime handedOverAt) {
    }

    @WithSession
    public Uni<BankFileView> get(long id) {
        return view(id);
    }

    private Uni<BankFileView> view(long id) {
        return files.view(id).map(row -> {
            if (row == null) {
                throw ApiException.notFound("No bank file with id " + id);
            }
            String[] f = row.split("\\|", -1);
            return new BankFileView(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], Integer.parseInt(f[6]), f[7],
                    LocalDate.parse(f[8]),
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
        return files.lockState(id).chain(state -> {
            if (state == null) {
                throw ApiException.notFound("No bank file with id " + id);
            }
            BankFileStateMachine.require(id, state, to);
            return files.settle(id, to)
                    .chain(() -> audit.record(actor,
                            delivered ? "bank-file.confirmed-delivered" : "bank-file.redeliver", "bank_file", id,
                            comment,
                            Map.of("from", state.code(), "to", to.code())));
        }).chain(() -> view(id));
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
