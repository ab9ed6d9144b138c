package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A payout in one currency credited to a bank account in another (a Stripe USD payout arriving as EUR): matched by
 * the payout id the bank's remittance carries and the amount converted at the reference rate within the FX
 * tolerance, with its FX difference shown; never "not arrived".
 */
@QuarkusTest
class CrossCurrencySettlementTest {

    /** A USD Stripe account settling into a bank account of its company in {@code bankCurrency}. */
    private static Fixtures[] stripeInto(String bankCurrency, Map<String, Object> config) {
        Fixtures stripe = Fixtures.wallet("stripe", "USD");
        Fixtures bank = Fixtures.in(stripe.company, "bank", bankCurrency);
        Map<String, Object> body = new java.util.HashMap<>(config);
        body.put("settlementAccount", bank.code);
        body.put("settlementAfterDays", 2);
        stripe.config(body);
        return new Fixtures[]{stripe, bank};
    }

    /** A bank credit whose remittance text carries {@code remittance}, as a camt.053 or MT940 line has it. */
    private static long credit(Fixtures bank, long statement, long amount, int day, String remittance) {
        return TestDb.count(
                "insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, amount_minor, currency, "
                        + "remittance_info) values (?, ?, 1, ?, 'payment', ?, ?, ?, ?) returning id",
                statement, bank.account, "fx-" + remittance, bank.day(day), amount, bank.currency, remittance);
    }

