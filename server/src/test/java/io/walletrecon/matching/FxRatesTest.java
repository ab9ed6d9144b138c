package io.walletrecon.matching;

import io.walletrecon.problem.ProblemError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference FX rates of the matching configuration: what is refused, how they are stored and written into SQL. */
class FxRatesTest {

    @Test
    void aPairIsTwoDifferentIsoCodesAndARateAPositiveDecimalOfAtMostTwelvePlaces() {
        Map<String, BigDecimal> rates = new TreeMap<>();
        rates.put("USD/EUR", new BigDecimal("0.92"));
        rates.put("JPY/CNY", new BigDecimal("0.048000000000"));
        assertTrue(FxRates.problems(rates).isEmpty());

        for (String pair : List.of("USD/USD", "USD-EUR", "usd/eur", "USD/XYZ", "USD/EUR/JPY")) {
            List<ProblemError> errors = FxRates.problems(Map.of(pair, BigDecimal.ONE));
            assertEquals(1, errors.size(), pair);
            assertEquals("fxRates", errors.get(0).field());
        }
        for (String rate : List.of("0", "-0.92", "0.0000000000001", "1000000000000000000")) {
            assertEquals(1, FxRates.problems(Map.of("USD/EUR", new BigDecimal(rate))).size(), rate);
        }
    }

    @Test
    void ratesAreStoredAsPlainDecimalsInPairOrder() {
        assertEquals(Map.of("EUR/USD", "1.08", "USD/EUR", "0.92"),
                FxRates.canonical(Map.of("USD/EUR", new BigDecimal("0.9200"), "EUR/USD", new BigDecimal("1.08E0"))));
    }

    @Test
    void ratesBecomeAValuesListOfExactNumericsAndNoRatesAnEmptyTable() {
        assertEquals("(values ('USD', 'EUR', cast(0.92 as numeric)))",
                FxRates.valuesSql(Map.of("USD/EUR", new BigDecimal("0.92"))));
        assertTrue(FxRates.valuesSql(Map.of()).endsWith("where false)"));
        assertTrue(FxRates.EXPONENTS_SQL.contains("('JPY', 0)"));
        assertTrue(FxRates.EXPONENTS_SQL.contains("('CNY', 2)"));
        assertTrue(FxRates.EXPONENTS_SQL.contains("('KWD', 3)"));
    }
}
