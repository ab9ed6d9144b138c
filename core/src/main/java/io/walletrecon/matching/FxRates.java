package io.walletrecon.matching;

import io.walletrecon.money.Money;
import io.walletrecon.problem.ProblemError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reference FX rates of an account's matching configuration, by pair {@code "USD/EUR"}: units of the second currency
 * per unit of the first (major units, exact decimals). Validated here, written into the settlement rule's SQL as a
 * {@code values} list of validated codes and decimals: never a float.
 */
final class FxRates {

    /** At most 18 digits before and 12 after the decimal point (the column's numeric(30, 12)). */
    static final int MAX_SCALE = 12;
    private static final BigDecimal MAX = BigDecimal.TEN.pow(18);

    private FxRates() {
    }

    /** What is wrong with {@code rates}, field {@code fxRates}; empty when nothing is. */
    static List<ProblemError> problems(Map<String, BigDecimal> rates) {
        List<ProblemError> errors = new ArrayList<>();
        rates.forEach((pair, rate) -> {
            String[] codes = pair == null ? new String[0] : pair.split("/", -1);
            if (codes.length != 2 || !Money.isCurrency(codes[0]) || !Money.isCurrency(codes[1])
                    || codes[0].equals(codes[1])) {
                errors.add(ProblemError.field("fxRates", "'" + pair
                        + "' is not a currency pair: write two different ISO 4217 codes as BASE/QUOTE, e.g. USD/EUR"));
            } else if (rate == null || rate.signum() <= 0 || rate.compareTo(MAX) >= 0
                    || rate.stripTrailingZeros().scale() > MAX_SCALE) {
                errors.add(ProblemError.field("fxRates", "the rate of " + pair
                        + " must be a positive decimal below 10^18 with at most " + MAX_SCALE
                        + " decimal places (units of " + codes[1] + " per " + codes[0] + ")"));
            }
        });
        return errors;
    }

    /** The rates in pair order with plain decimals, as stored. */
    static Map<String, String> canonical(Map<String, BigDecimal> rates) {
        return rates.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stripTrailingZeros().toPlainString(), (a, b) -> a, TreeMap::new));
    }

    /**
     * A derived table of {@code rates} for SQL, to be aliased {@code (base, quote, rate)}; every value was validated
     * (codes of three letters, positive decimals), so inlining them is safe. Empty rates give an empty table.
     */
    static String valuesSql(Map<String, BigDecimal> rates) {
        if (rates.isEmpty()) {
            return "(select cast(null as text) as base, cast(null as text) as quote, cast(null as numeric) as rate where false)";
        }
        List<String> rows = new ArrayList<>();
        new TreeMap<>(rates).forEach((pair, rate) -> {
            String[] codes = pair.split("/");
            Money.currency(codes[0]);
            Money.currency(codes[1]);
            rows.add("('" + codes[0] + "', '" + codes[1] + "', cast(" + rate.toPlainString() + " as numeric))");
        });
        return "(values " + String.join(", ", rows) + ")";
    }

    /**
     * A derived table, to be aliased {@code (currency, exponent)}, of every ISO 4217 currency the JVM knows with a
     * minor-unit
     * exponent (JPY 0, CNY 2, KWD 3, ...), for converting minor units of one currency into another.
     */
    static final String EXPONENTS_SQL = "(values " + Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0 && c.getCurrencyCode().matches("[A-Z]{3}"))
            .sorted((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()))
            .map(c -> "('" + c.getCurrencyCode() + "', " + c.getDefaultFractionDigits() + ")")
            .collect(Collectors.joining(", ")) + ")";
}
