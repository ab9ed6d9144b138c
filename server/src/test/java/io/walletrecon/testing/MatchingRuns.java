package io.walletrecon.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/** Matching runs through the real API, as a finance user starts them. */
public final class MatchingRuns {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    private MatchingRuns() {
    }

    /** Starts a manual run over {@code account} from {@code from} to {@code to} and waits for it to finish. */
    public static JsonPath run(String account, String from, String to) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", from, "to", to))
                .when().post("/matching/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        return await(id);
    }

    /** The run once it is neither queued nor running (polled every 50 ms, for at most 120 s). */
    public static JsonPath await(long id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath run = given().header("Authorization", FINANCE).when().get("/matching/runs/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String state = run.getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("run " + id + " did not finish in 120 s");
        return null;
    }
}
