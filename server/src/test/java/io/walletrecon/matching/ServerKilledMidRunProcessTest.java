package io.walletrecon.matching;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        int port = freePort();

        Process first = start(port, "first");
        long killed;
        try {
            awaitReady(first, port);
            killed = api(port).body(Map.of("account", f.code, "from", f.day(0).toString(), "to", f.day(29).toString()))
                    .post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            awaitWorking(killed);
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
        assertEquals("running", TestDb.scalar("select state from match_runs where id = ?", killed), "killed mid-run");

        Process second = start(port, "second");
        try {
            awaitReady(second, port);
            Instant restarted = Instant.now();
            long next = startWithinAMinute(port, f, restarted);
            JsonPath run = awaitDone(port, next);

            assertEquals("succeeded", run.getString("state"), run.prettify());
            assertEquals(N * 90 / 100, run.getInt("counts.matches.reference"));
            assertEquals("abandoned", TestDb.scalar("select state from match_runs where id = ?", killed));
            assertEquals(0, TestDb.count("select count(*) from matches where run_id = ?", killed),
                    "nothing of the killed run was kept");
            assertEquals(N * 90 / 100, f.matches("reference", "confirmed"), "matched once, by the new run");
        } finally {
            second.destroyForcibly();
            second.waitFor();
        }
    }

    /** The packaged server: the JVM jar, or the native executable when the build made one. */
    private static Process start(int port, String name) throws IOException {
        List<String> command = new ArrayList<>();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (Files.exists(jar)) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.add("-jar");
            command.add(jar.toString());
        } else {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                command.add(files.filter(p -> p.getFileName().toString().endsWith("-runner")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no packaged server in target/: run after package (failsafe)"))
                        .toString());
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("WALLETRECON_DB_URL", TestDb.url());
        env.put("WALLETRECON_DB_REACTIVE_URL", TestDb.url().substring("jdbc:".length()));
        env.put("WALLETRECON_MASTER_KEY", "Klp9KytpE4Nk1IRzB8HjziCP0BC81dfG36AxI64V4nY=");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestJwt.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestJwt.ISSUER);
        env.put("WALLETRECON_SCHEDULER_ENABLED", "false");
        env.remove("QUARKUS_LAMBDA_MOCK_EVENT_SERVER_TEST_PORT");
        File log = Path.of("target", "killed-run-server-" + name + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    private static void awaitReady(Process server, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("the server exited with " + server.exitValue() + "; see target/killed-run-server-*.log");
            }
            try {
                if (given().baseUri("http://127.0.0.1:" + port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the server did not become ready in 3 minutes");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
