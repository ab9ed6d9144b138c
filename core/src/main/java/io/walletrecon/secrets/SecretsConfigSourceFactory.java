package io.walletrecon.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the secrets named in {@link SecretsConfig} from AWS Secrets Manager once, when the configuration is built
 * at start, and offers them as configuration: the master key as {@code walletrecon.master-key}, the database login
 * as {@code quarkus.datasource.username}/{@code password}, the schema owner's login (migrations only) as
 * {@code quarkus.flyway.username}/{@code password}, the Stripe key as
 * {@code walletrecon.dispatch.stripe.api-key}, the console's OpenID client secret as
 * {@code quarkus.oidc.credentials.secret}. Nothing is read when no ARN is set (the server, tests, local runs).
 * A secret that cannot be read stops the start with a message naming the ARN, never the value.
 *
 * <p>Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}. Its ordinal,
 * {@value #ORDINAL}, is above the application's files and below environment variables and system properties, so an
 * operator can still override one value explicitly.
 */
public class SecretsConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 290;
    static final String PREFIX = "walletrecon.secrets.";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String masterKey = value(context, "master-key-arn");
        String database = value(context, "database-arn");
        String owner = value(context, "database-owner-arn");
        String stripe = value(context, "stripe-api-key-arn");
        String oidc = value(context, "oidc-client-secret-arn");
        if (masterKey == null && database == null && owner == null && stripe == null && oidc == null) {
            return List.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (SecretsManagerClient client = client(context, first(masterKey, database, owner, stripe, oidc))) {
            if (masterKey != null) {
                values.put("walletrecon.master-key", read(client, masterKey).trim());
            }
            if (database != null) {
                JsonNode login = login(database, read(client, database));
                values.put("quarkus.datasource.username", login.get("username").asText());
                values.put("quarkus.datasource.password", login.get("password").asText());
            }
            if (owner != null) {
                JsonNode login = login(owner, read(client, owner));
                values.put("quarkus.flyway.username", login.get("username").asText());
                values.put("quarkus.flyway.password", login.get("password").asText());
            }
            if (stripe != null) {
                values.put("walletrecon.dispatch.stripe.api-key", read(client, stripe).trim());
            }
            if (oidc != null) {
                values.put("quarkus.oidc.credentials.secret", read(client, oidc).trim());
            }
        }
        return List.of(new MapBackedConfigSource("walletrecon secrets from Secrets Manager", values, ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String key) {
        ConfigValue v = context.getValue(PREFIX + key);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().trim();
    }

    private static String first(String... arns) {
        for (String arn : arns) {
            if (arn != null) {
                return arn;
            }
        }
        return null;
    }

    static SecretsManagerClient client(ConfigSourceContext context, String anArn) {
        SecretsManagerClientBuilder b = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String region = value(context, "region");
        if (region == null) {
            region = regionOf(anArn);
        }
        if (region != null) {
            b.region(Region.of(region));
        }
        String endpoint = value(context, "endpoint");
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        String keyId = value(context, "access-key-id");
        String secretKey = value(context, "secret-access-key");
        if ((keyId == null) != (secretKey == null)) {
            throw new IllegalStateException(
                    PREFIX + "access-key-id and secret-access-key go together; set both or neither");
        }
        if (keyId != null) {
            b.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secretKey)));
        }
        return b.build();
    }

    /** arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME: the region, or null for something that is not such an ARN. */
    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("secretsmanager") && !parts[3].isEmpty()
                ? parts[3]
                : null;
    }

    private static String read(SecretsManagerClient client, String arn) {
        String value;
        try {
            value = client.getSecretValue(GetSecretValueRequest.builder().secretId(arn).build()).secretString();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The secret " + arn + " could not be read from Secrets Manager ("
                    + e.getClass().getSimpleName() + "); check that it exists and that the function's role may read it",
                    e);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The secret " + arn + " has no SecretString");
        }
        return value;
    }

    private static JsonNode login(String arn, String secret) {
        try {
            JsonNode node = JSON.readTree(secret);
            if (node != null && node.hasNonNull("username") && node.hasNonNull("password")) {
                return node;
            }
        } catch (IOException e) {
            // answered below, without the secret's text
        }
        throw new IllegalStateException(
                "The secret " + arn + " must be JSON with username and password (as RDS writes it)");
    }
}
