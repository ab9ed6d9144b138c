package io.walletrecon.matching;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.receivables.PaymentTolerance;

import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one account is matched. Tolerance: the larger of {@code toleranceMinor} and {@code toleranceBps} basis
 * points of the amount (100 = 1%), for fees and FX rounding.
 */
@RegisterForReflection
public record MatchingConfig(String account, long toleranceMinor, int toleranceBps, int dateWindowDays,
        Set<String> rules,
        int settlementAfterDays, LocalTime dayEndTime, String settlementAccount) {

    /** The rules in the order they run: most confident first, so that a weaker rule only sees what is left. */
    public static final List<String> RULES = List.of("reference", "payer_amount", "one_to_many", "amount_date",
            "record_statement", "settlement");

    /** How far short a receivable may be paid and still count as paid: the same for runs and for people. */
    public PaymentTolerance tolerance() {
        return new PaymentTolerance(toleranceMinor, toleranceBps);
    }

    public static MatchingConfig defaults(String account) {
        return new MatchingConfig(account, 0, 0, 3, new LinkedHashSet<>(RULES), 3, LocalTime.of(23, 30), null);
    }
}
