package io.walletrecon.dispatch;

import io.walletrecon.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The checks every order passes just before it is sent, over what one claim read for its batch: the beneficiary's
 * daily risk limits (its company's policy for the currency, unless an approver cleared the order's risk hold), then
 * the paying account's available balance. An order that passes reserves its amount, so the next order of the batch is
 * checked against what is left. Plain rules, no I/O; sums are {@link BigDecimal} minor units, which no total can
 * overflow.
 */
final class PreSendChecks {

    /** What the checks need of one order. */
    record Order(long paymentId, long accountId, String accountCode, long companyId, long beneficiaryId,
            String beneficiaryName,
            long amountMinor, String currency, boolean riskCleared) {
    }

    /** Go, or hold for {@code reason} because {@code why}. */
    record Verdict(HoldReason hold, String why) {

        static final Verdict GO = new Verdict(null, null);

        boolean goes() {
            return hold == null;
        }
    }

    private final Map<String, BigDecimal> available = new HashMap<>();
    private final Map<String, Boolean> known = new HashMap<>();
    private final Map<String, BigDecimal[]> usage = new HashMap<>();
    private final Map<String, PaymentPolicy> policies = new HashMap<>();

    /** The available balance of an account in a currency; {@code known} is false when no statement gave one. */
    void balance(long accountId, String currency, BigDecimal availableMinor, boolean isKnown) {
        available.put(accountId + "|" + currency, availableMinor);
        known.put(accountId + "|" + currency, isKnown);
    }

    /** What a beneficiary was sent today in a currency: the sum and the number of payments. */
    void usage(long beneficiaryId, String currency, BigDecimal amountMinor, long count) {
        usage.put(beneficiaryId + "|" + currency, new BigDecimal[]{amountMinor, BigDecimal.valueOf(count)});
    }

    /** The stored policies, keyed {@code companyId|currency}; a company's currency without one has no risk limits. */
    void policies(Map<String, PaymentPolicy> byCompanyAndCurrency) {
        policies.putAll(byCompanyAndCurrency);
    }

    /** Risk, then balance; a passing order's amount is reserved against both. */
    Verdict check(Order o) {
        PaymentPolicy policy = policies.get(o.companyId() + "|" + o.currency());
        BigDecimal[] used = usage.computeIfAbsent(o.beneficiaryId() + "|" + o.currency(),
                k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal amount = BigDecimal.valueOf(o.amountMinor());
        if (!o.riskCleared() && policy != null && exceedsRisk(policy, used, amount)) {
            return new Verdict(HoldReason.RISK,
                    "beneficiary " + o.beneficiaryName() + " would receive " + format(used[0].add(amount), o.currency())
                            + " in " + used[1].add(BigDecimal.ONE) + " payments today, over the daily limit of "
                            + (policy.beneficiaryDailyAmountMinor() == null
                                    ? "-"
                                    : Money.ofMinor(policy.beneficiaryDailyAmountMinor(), o.currency()))
                            + " / " + (policy.beneficiaryDailyCount() == null ? "-" : policy.beneficiaryDailyCount())
                            + " payments");
        }
        String key = o.accountId() + "|" + o.currency();
        BigDecimal avail = available.getOrDefault(key, BigDecimal.ZERO);
        if (avail.compareTo(amount) < 0) {
            return new Verdict(HoldReason.LOW_BALANCE, Boolean.TRUE.equals(known.get(key))
                    ? "account " + o.accountCode() + " has " + format(avail, o.currency()) + " available, "
                            + Money.ofMinor(o.amountMinor(), o.currency())
                            + " needed"
                    : "account " + o.accountCode() + " has no statement in " + o.currency()
                            + " with a closing balance yet");
        }
        available.put(key, avail.subtract(amount));
        used[0] = used[0].add(amount);
        used[1] = used[1].add(BigDecimal.ONE);
        return Verdict.GO;
    }

    private static boolean exceedsRisk(PaymentPolicy policy, BigDecimal[] used, BigDecimal amount) {
        return (policy.beneficiaryDailyAmountMinor() != null
                && used[0].add(amount).compareTo(BigDecimal.valueOf(policy.beneficiaryDailyAmountMinor())) > 0)
                || (policy.beneficiaryDailyCount() != null && used[1].add(BigDecimal.ONE)
                        .compareTo(BigDecimal.valueOf(policy.beneficiaryDailyCount())) > 0);
    }

    /** An amount in minor units that may exceed a long (a sum), with the currency's decimals. */
    static String format(BigDecimal minor, String currency) {
        return minor.movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString() + " "
                + currency;
    }
}
