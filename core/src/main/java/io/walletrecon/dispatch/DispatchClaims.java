package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.money.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final AlertService alerts;
    private final DispatchConfig config;
    private final DispatchTiming timing;

    public DispatchClaims(DispatchRepository repo, AlertService alerts, DispatchConfig config) {
        this.repo = repo;
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
     * Claims in {@code conn}'s transaction: due jobs of {@code channel} (only {@code onlyPaymentId}'s when given).
     * {@code onSubmit}, if given, runs in the same transaction with the orders that became SUBMITTED (the bank file
     * adapter builds its file there).
     */
    Uni<Claim> claimIn(SqlConnection conn, String channel, int limit, Long onlyPaymentId, String worker,
                       Function<List<Claimed>, Uni<Void>> onSubmit) {
        return repo.claim(conn, channel, limit, onlyPaymentId).chain(claimed -> {
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
                policyKeys.add(Checks.policyKey(r));
            });
            List<Long> pairAccounts = pairs.stream().map(p -> Long.valueOf(p.substring(0, p.indexOf('|')))).toList();
            List<String> pairCurrencies = pairs.stream().map(p -> p.substring(p.indexOf('|') + 1)).toList();
            List<Long> policyCompanies = policyKeys.stream().map(p -> Long.valueOf(p.substring(0, p.indexOf('|')))).toList();
            List<String> policyCurrencies = policyKeys.stream().map(p -> p.substring(p.indexOf('|') + 1)).toList();
            Checks checks = new Checks();
            return repo.lockAccountsAndBeneficiaries(conn, accounts, beneficiaries)
                    .chain(() -> repo.balances(conn, pairAccounts, pairCurrencies)).invoke(checks::balances)
                    .chain(() -> repo.riskUsage(conn, beneficiaries)).invoke(checks::usage)
                    .chain(() -> repo.policies(conn, policyCompanies, policyCurrencies)).invoke(checks.policies::putAll)
                    .chain(() -> decide(conn, claimed, checks, worker, onSubmit));
        });
    }

    /** What the checks read for one batch: available balance per account and currency, today's usage, policies per company and currency. */
    private static final class Checks {
        final Map<String, BigDecimal> available = new HashMap<>();
        final Map<String, Boolean> known = new HashMap<>();
        final Map<String, BigDecimal[]> usage = new HashMap<>();
        final Map<String, PaymentPolicy> policies = new HashMap<>();

        void balances(List<BalanceRepository.Available> balances) {
            balances.forEach(b -> {
                String key = b.accountId() + "|" + b.currency();
                available.put(key, b.availableMinor());
                known.put(key, b.known());
            });
        }

        void usage(List<Row> rows) {
            rows.forEach(r -> usage.put(r.getLong("beneficiary_id") + "|" + r.getString("currency"),
                    new BigDecimal[]{r.getBigDecimal("amount"), BigDecimal.valueOf(r.getLong("n"))}));
        }

        /** The paying account's company and the order's currency: whose policy holds the order. */
        static String policyKey(Row r) {
            return r.getLong("company_id") + "|" + r.getString("currency");
        }
    }

    private Uni<Claim> decide(SqlConnection conn, List<Row> claimed, Checks checks, String worker, Function<List<Claimed>, Uni<Void>> onSubmit) {
        DispatchChanges ch = new DispatchChanges();
        List<Claimed> toSend = new ArrayList<>();
        List<AlertService.NewAlert> newAlerts = new ArrayList<>();
        int held = 0;
        Instant now = Instant.now();
        for (Row r : claimed) {
            long id = r.getLong("payment_id");
            PaymentState state = PaymentState.of(r.getString("state"));
            int attemptNo = r.getInteger("attempts") + 1;
            if (state == PaymentState.SUBMITTED) {
                resendOrGiveUp(ch, r, id, attemptNo, now, worker, toSend, newAlerts);
                continue;
            }
            if (state != PaymentState.SCHEDULED && !(state == PaymentState.HELD && HoldReason.LOW_BALANCE.code().equals(r.getString("hold_reason")))) {
                ch.job(id, "done", null, 0, "order is " + state.code() + "; nothing to send");
                continue;
            }
            String hold = check(r, checks, ch, newAlerts, worker);
            if (hold != null) {
                held++;
                continue;
            }
            ch.order(id, state, PaymentState.SUBMITTED, null, null, null, null, null, worker,
                    state == PaymentState.HELD ? "balance now sufficient; handed to " + r.getString("type") + " adapter" : "handed to the provider adapter");
            ch.job(id, "in_flight", null, 1, null);
            toSend.add(claimedOf(r, id, attemptNo, false));
        }
        int heldCount = held;
        return ch.apply(conn, timing.lease(toSend.size()), worker)
                .chain(() -> alerts.raise(conn, newAlerts))
                .chain(() -> onSubmit == null ? Uni.createFrom().voidItem() : onSubmit.apply(toSend))
                .replaceWith(() -> new Claim(toSend, claimed.size(), heldCount));
    }

    /** A SUBMITTED order back in a claim: a retry due, or a send whose answer was never recorded before its lease ran out. */
    private void resendOrGiveUp(DispatchChanges ch, Row r, long id, int attemptNo, Instant now, String worker, List<Claimed> toSend,
                                List<AlertService.NewAlert> newAlerts) {
        boolean leaseExpired = "in_flight".equals(r.getString("job_status"));
        if (leaseExpired) {
            ch.attempt(id, attemptNo - 1, "crashed", null, null,
                    "no result recorded before the lease ran out; the provider may have it", now);
        }
        OffsetDateTime firstSent = r.getOffsetDateTime("submitted_at");
        if (ResendRule.mayResend(attemptNo, config.maxAttempts(), firstSent == null ? null : firstSent.toInstant(), now, config.resendWindow())) {
            ch.job(id, "in_flight", null, 1, null);
            toSend.add(claimedOf(r, id, attemptNo, true));
            return;
        }
        boolean ambiguous = leaseExpired || r.getBoolean("ambiguous_before");
        String why = "sent " + (attemptNo - 1) + " times since " + firstSent + "; no more re-sends allowed";
        if (ambiguous) {
            ch.order(id, PaymentState.SUBMITTED, PaymentState.UNKNOWN, null, null, null, null, null, worker, "outcome unknown: " + why);
            newAlerts.add(new AlertService.NewAlert("PAYMENT_UNKNOWN", id, DispatchService.unknownMessage(id, why)));
        } else {
            ch.order(id, PaymentState.SUBMITTED, PaymentState.FAILED, null, null, null, why, null, worker, why);
            newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", id, "Payment " + id + " failed: " + why));
        }
        ch.job(id, "done", null, 0, why);
    }

    /** Risk, then balance; returns the hold reason, or null when the order may go. Reserves what it lets go. */
    private String check(Row r, Checks checks, DispatchChanges ch, List<AlertService.NewAlert> newAlerts, String worker) {
        long id = r.getLong("payment_id");
        PaymentState state = PaymentState.of(r.getString("state"));
        long amount = r.getLong("amount_minor");
        String currency = r.getString("currency");
        PaymentPolicy policy = checks.policies.get(Checks.policyKey(r));
        BigDecimal[] used = checks.usage.computeIfAbsent(r.getLong("beneficiary_id") + "|" + currency,
                k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        if (!r.getBoolean("risk_cleared") && policy != null && exceedsRisk(policy, used, amount)) {
            String why = "beneficiary " + r.getString("ben_name") + " would receive " + format(used[0].add(BigDecimal.valueOf(amount)), currency)
                    + " in " + used[1].add(BigDecimal.ONE) + " payments today, over the daily limit of "
                    + (policy.beneficiaryDailyAmountMinor() == null ? "-" : Money.ofMinor(policy.beneficiaryDailyAmountMinor(), currency))
                    + " / " + (policy.beneficiaryDailyCount() == null ? "-" : policy.beneficiaryDailyCount()) + " payments";
            ch.order(id, state, PaymentState.HELD, HoldReason.RISK.code(), null, null, null, null, worker, "RISK: " + why);
            ch.job(id, "blocked", null, 0, why);
            newAlerts.add(new AlertService.NewAlert("RISK_LIMIT", id, "Payment " + id + " is held: " + why));
            return HoldReason.RISK.code();
        }
        String key = r.getLong("account_id") + "|" + currency;
        BigDecimal avail = checks.available.getOrDefault(key, BigDecimal.ZERO);
        if (avail.compareTo(BigDecimal.valueOf(amount)) < 0) {
            String why = Boolean.TRUE.equals(checks.known.get(key))
                    ? "account " + r.getString("account_code") + " has " + format(avail, currency) + " available, " + Money.ofMinor(amount, currency) + " needed"
                    : "account " + r.getString("account_code") + " has no statement in " + currency + " with a closing balance yet";
            if (state != PaymentState.HELD) {
                ch.order(id, state, PaymentState.HELD, HoldReason.LOW_BALANCE.code(), null, null, null, null, worker, "LOW_BALANCE: " + why);
                newAlerts.add(new AlertService.NewAlert("LOW_BALANCE", id, "Payment " + id + " is held: " + why));
            }
            ch.job(id, "pending", config.balanceRecheck().toMillis(), 0, why);
            return HoldReason.LOW_BALANCE.code();
        }
        checks.available.put(key, avail.subtract(BigDecimal.valueOf(amount)));
        used[0] = used[0].add(BigDecimal.valueOf(amount));
        used[1] = used[1].add(BigDecimal.ONE);
        return null;
    }

    private static boolean exceedsRisk(PaymentPolicy policy, BigDecimal[] used, long amount) {
        return (policy.beneficiaryDailyAmountMinor() != null
                && used[0].add(BigDecimal.valueOf(amount)).compareTo(BigDecimal.valueOf(policy.beneficiaryDailyAmountMinor())) > 0)
                || (policy.beneficiaryDailyCount() != null && used[1].add(BigDecimal.ONE).compareTo(BigDecimal.valueOf(policy.beneficiaryDailyCount())) > 0);
    }

    /** An amount in minor units that may exceed a long (a sum), with the currency's decimals. */
    static String format(BigDecimal minor, String currency) {
        return minor.movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString() + " " + currency;
    }

    private static Claimed claimedOf(Row r, long id, int attemptNo, boolean resend) {
        return new Claimed(r, id, attemptNo, resend, new OutboundPayment(id, r.getString("type"), r.getLong("amount_minor"),
                r.getString("currency"), r.getString("reference"), r.getString("beneficiary_key"), r.getString("refund_of"),
                r.getString("idempotency_key")));
    }
}
