package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.walletrecon.balances.BalanceRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Step 1 of a dispatch, in one transaction: due jobs are taken with {@code FOR UPDATE SKIP LOCKED} together with
 * their orders, so concurrent dispatchers never take the same job. Under per-account and per-beneficiary advisory
 * locks the balance and risk checks run for the whole batch; orders that pass become SUBMITTED and their jobs are
 * leased for as long as the batch can take ({@link DispatchTiming}); the others are held. An order sent before whose
 * answer was never recorded (its lease ran out) is sent again with its key while {@link ResendRule} allows, else it
 * becomes UNKNOWN.
 */
@ApplicationScoped
public class DispatchClaims {

    private final DispatchRepository repo;
    private final PaymentPolicyRepository policyRepo;
    private final AlertService alerts;
    private final DispatchConfig config;
    private final DispatchTiming timing;

    public DispatchClaims(DispatchRepository repo, PaymentPolicyRepository policyRepo, AlertService alerts,
            DispatchConfig config) {
        this.repo = repo;
        this.policyRepo = policyRepo;
        this.alerts = alerts;
        this.config = config;
        this.timing = DispatchTiming.of(config);
    }

    /** One claimed order and what the claim decided for it. */
    public record Claimed(Row row, long paymentId, int attemptNo, boolean resend, OutboundPayment payment) {
    }

    /** The orders a claim took that must now be sent, and how many it took and held. */
    public record Claim(List<Claimed> toSend, int claimed, int held) {

        static final Claim NONE = new Claim(List.of(), 0, 0);

        Claim plus(Claim o) {
            List<Claimed> all = new ArrayList<>(toSend);
            all.addAll(o.toSend);
            return new Claim(all, claimed + o.claimed, held + o.held);
        }
    }

