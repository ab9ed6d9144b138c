package io.walletrecon.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets stay out of the functions' configuration: every function gets the secrets' ARNs (and the policy to read
 * them at start, io.walletrecon.secrets), never a value, and nothing in the template resolves a secret into a
 * variable at deploy time. A plain JUnit test over infra/template.yaml.
 */
class TemplateSecretsTest {

    static final List<String> ARN_VARIABLES = List.of("WALLETRECON_SECRETS_MASTER_KEY_ARN",
            "WALLETRECON_SECRETS_DATABASE_ARN",
            "WALLETRECON_SECRETS_STRIPE_API_KEY_ARN");
    static final List<String> SECRET_VALUES = List.of("WALLETRECON_MASTER_KEY", "WALLETRECON_DB_PASSWORD",
            "WALLETRECON_DISPATCH_STRIPE_API_KEY",
            "QUARKUS_DATASOURCE_PASSWORD");

    private static String text;
    private static SamTemplate template;
    private static Map<String, Object> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/template.yaml"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "infra/template.yaml not found");
        text = Files.readString(dir.resolve("infra/template.yaml"));
        template = SamTemplate.parse(text);
        Map<String, Object> root = (Map<String, Object>) new Yaml(new SamTemplate.CloudFormationConstructor())
                .load(text);
        resources = (Map<String, Object>) root.get("Resources");
    }

    @Test
    void everyFunctionGetsTheSecretsArnsAndNoSecretValue() {
        assertFalse(template.functions().isEmpty());
        for (SamTemplate.Function function : template.functions()) {
            for (String variable : ARN_VARIABLES) {
                assertTrue(function.environment().containsKey(variable), function.logicalId() + " lacks " + variable);
            }
            for (String variable : SECRET_VALUES) {
                assertFalse(function.environment().containsKey(variable), function.logicalId() + " sets " + variable
                        + " in its environment; give it the secret's ARN instead");
            }
        }
    }

    @Test
    void nothingResolvesASecretAtDeployTime() {
        assertFalse(Pattern.compile("\\{\\{resolve:(secretsmanager|ssm-secure):").matcher(text).find(),
                "a {{resolve:secretsmanager:...}} puts the secret's value into the deployed configuration");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionMayReadItsSecrets() {
        for (SamTemplate.Function function : template.functions()) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resources
                    .get(function.logicalId())).get("Properties");
            List<Object> policies = (List<Object>) properties.getOrDefault("Policies", List.of());
            assertTrue(policies.stream().anyMatch(p -> p instanceof SamTemplate.Intrinsic i && i.name().equals("Ref")
                    && i.argument().equals("SecretsReadPolicy")),
                    function.logicalId() + " cannot read its secrets: add !Ref SecretsReadPolicy");
        }
        Map<String, Object> policy = (Map<String, Object>) resources.get("SecretsReadPolicy");
        assertEquals("AWS::IAM::ManagedPolicy", policy.get("Type"));
        assertTrue(policy.toString().contains("secretsmanager:GetSecretValue"), policy.toString());
    }

    @Test
    void statementLinksPointAtTheDeployedApi() {
        for (SamTemplate.Function function : template.functions()) {
            Object url = function.environment().get("WALLETRECON_PUBLIC_BASE_URL");
            assertTrue(url != null && url.toString().contains("PublicBaseUrl"), function.logicalId() + ": " + url);
        }
    }
}
