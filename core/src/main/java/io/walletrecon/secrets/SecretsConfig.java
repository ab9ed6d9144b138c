package io.walletrecon.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * Secrets read from AWS Secrets Manager when the application starts, named by ARN under
 * {@code walletrecon.secrets.*}: the values themselves never appear in an environment variable, a template or a file.
 * Read by {@link SecretsConfigSourceFactory} (before CDI exists); this mapping documents and validates the keys.
 */
@ConfigMapping(prefix = "walletrecon.secrets")
public interface SecretsConfig {

    /**
     * Secret whose plain SecretString is the master key (base64 of 32 bytes); env WALLETRECON_SECRETS_MASTER_KEY_ARN.
     */
    @WithName("master-key-arn")
    Optional<String> masterKeyArn();

    /**
     * Secret with the database login as RDS writes it, JSON {@code {"username": ..., "password": ...}};
     * env WALLETRECON_SECRETS_DATABASE_ARN.
     */
    @WithName("database-arn")
    Optional<String> databaseArn();

    /**
     * Secret with the schema owner's login (same JSON), used by Flyway only: set on the function that migrates, never
     * on the others, whose application role may not change or delete audit rows; env
     * WALLETRECON_SECRETS_DATABASE_OWNER_ARN.
     */
    @WithName("database-owner-arn")
    Optional<String> databaseOwnerArn();

    /**
     * Secret whose plain SecretString is the Stripe secret API key (sk_...); env
     * WALLETRECON_SECRETS_STRIPE_API_KEY_ARN.
     */
    @WithName("stripe-api-key-arn")
    Optional<String> stripeApiKeyArn();

    /** The console's OpenID Connect client secret (plain string), read as {@code quarkus.oidc.credentials.secret}. */
    @WithName("oidc-client-secret-arn")
    Optional<String> oidcClientSecretArn();

    /** Overrides the SDK's region chain (AWS_REGION); by default the region of the ARN is used. */
    Optional<String> region();

    /** Another Secrets Manager endpoint than AWS's (a fake one in tests). */
    Optional<String> endpoint();

    /**
     * Static credentials, for endpoints outside AWS; without them the SDK's default chain (the Lambda role) applies.
     */
    @WithName("access-key-id")
    Optional<String> accessKeyId();

    @WithName("secret-access-key")
    Optional<String> secretAccessKey();
}