    /** The account's settlement matches, decimals read exactly. */
    private static JsonPath settlement(Fixtures f) {
        String body = given().header("Authorization", Fixtures.FINANCE).when()
                .get("/matches?account=" + f.code + "&kind=settlement_bank")
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertDecimal(String expected, JsonPath m, String path, String why) {
        BigDecimal actual = m.get(path);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), why + ": " + actual);
    }

    @Test
    void aUsdPayoutCreditedInEurMatchesWithItsFxDifference() {
        Fixtures[] fx = stripeInto("EUR", Map.of("fxRates", Map.of("USD/EUR", "0.9200"), "fxToleranceBps", 200));
        Fixtures f = fx[0];
        Fixtures bank = fx[1];
        long payout = f.transaction("po_" + f.code, "payout", "out", 10000, 2, null, null, null, "po_" + f.code, null);
        long line = credit(bank, bank.statement(0, 10), 9150, 4, "STRIPE PAYOUT po_" + f.code + " /EUR 91,50");

        JsonPath run = f.run(0, 6);

        assertEquals(Map.of("payout_reference_fx", 1), run.getMap("counts.matches"));
        assertEquals(Map.of(), run.getMap("counts.exceptions"), "no settlement_not_arrived, no difference to chase");
        JsonPath m = settlement(f);
        assertEquals(1, m.getInt("total"));
        assertEquals("confirmed", m.getString("items[0].status"));
        assertEquals("USD", m.getString("items[0].currency"));
        assertEquals(10000, m.getLong("items[0].leftTotalMinor"));
        assertEquals(9150, m.getLong("items[0].rightTotalMinor"));
        assertEquals("EUR", m.getString("items[0].fx.counterCurrency"));
        assertDecimal("0.915", m, "items[0].fx.rate", "the rate the two amounts imply");
        assertDecimal("0.92", m, "items[0].fx.referenceRate", "rate");
        assertEquals(-50, m.getLong("items[0].fx.differenceMinor"),
                "91.50 EUR credited, 92.00 EUR at the reference rate");
        assertEquals(List.of(payout, line), List.of(m.getLong("items[0].items.find { it.side == 'left' }.id"),
                m.getLong("items[0].items.find { it.side == 'right' }.id")));
    }

    @Test
    void minorUnitsConvertWithEachCurrencysExponent() {
        // USD 2 decimals, JPY none: 100.00 USD at 125 is 12,500 JPY; the rate may be configured either way round.
        Fixtures[] fx = stripeInto("JPY", Map.of("fxRates", Map.of("JPY/USD", "0.008")));
        Fixtures f = fx[0];
        Fixtures bank = fx[1];
        f.transaction("po_j" + f.code, "payout", "out", 10000, 2, null, null, null, "po_j" + f.code, null);
        credit(bank, bank.statement(0, 10), 12480, 3, "po_j" + f.code);

        JsonPath run = f.run(0, 6);

        assertEquals(Map.of("payout_reference_fx", 1), run.getMap("counts.matches"));
        JsonPath m = settlement(f);
        assertEquals("JPY", m.getString("items[0].fx.counterCurrency"));
        assertDecimal("124.8", m, "items[0].fx.rate", "rate");
        assertEquals(-20, m.getLong("items[0].fx.differenceMinor"), "12,480 JPY credited, 12,500 JPY converted");
    }

    @Test
    void aCreditOutsideTheFxToleranceIsAnFxDifferenceWithBothAmountsNotAMissingSettlement() {
        Fixtures[] fx = stripeInto("EUR", Map.of("fxRates", Map.of("USD/EUR", "0.92"), "fxToleranceBps", 100));
        Fixtures f = fx[0];
        Fixtures bank = fx[1];
        long payout = f.transaction("po_o" + f.code, "payout", "out", 10000, 2, null, null, null, "po_o" + f.code,
                null);
        long line = credit(bank, bank.statement(0, 10), 8500, 4, "po_o" + f.code);

        JsonPath run = f.run(0, 6);

        assertEquals(Map.of("fx_difference", 1), run.getMap("counts.exceptions"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'fx_difference' and currency = 'EUR' and expected_minor = 9200 "
                        + "and actual_minor = 8500 and difference_minor = -700 and transaction_id = ? and statement_line_id = ?",
                payout, line));
        assertEquals(1, TestDb.count("select count(*) from recon_exceptions where type = 'fx_difference' "
                + "and detail like '%of 10000 USD was credited as 8500 EUR (rate 0.85)%reference rate 0.92 it converts to 9200 EUR%' "
                + "and transaction_id = ?", payout));
        assertEquals("suggested", settlement(f).getString("items[0].status"), "a person decides");
        given().header("Authorization", Fixtures.FINANCE).when().get("/exceptions?account=" + f.code)
                .then().statusCode(200).body("items.type", hasItem("fx_difference"));
    }

    @Test
    void withoutAReferenceRateTheCreditIsSuggestedWithTheRateItImplies() {
        Fixtures[] fx = stripeInto("EUR", Map.of());
        Fixtures f = fx[0];
        Fixtures bank = fx[1];
        f.transaction("po_n" + f.code, "payout", "out", 20000, 2, null, null, null, "po_n" + f.code, null);
        credit(bank, bank.statement(0, 10), 18400, 3, "po_n" + f.code);

        JsonPath run = f.run(0, 6);

        assertEquals(Map.of(), run.getMap("counts.exceptions"));
        JsonPath m = settlement(f);
        assertEquals("suggested", m.getString("items[0].status"));
        assertDecimal("0.92", m, "items[0].fx.rate", "rate");
        assertNull(m.get("items[0].fx.referenceRate"));
        assertNull(m.get("items[0].fx.differenceMinor"));
    }

    @Test
    void fxAndGraceSettingsAreValidatedStoredAndAudited() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        given().header("Authorization", Fixtures.ADMIN).when().get("/matching/config/" + f.code)
                .then().statusCode(200).body("graceDays", equalTo(1)).body("fxToleranceBps", equalTo(200));
        given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("graceDays", 2, "fxToleranceBps", 150, "fxRates", Map.of("USD/EUR", 0.925)))
                .when().put("/matching/config/" + f.code)
                .then().statusCode(200).body("graceDays", equalTo(2)).body("fxToleranceBps", equalTo(150))
                .body("fxRates.'USD/EUR'", equalTo(0.925f));
        given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("graceDays", 30, "fxToleranceBps", -1, "fxRates", Map.of("USD/USD", 1, "USD/XYZ", 1)))
                .when().put("/matching/config/" + f.code)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("graceDays")).body("errors.field", hasItem("fxToleranceBps"))
                .body("errors.findAll { it.field == 'fxRates' }.size()", equalTo(2));
        given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("fxRates", Map.of("USD/EUR", -0.5)))
                .when().put("/matching/config/" + f.code)
                .then().statusCode(400).body("errors.message", hasItem(containsString("positive decimal")));
        given().header("Authorization", Fixtures.ADMIN).when().get("/matching/config/" + f.code)
                .then().statusCode(200).body("graceDays", equalTo(2)).body("fxToleranceBps", equalTo(150));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'matching.config.updated' "
                + "and entity_id = ? and details like '%\"graceDays\":2%' and details like '%USD/EUR%'", f.code));
    }
}
