package io.walletrecon.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the Lambda functions' {@code @QuarkusIntegrationTest}s: points RestAssured at quarkus-amazon-lambda's mock
 * event server ({@code @QuarkusTest} does this by itself; an integration test points RestAssured at the
 * application's HTTP port, which a function does not serve).
 */
public final class LambdaMockServer {

    private LambdaMockServer() {
    }

    public static void useForRestAssured() {
        // Only the native executable polls the Lambda runtime API (Quarkus starts the poll loop for native builds
        // only; the JVM jar is driven by AWS's Java runtime), so against the jar these tests could only time out.
        String executable = System.getProperty("native.image.path");
        Assumptions.assumeTrue(executable != null && Files.isRegularFile(Path.of(executable)),
                "Lambda integration tests run against the native executable only (./mvnw verify -Dnative)");
        String port = System.getProperty("quarkus.lambda.mock-event-server.test-port",
                System.getenv().getOrDefault("QUARKUS_LAMBDA_MOCK_EVENT_SERVER_TEST_PORT", "8081"));
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = Integer.parseInt(port);
    }
}
