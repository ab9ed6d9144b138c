package io.walletrecon.secrets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.config.WalletreconConfig;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * As deployed: the master key, the database login and the Stripe key are read at start from Secrets Manager by ARN
 * (a fake on loopback here), and bearer tokens must name the configured audience and be younger than the maximum age.
 */
@QuarkusTest
@TestProfile(CloudConfigurationTest.Cloud.class)
class CloudConfigurationTest {

    static final String AUDIENCE = "walletrecon-api";

    public static class Cloud implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSecretsManager.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.audiences", AUDIENCE);
        }
    }

    @Inject
    WalletreconConfig config;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @ConfigProperty(name = "walletrecon.secrets.endpoint")
    String secretsEndpoint;

    @Test
    void secretsAreReadAtStartFromSecretsManagerByArn() {
        assertEquals(FakeSecretsManager.MASTER_KEY, config.masterKey());
        assertEquals(FakeSecretsManager.DB_PASSWORD, databasePassword);
        // the test suite's provider stub configures its own Stripe key above every file, so look at the source itself
        ConfigSource secrets = StreamSupport.stream(ConfigProvider.getConfig().getConfigSources().spliterator(), false)
                .filter(s -> s.getName().equals("walletrecon secrets from Secrets Manager")).findFirst().orElseThrow();
        assertEquals(FakeSecretsManager.STRIPE_KEY, secrets.getValue("walletrecon.dispatch.stripe.api-key"));
        assertEquals(FakeSecretsManager.DB_USER, secrets.getValue("quarkus.datasource.username"));
        assertEquals(FakeSecretsManager.MASTER_KEY, secrets.getValue("walletrecon.master-key"));
        int port = URI.create(secretsEndpoint).getPort();
        for (String arn : List.of(FakeSecretsManager.MASTER_KEY_ARN, FakeSecretsManager.DATABASE_ARN,
                FakeSecretsManager.STRIPE_ARN)) {
            assertEquals(true, FakeSecretsManager.reads(port, arn) >= 1, arn + " was read");
        }
        // the application runs on them: the database answers and credentials are encrypted under the secret master key
        given().header("Authorization", bearer(AUDIENCE)).when().get("/accounts").then().statusCode(200);
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() {
        given().header("Authorization", bearer("another-api")).when().get("/accounts").then().statusCode(401);
        given().header("Authorization", bearer(null)).when().get("/accounts").then().statusCode(401);
        given().header("Authorization", bearer(AUDIENCE)).when().get("/accounts").then().statusCode(200);
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIsRefusedWhateverItsExpiry() {
        long now = Instant.now().getEpochSecond();
        String old = TestJwt.token("ada", AUDIENCE, now - 13 * 3600, now + 3600, "admin");
        given().header("Authorization", "Bearer " + old).when().get("/accounts").then().statusCode(401);
        String fresh = TestJwt.token("ada", AUDIENCE, now - 11 * 3600, now + 3600, "admin");
        given().header("Authorization", "Bearer " + fresh).when().get("/accounts").then().statusCode(200);
    }

    private static String bearer(String audience) {
        long now = Instant.now().getEpochSecond();
        return "Bearer " + TestJwt.token("ada", audience, now, now + 3600, "admin");
    }
}
