package io.walletrecon.matching;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.walletrecon.testing.PackagedServer;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real crash: the packaged server runs as a process of its own, is killed with SIGKILL in the middle of a
 * 40,000-row run (a second or more of work after its receipts are staged, where the kill lands within tens of
 * milliseconds), and is started again. PostgreSQL rolls the run's transaction back with its connection; the next
 * request marks the run abandoned and starts a new one (within a minute of the restart), which finds everything.
 * Runs after {@code package} (failsafe, execution {@code process-tests}; skip with {@code -DskipProcessTests}).
 */
class ServerKilledMidRunProcessTest {

    private static final String FINANCE = TestJwt.bearer("fiona-crash", "finance");
    private static final int N = 20_000;

    @Test
    void aRunKilledWithItsServerIsAbandonedAndTheNextRunStartsWithinAMinuteOfTheRestart() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        PlantedAnswersTest.plant(f, N);
        int port = PackagedServer.freePort();

        long killed;
        try (PackagedServer first = PackagedServer.start(port, "killed-run-first", Map.of())) {
            killed = api(port).body(Map.of("account", f.code, "from", f.day(0).toString(), "to", f.day(29).toString()))
                    .post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            awaitWorking(killed);
        }
        assertEquals("running", TestDb.scalar("select state from match_runs where id = ?", killed), "killed mid-run");

        try (PackagedServer second = PackagedServer.start(port, "killed-run-second", Map.of())) {
            Instant restarted = Instant.now();
            long next = startWithinAMinute(port, f, restarted);
            JsonPath run = awaitDone(port, next);

            assertEquals("succeeded", run.getString("state"), run.prettify());
            assertEquals(N * 90 / 100, run.getInt("counts.matches.reference"));
            assertEquals("abandoned", TestDb.scalar("select state from match_runs where id = ?", killed));
            assertEquals(0, TestDb.count("select count(*) from matches where run_id = ?", killed),
                    "nothing of the killed run was kept");
            assertEquals(N * 90 / 100, f.matches("reference", "confirmed"), "matched once, by the new run");
        }
    }

    /** Running, with its receipts staged: the run's transaction holds its locks and has written rows. */
    private static void awaitWorking(long run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String state = TestDb.scalar("select state from match_runs where id = ?", run);
            long total = TestDb.count("select items_total from match_runs where id = ?", run);
            if ("running".equals(state) && total > 0) {
                return;
            }
            assertTrue(state.equals("queued") || state.equals("running"),
                    "run " + run + " ended as " + state + " before the kill");
            Thread.sleep(20);
        }
        fail("run " + run + " did not start working in 3 minutes");
    }

    private static long startWithinAMinute(int port, Fixtures f, Instant restarted) throws InterruptedException {
        while (Duration.between(restarted, Instant.now()).compareTo(Duration.ofMinutes(1)) < 0) {
            var response = api(port)
                    .body(Map.of("account", f.code, "from", f.day(0).toString(), "to", f.day(29).toString()))
                    .post("/matching/runs").then().extract();
            if (response.statusCode() == 202) {
                return response.jsonPath().getLong("id");
            }
            assertEquals(409, response.statusCode(), response.body().asString());
            Thread.sleep(1000);
        }
        fail("no new run of the account could start within a minute of the restart");
        return -1;
    }

    private static JsonPath awaitDone(int port, long run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonPath view = api(port).get("/matching/runs/" + run).then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(view.getString("state"))) {
                return view;
            }
            Thread.sleep(200);
        }
        fail("run " + run + " did not finish in 5 minutes");
        return null;
    }

    private static RequestSpecification api(int port) {
        return given().baseUri("http://127.0.0.1:" + port).header("Authorization", FINANCE)
                .contentType(ContentType.JSON);
    }
}
