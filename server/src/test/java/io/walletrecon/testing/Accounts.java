package io.walletrecon.testing;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Creates accounts through the real API, as an admin would. */
public final class Accounts {

    private Accounts() {
    }

    public static String createStripe(String code, String... secrets) {
        return create(Map.of("code", code, "provider", "stripe", "name", "Stripe " + code, "currency", "USD",
                "timeZone", "America/New_York", "credentials", Map.of("webhookSecrets", java.util.List.of(secrets))));
    }

    public static String createBank(String code, String currency, String zone) {
        return create(Map.of("code", code, "provider", "bank", "name", "Bank " + code, "currency", currency, "timeZone",
                zone));
    }

    /** A bank account whose statements name {@code accountNumber} (IBAN or domestic number). */
    public static String createBank(String code, String currency, String zone, String accountNumber) {
        return create(
                Map.of("code", code, "provider", "bank", "name", "Bank " + code, "currency", currency, "timeZone", zone,
                        "accountNumber", accountNumber));
    }

    public static String create(Map<String, Object> body) {
        given().header("Authorization", TestJwt.bearer("setup-admin", "admin"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/accounts")
                .then().statusCode(201);
        return (String) body.get("code");
    }
}
