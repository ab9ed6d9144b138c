package io.walletrecon.testing;

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
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged server (the JVM jar, or the native executable when the build made one) as a process of its own, on a
 * free loopback port, against the test database and the tests' JWT key, with its production configuration otherwise.
 * For the {@code *ProcessTest} classes, which run after {@code package} (failsafe).
 */
public final class PackagedServer implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final String name;

    private PackagedServer(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    /** Starts the server on {@code port} (logging to target/server-{name}.log) and waits until it is ready. */
    public static PackagedServer start(int port, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (Files.exists(JAR)) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.add("-jar");
            command.add(JAR.toString());
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
        env.putAll(environment);
        File log = Path.of("target", "server-" + name + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        PackagedServer server = new PackagedServer(builder.start(), port, name);
        server.awaitReady();
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue() + "; see target/server-" + name + ".log");
            }
            try {
                if (given().baseUri(baseUri()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the server did not become ready in 3 minutes; see target/server-" + name + ".log");
    }

    /** SIGKILL, as a crash would: nothing of the process runs after it. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
