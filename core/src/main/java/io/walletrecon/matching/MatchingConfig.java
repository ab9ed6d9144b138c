package io.walletrecon.matching;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.receivables.PaymentTolerance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one account is matched. Tolerance: the larger of {@code toleranceMinor} and {@code toleranceBps} basis
 * points of the amount (100 = 1%), for fees and FX rounding.
 *
 * @param graceDays 存疑天数: how many later days' bills may still bring a record of a day (a payment at 23:59 on the
 *     next day's bill); absence exceptions about a day wait for them.
 * @param fxToleranceBps how far a bank credit in another currency may differ from the payout converted at the
 *     reference rate, in basis points of the converted amount, and still be a confirmed settlement.
 * @param fxRates reference rates by pair {@code "USD/EUR"}: units of the second currency per unit of the first.
 * @param notDebitedAfterBusinessDays how many business days (Monday to Friday) after its execution date a submitted
 *     bank-file payment order may wait for its debit on the bank statement before it is {@code payment_not_debited}.
 * @param bankHolidays the account's bank holidays: days between Monday and Friday that are not business days (a
 *     weekend day the bank works, 调休, is not modelled: it stays a day off).
 */
@RegisterForReflection
public record MatchingConfig(String account, long toleranceMinor, int toleranceBps, int dateWindowDays,
        Set<String> rules,
        int settlementAfterDays, LocalTime dayEndTime, String settlementAccount, int graceDays, int fxToleranceBps,
        Map<String, BigDecimal> fxRates, int notDebitedAfterBusinessDays, List<LocalDate> bankHolidays) {

    public static final int DEFAULT_GRACE_DAYS = 1;
    public static final int DEFAULT_FX_TOLERANCE_BPS = 200;
    public static final int DEFAULT_NOT_DEBITED_AFTER_BUSINESS_DAYS = 2;

    /** The rules in the order they run: most confident first, so that a weaker rule only sees what is left. */
    public static final List<String> RULES = List.of("reference", "payer_amount", "one_to_many", "amount_date",
            "record_statement", "settlement");

    /** How far short a receivable may be paid and still count as paid: the same for runs and for people. */
    public PaymentTolerance tolerance() {
        return new PaymentTolerance(toleranceMinor, toleranceBps);
    }

    public static MatchingConfig defaults(String account) {
        return new MatchingConfig(account, 0, 0, 3, new LinkedHashSet<>(RULES), 3, LocalTime.of(23, 30), null,
                DEFAULT_GRACE_DAYS, DEFAULT_FX_TOLERANCE_BPS, Map.of(), DEFAULT_NOT_DEBITED_AFTER_BUSINESS_DAYS,
                List.of());
    }
}