    /**
     * Claims in {@code tx}'s transaction: due jobs of {@code channel} (only {@code onlyPaymentId}'s when given).
     * {@code onSubmit}, if given, runs in the same transaction with the orders that became SUBMITTED (the bank file
     * adapter builds its file there).
     */
    Uni<Claim> claimIn(DispatchRepository.Tx tx, String channel, int limit, Long onlyPaymentId, String worker,
            Function<List<Claimed>, Uni<Void>> onSubmit) {
        return repo.claim(tx, channel, limit, onlyPaymentId).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(Claim.NONE);
            }
            TreeSet<Long> accounts = new TreeSet<>();
            TreeSet<Long> beneficiaries = new TreeSet<>();
            LinkedHashSet<String> pairs = new LinkedHashSet<>();
            LinkedHashSet<String> policyKeys = new LinkedHashSet<>();
            claimed.forEach(r -> {
                accounts.add(r.getLong("account_id"));
                beneficiaries.add(r.getLong("beneficiary_id"));
                pairs.add(r.getLong("account_id") + "|" + r.getString("currency"));
                // The paying account's company and the order's currency: whose policy holds the order.
                policyKeys.add(r.getLong("company_id") + "|" + r.getString("currency"));
            });
            List<Long> pairAccounts = pairs.stream().map(p -> Long.valueOf(p.substring(0, p.indexOf('|')))).toList();
            List<String> pairCurrencies = pairs.stream().map(p -> p.substring(p.indexOf('|') + 1)).toList();
            List<Long> policyCompanies = policyKeys.stream().map(p -> Long.valueOf(p.substring(0, p.indexOf('|'))))
                    .toList();
            List<String> policyCurrencies = policyKeys.stream().map(p -> p.substring(p.indexOf('|') + 1)).toList();
            PreSendChecks checks = new PreSendChecks();
            return repo.lockAccountsAndBeneficiaries(tx, accounts, beneficiaries)
                    .chain(() -> repo.balances(tx, pairAccounts, pairCurrencies))
                    .invoke(available -> available
                            .forEach(b -> checks.balance(b.accountId(), b.currency(), b.availableMinor(), b.known())))
                    .chain(() -> repo.riskUsage(tx, beneficiaries))
                    .invoke(rows -> rows.forEach(r -> checks.usage(r.getLong("beneficiary_id"), r.getString("currency"),
                            r.getBigDecimal("amount"),
                            r.getLong("n"))))
                    .chain(() -> policyRepo.policies(tx, policyCompanies, policyCurrencies)).invoke(checks::policies)
                    .chain(() -> decide(tx, claimed, checks, worker, onSubmit));
        });
    }

    private Uni<Claim> decide(DispatchRepository.Tx tx, List<Row> claimed, PreSendChecks checks, String worker,
            Function<List<Claimed>, Uni<Void>> onSubmit) {
        DispatchChanges ch = new DispatchChanges();
        List<Claimed> toSend = new ArrayList<>();
        List<AlertService.NewAlert> newAlerts = new ArrayList<>();
        int held = 0;
        Instant now = Instant.now();
        for (Row r : claimed) {
            long id = r.getLong("payment_id");
            PaymentState state = PaymentState.of(r.getString("state"));
            int attemptNo = r.getInteger("attempts") + 1;
            DispatchJobStatus job = DispatchJobStatus.of(r.getString("job_status"));
            if (state == PaymentState.SUBMITTED) {
                resendOrGiveUp(ch, r, id, job, attemptNo, now, worker, toSend, newAlerts);
                continue;
            }
            if (state != PaymentState.SCHEDULED && !(state == PaymentState.HELD
                    && HoldReason.LOW_BALANCE.code().equals(r.getString("hold_reason")))) {
                ch.job(id, job, DispatchJobStatus.DONE, null, 0, "order is " + state.code() + "; nothing to send");
                continue;
            }
            String hold = check(r, job, checks, ch, newAlerts, worker);
            if (hold != null) {
                held++;
                continue;
            }
            ch.order(id, state, PaymentState.SUBMITTED, null, null, null, null, null, worker,
                    state == PaymentState.HELD
                            ? "balance now sufficient; handed to " + r.getString("type") + " adapter"
                            : "handed to the provider adapter");
            ch.job(id, job, DispatchJobStatus.IN_FLIGHT, null, 1, null);
            toSend.add(claimedOf(r, id, attemptNo, false));
        }
        int heldCount = held;
        return repo.write(tx, ch, timing.lease(toSend.size()), worker)
                .chain(() -> alerts.raise(tx, newAlerts))
                .chain(() -> onSubmit == null ? Uni.createFrom().voidItem() : onSubmit.apply(toSend))
                .replaceWith(() -> new Claim(toSend, claimed.size(), heldCount));
    }

    /**
     * A SUBMITTED order back in a claim: a retry due, or a send whose answer was never recorded before its lease ran
     * out.
     */
    private void resendOrGiveUp(DispatchChanges ch, Row r, long id, DispatchJobStatus job, int attemptNo, Instant now,
            String worker, List<Claimed> toSend,
            List<AlertService.NewAlert> newAlerts) {
        boolean leaseExpired = job == DispatchJobStatus.IN_FLIGHT;
        if (leaseExpired) {
            ch.attempt(id, attemptNo - 1, AttemptOutcome.CRASHED, null, null,
                    "no result recorded before the lease ran out; the provider may have it", now);
        }
        OffsetDateTime firstSent = r.getOffsetDateTime("submitted_at");
        if (ResendRule.mayResend(attemptNo, config.maxAttempts(), firstSent == null ? null : firstSent.toInstant(), now,
                config.resendWindow())) {
            ch.job(id, job, DispatchJobStatus.IN_FLIGHT, null, 1, null);
            toSend.add(claimedOf(r, id, attemptNo, true));
            return;
        }
        boolean ambiguous = leaseExpired || r.getBoolean("ambiguous_before");
        String why = "sent " + (attemptNo - 1) + " times since " + firstSent + "; no more re-sends allowed";
        if (ambiguous) {
            ch.order(id, PaymentState.SUBMITTED, PaymentState.UNKNOWN, null, null, null, null, null, worker,
                    "outcome unknown: " + why);
            newAlerts.add(new AlertService.NewAlert("PAYMENT_UNKNOWN", id, DispatchAnswers.unknownMessage(id, why)));
        } else {
            ch.order(id, PaymentState.SUBMITTED, PaymentState.FAILED, null, null, null, why, null, worker, why);
            newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", id, "Payment " + id + " failed: " + why));
        }
        ch.job(id, job, DispatchJobStatus.DONE, null, 0, why);
    }

    /**
     * Risk, then balance ({@link PreSendChecks}); a held order's hold, job and alert. Returns the hold reason, or null
     * when the order may go.
     */
    private String check(Row r, DispatchJobStatus job, PreSendChecks checks, DispatchChanges ch,
            List<AlertService.NewAlert> newAlerts, String worker) {
        long id = r.getLong("payment_id");
        PaymentState state = PaymentState.of(r.getString("state"));
        PreSendChecks.Verdict verdict = checks
                .check(new PreSendChecks.Order(id, r.getLong("account_id"), r.getString("account_code"),
                        r.getLong("company_id"), r.getLong("beneficiary_id"), r.getString("ben_name"),
                        r.getLong("amount_minor"), r.getString("currency"),
                        r.getBoolean("risk_cleared")));
        if (verdict.goes()) {
            return null;
        }
        String why = verdict.why();
        if (verdict.hold() == HoldReason.RISK) {
            ch.order(id, state, PaymentState.HELD, HoldReason.RISK.code(), null, null, null, null, worker,
                    "RISK: " + why);
            ch.job(id, job, DispatchJobStatus.BLOCKED, null, 0, why);
            newAlerts.add(new AlertService.NewAlert("RISK_LIMIT", id, "Payment " + id + " is held: " + why));
            return HoldReason.RISK.code();
        }
        if (state != PaymentState.HELD) {
            ch.order(id, state, PaymentState.HELD, HoldReason.LOW_BALANCE.code(), null, null, null, null, worker,
                    "LOW_BALANCE: " + why);
            newAlerts.add(new AlertService.NewAlert("LOW_BALANCE", id, "Payment " + id + " is held: " + why));
        }
        ch.job(id, job, DispatchJobStatus.PENDING, config.balanceRecheck().toMillis(), 0, why);
        return HoldReason.LOW_BALANCE.code();
    }

    private static Claimed claimedOf(Row r, long id, int attemptNo, boolean resend) {
        return new Claimed(r, id, attemptNo, resend,
                new OutboundPayment(id, r.getString("type"), r.getLong("amount_minor"),
                        r.getString("currency"), r.getString("reference"), r.getString("beneficiary_key"),
                        r.getString("refund_of"),
                        r.getString("idempotency_key")));
    }
}
