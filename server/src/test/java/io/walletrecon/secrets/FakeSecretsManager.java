package io.walletrecon.secrets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * AWS Secrets Manager on loopback (WireMock speaking its JSON protocol: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}) holding the three secrets the application reads at start,
 * and the application configured with their ARNs only. The values differ from every test default, so a test can
 * tell that they came from here.
 */
public class FakeSecretsManager implements QuarkusTestResourceLifecycleManager {

    public static final String MASTER_KEY_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:walletrecon/master-key-AbCdEf";
    public static final String DATABASE_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:walletrecon/db-GhIjKl";
    public static final String STRIPE_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:walletrecon/stripe-MnOpQr";
    /** Base64 of 32 bytes, not the key the test profile configures. */
    public static final String MASTER_KEY = "c2VjcmV0cy1tYW5hZ2VyLW1hc3Rlci1rZXktMzJieXQ=";
    public static final String STRIPE_KEY = "sk_test_from_secrets_manager_51Hx";
    public static final String DB_USER = "walletrecon";
    public static final String DB_PASSWORD = "walletrecon";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        secret(MASTER_KEY_ARN, MASTER_KEY);
        secret(DATABASE_ARN,
                "{\"username\":\"" + DB_USER + "\",\"password\":\"" + DB_PASSWORD + "\",\"engine\":\"postgres\"}");
        secret(STRIPE_ARN, STRIPE_KEY);
        return Map.of("walletrecon.secrets.master-key-arn", MASTER_KEY_ARN,
                "walletrecon.secrets.database-arn", DATABASE_ARN,
                "walletrecon.secrets.stripe-api-key-arn", STRIPE_ARN,
                "walletrecon.secrets.endpoint", server.baseUrl(),
                "walletrecon.secrets.access-key-id", "AKIDFAKESECRETS",
                "walletrecon.secrets.secret-access-key", "fake-secrets-manager-key-for-tests-only");
    }

    private void secret(String arn, String value) {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        String json = "{\"ARN\":\"" + arn + "\",\"Name\":\"" + name + "\",\"VersionId\":\"v1\",\"SecretString\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(value).toString() + ",\"CreatedDate\":1.7e9}";
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + arn + "\"}", true, true))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(json)));
    }

    /** How often each ARN was read, from the fake's request journal. */
    public static int reads(int port, String arn) {
        return new WireMock("127.0.0.1", port)
                .find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(equalToJson("{\"SecretId\":\"" + arn + "\"}", true, true)))
                .size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
