package io.walletrecon.deploy;

import io.walletrecon.deploy.CodeFacts.CodeRoute;
import io.walletrecon.deploy.CodeFacts.Handler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * infra/template.yaml against the compiled code of core, server, functions/http and functions/jobs (a plain
 * JUnit test: no application starts). It lives in functions/jobs because the reactor builds that module last,
 * after every class it scans. See CONTRIBUTING.md, "The deployment template and its test".
 */
class TemplateMatchesCodeTest {

    private static Path root;
    private static String templateText;
    private static SamTemplate template;
    private static CodeFacts code;

    @BeforeAll
    static void readTemplateAndScanCode() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/template.yaml"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "infra/template.yaml not found above " + Path.of("").toAbsolutePath());
        root = dir;
        templateText = Files.readString(root.resolve("infra/template.yaml"));
        template = SamTemplate.parse(templateText);
        code = CodeFacts.scan(root);
    }

    @Test
    void templateWiresEveryHandlerRouteAndRequiredVariableOfTheCode() {
        List<String> problems = TemplateChecks.problems(template, code);
        assertEquals(List.of(), problems,
                "infra/template.yaml does not match the code:\n  " + String.join("\n  ", problems));
    }

    @Test
    void scanFindsTheNamedHandlersOfTheJobsFunction() {
        List<String> names = code.handlers().stream().filter(h -> h.module().equals("jobs")).map(Handler::name)
                .toList();
        assertTrue(names.containsAll(List.of("db-status", "migrate")), "found " + names);
        assertEquals(names.size(), Set.copyOf(names).size(), "a handler name is used twice: " + names);
    }

    @Test
    void scanFindsTheRoutesWithTheirMethodsAndSecurity() {
        List<String> routes = code.routes().stream()
                .map(r -> r.method() + " " + r.path() + (r.authenticated() ? "" : " public")).toList();
        assertTrue(
                routes.containsAll(
                        List.of("POST /accounts", "GET /accounts", "GET /accounts/{code}", "PATCH /accounts/{code}",
                                "GET /transactions", "GET /admin/audit", "GET /admin/audit/verify")),
                "found " + routes);
    }

    @Test
    void scanFindsTheVariablesWithoutDefaultsAndNotThoseWithDefaults() {
        for (String module : CodeFacts.FUNCTION_MODULES) {
            Set<String> required = code.requiredEnvironment().get(module);
            assertTrue(required.containsAll(List.of("WALLETRECON_DB_URL", "WALLETRECON_DB_REACTIVE_URL",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION")), module + ": " + required);
            // the master key may come from Secrets Manager instead (TemplateSecretsTest checks the template reads it there)
            assertFalse(required.contains("WALLETRECON_MASTER_KEY"), module + ": " + required);
            assertFalse(required.contains("WALLETRECON_DB_POOL_SIZE"), module + ": has a default: " + required);
            assertFalse(required.contains("WALLETRECON_MIGRATE_AT_START"), module + ": has a default: " + required);
        }
    }

    @Test
    void aScheduleValueTheHandlersContractDoesNotKnowIsReported() {
        String typo = replaceOnce(templateText, "\"detail\":{\"kind\":\"day_end\"}",
                "\"detail\":{\"kind\":\"day-end\"}");
        List<String> problems = TemplateChecks.problems(SamTemplate.parse(typo), code);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("schedule MatchingFunction.DayEnd sends "), problems.get(0));
        assertTrue(
                problems.get(0).contains(
                        "unknown matching event kind \"day-end\": expected one of \"incremental\" or \"day_end\""),
                problems.get(0));
    }

    @Test
    void aScheduleThatNamesTheKindInAnotherFieldIsReported() {
        String other = replaceOnce(templateText, "\"detail\":{\"kind\":\"incremental\"}",
                "\"detail\":{\"mode\":\"incremental\"}");
        List<String> problems = TemplateChecks.problems(SamTemplate.parse(other), code);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("schedule MatchingFunction.Incremental sends "), problems.get(0));
        assertTrue(problems.get(0).contains("matching event without \"detail.kind\""), problems.get(0));
    }

    @Test
    void aDetailSentToAHandlerThatReadsNothingFromItsEventIsReported() {
        String ignored = replaceOnce(templateText,
                "Input: '{\"source\":\"walletrecon.scheduler\",\"detail-type\":\"Scheduled Event\"}'\n            RetryPolicy: {MaximumRetryAttempts: 0}",
                "Input: '{\"source\":\"walletrecon.scheduler\",\"detail-type\":\"Scheduled Event\",\"detail\":{\"mode\":\"due-payments\"}}'\n            RetryPolicy: {MaximumRetryAttempts: 0}");
        List<String> problems = TemplateChecks.problems(SamTemplate.parse(ignored), code);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("schedule PaymentDispatchFunction.DuePayments sends "), problems.get(0));
        assertTrue(problems.get(0).contains("would be ignored"), problems.get(0));
    }

    @Test
    void everyScheduleOfEveryFunctionIsChecked() {
        List<String> checked = template.functions().stream().flatMap(f -> f.schedules().stream()).map(Object::toString)
                .sorted().toList();
        assertEquals(List.of("AuditAnchorFunction.Anchor", "MatchingFunction.DayEnd", "MatchingFunction.Incremental",
                "PaymentDispatchFunction.DuePayments"), checked);
    }

    @Test
    void onlyTheMigrateFunctionConnectsAsTheSchemaOwner() {
        for (SamTemplate.Function f : template.functions()) {
            assertEquals("migrate".equals(f.handler()),
                    f.environment().containsKey("WALLETRECON_SECRETS_DATABASE_OWNER_ARN"), f.logicalId());
            assertFalse(f.environment().containsKey("WALLETRECON_DB_OWNER_USER"),
                    f.logicalId() + ": logins come from Secrets Manager, by ARN");
            assertFalse(f.environment().containsKey("WALLETRECON_DB_OWNER_PASSWORD"),
                    f.logicalId() + ": logins come from Secrets Manager, by ARN");
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        assertTrue(text.contains(from), "the template no longer contains " + from + "; update this test");
        return text.replace(from, to);
    }

    @Test
    void aHandlerWithoutAFunctionIsReported() {
        CodeFacts withNewHandler = new CodeFacts(
                append(code.handlers(), new Handler("refunds", "io.walletrecon.jobs.RefundsHandler", "jobs")),
                code.routes(), code.requiredEnvironment());
        assertEquals(List.of(
                "handler 'refunds' (io.walletrecon.jobs.RefundsHandler) has no function in infra/template.yaml: add an "
                        + "AWS::Serverless::Function with CodeUri ../functions/jobs/target/function.zip and "
                        + "Environment.Variables.QUARKUS_LAMBDA_HANDLER: refunds"),
                TemplateChecks.problems(template, withNewHandler));
    }

    @Test
    void aRouteOutsideEveryRoutedPrefixIsReported() {
        CodeFacts withNewRoute = new CodeFacts(code.handlers(),
                append(code.routes(), new CodeRoute("GET", "/ledgers/{id}", true, "core", "LedgerResource.get")),
                code.requiredEnvironment());
        List<String> problems = TemplateChecks.problems(template, withNewRoute);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("route GET /ledgers/{id} (LedgerResource.get) is not routed"),
                problems.get(0));
    }

    @Test
    void aPublicWebhookBehindTheAuthorizerAndASecuredRouteWithoutItAreReported() {
        // The webhook route is the real one (WebhookResource.receive, @PermitAll); the secured route is made up.
        CodeFacts withRoutes = new CodeFacts(code.handlers(), append(code.routes(),
                new CodeRoute("GET", "/q/openapi", true, "core", "Hypothetical.secured")),
                code.requiredEnvironment());
        assertEquals(List.of(), TemplateChecks.problems(template, withRoutes).stream()
                .filter(p -> p.contains("WebhookResource")).toList(), "webhooks are routed without the authorizer");
        List<String> problems = TemplateChecks.problems(template, withRoutes);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("has Auth: {Authorizer: NONE}: remove it"), problems.get(0));

        String webhooksUnderJwt = templateText.replace("Path: '/webhooks/{proxy+}', Auth: {Authorizer: NONE}}",
                "Path: '/webhooks/{proxy+}'}");
        assertTrue(!webhooksUnderJwt.equals(templateText),
                "the template's webhook route changed shape; update this test");
        List<String> jwtProblems = TemplateChecks.problems(SamTemplate.parse(webhooksUnderJwt), code);
        assertEquals(1, jwtProblems.size(), jwtProblems.toString());
        assertTrue(jwtProblems.get(0).contains("puts the JWT authorizer in front of it"), jwtProblems.get(0));
    }

    @Test
    void aMissingEnvironmentVariableIsReportedForEveryFunction() {
        String withoutDbUrl = templateText.replaceAll("(?m)^ +WALLETRECON_DB_URL: .*\\n", "");
        List<String> problems = TemplateChecks.problems(SamTemplate.parse(withoutDbUrl), code);
        assertEquals(template.functions().size(), problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("lacks environment variable WALLETRECON_DB_URL")),
                problems.toString());
    }

    @Test
    void fileReferencesWithoutDefaultAreRequiredAsTheProdProfileSeesThem() {
        Properties file = new Properties();
        file.setProperty("quarkus.datasource.jdbc.url", "${WALLETRECON_DB_URL}");
        file.setProperty("walletrecon.export.bucket", "${WALLETRECON_EXPORTS_BUCKET:${WALLETRECON_DOCUMENTS_BUCKET}}");
        file.setProperty("walletrecon.page-size", "${PAGE_SIZE:50}");
        file.setProperty("%prod.walletrecon.page-size", "${WALLETRECON_PAGE_SIZE}");
        file.setProperty("%dev.walletrecon.master-key", "${DEV_ONLY}");
        Map<String, String> prod = CodeFacts.prodView(file);
        assertEquals(Set.of("WALLETRECON_DB_URL", "WALLETRECON_DOCUMENTS_BUCKET", "WALLETRECON_PAGE_SIZE"),
                CodeFacts.requiredFromFiles(prod));
    }

    @Test
    void routeMatchingFollowsHttpApiRules() {
        assertTrue(TemplateChecks.pathCovers("/accounts/{proxy+}", "/accounts/{code}"));
        assertTrue(TemplateChecks.pathCovers("/accounts/{proxy+}", "/accounts/{code}/credentials"));
        assertFalse(TemplateChecks.pathCovers("/accounts/{proxy+}", "/accounts"));
        assertTrue(TemplateChecks.pathCovers("/accounts/{id}", "/accounts/{code}"));
        assertFalse(TemplateChecks.pathCovers("/accounts/current", "/accounts/{code}"));
        assertFalse(TemplateChecks.pathCovers("/accounts", "/accounts/{code}"));
        assertEquals("/a/{id}/b", CodeFacts.join("/a/", "{id: [0-9]+}/b/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void auroraStackOutputsAreTheApplicationStackDatabaseParameters() throws IOException {
        Yaml yaml = new Yaml(new SamTemplate.CloudFormationConstructor());
        Map<String, Object> aurora = yaml.load(Files.readString(root.resolve("infra/aurora.yaml")));
        Map<String, Object> application = yaml.load(templateText);
        Set<String> parameters = ((Map<String, Object>) application.get("Parameters")).keySet();
        Set<String> outputs = ((Map<String, Object>) aurora.get("Outputs")).keySet();
        for (String wired : List.of("DbClusterIdentifier", "DbSecurityGroupId", "DbSecretArn", "DbName")) {
            assertTrue(outputs.contains(wired) && parameters.contains(wired),
                    wired + ": outputs " + outputs + ", parameters " + parameters);
        }
        // Nothing secret in either file: passwords only as dynamic references resolved by CloudFormation.
        for (String text : List.of(templateText, Files.readString(root.resolve("infra/aurora.yaml")))) {
            assertFalse(text.matches("(?s).*(Password|PASSWORD|Key|KEY): *['\"]?[A-Za-z0-9+/=]{16,}.*"),
                    "literal secret in a template");
        }
    }

    @SafeVarargs
    private static <T> List<T> append(List<T> list, T... more) {
        List<T> copy = new ArrayList<>(list);
        copy.addAll(List.of(more));
        return copy;
    }
}
