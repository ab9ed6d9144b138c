package io.walletrecon.nativeimage;

import io.walletrecon.jobs.DbStatusHandler;
import io.walletrecon.testing.BuildTimeInitialisation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each application's native settings, read from its {@code application.properties} and {@code pom.xml} the way the
 * native build reads them (a plain JUnit test, like TemplateMatchesCodeTest: functions/jobs is built last). A class or
 * package named in {@code --initialize-at-run-time}/{@code --initialize-at-build-time} must exist (a typo silently
 * brings back the build failure it was meant to fix), a class initialised at build time must leave nothing in the
 * image heap that cannot be there, and an application that draws with AWT must carry what drawing needs.
 */
class NativeBuildSettingsTest {

    static final List<String> APPLICATIONS = List.of("server", "functions/http", "functions/intake", "functions/jobs");
    static final String OPENPDF_FONTS = "com/lowagie/text/pdf/fonts/**";
    /** The CJK font every PDF embeds ({@code reports.PdfFonts}). */
    static final String PDF_FONT = "io/walletrecon/reports/fonts/**";

    private static final Path ROOT = root();

    @Test
    void everyClassOrPackageNamedForInitialisationExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String app : APPLICATIONS) {
            for (String name : initialisation(app, "--initialize-at-run-time=")) {
                if (!exists(name)) {
                    problems.add(app + ": --initialize-at-run-time names " + name
                            + ", which is neither a class nor a package on the class path");
                }
            }
            for (String name : initialisation(app, "--initialize-at-build-time=")) {
                if (!exists(name)) {
                    problems.add(app + ": --initialize-at-build-time names " + name
                            + ", which is neither a class nor a package on the class path");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void classesInitialisedAtBuildTimeByConfigurationHoldNothingAnImageHeapRefuses() throws IOException {
        List<String> classes = new ArrayList<>();
        for (String app : APPLICATIONS) {
            initialisation(app, "--initialize-at-build-time=").stream().filter(NativeBuildSettingsTest::isClass)
                    .forEach(classes::add);
        }
        assertEquals(List.of(), BuildTimeInitialisation.problems(classes, getClass().getClassLoader()));
    }

    @Test
    void theJobsFunctionsOwnClassesHoldNothingAnImageHeapRefuses() {
        List<String> classes = BuildTimeInitialisation
                .classesUnder(BuildTimeInitialisation.classesOf(DbStatusHandler.class));
        assertFalse(classes.isEmpty());
        assertEquals(List.of(), BuildTimeInitialisation.problems(classes, getClass().getClassLoader()));
    }

    @Test
    void applicationsThatDrawWithAwtCarryFontsAndInitialiseJFreeChartAtRunTime() throws IOException {
        Map<String, String> problems = new TreeMap<>();
        int drawing = 0;
        for (String app : APPLICATIONS) {
            if (!Files.readString(ROOT.resolve(app).resolve("pom.xml"))
                    .contains("<artifactId>quarkus-awt</artifactId>")) {
                continue;
            }
            drawing++;
            Properties p = properties(app);
            List<String> includes = List.of(p.getProperty("quarkus.native.resources.includes", "").split(","));
            if (!includes.contains(OPENPDF_FONTS)) {
                problems.put(app,
                        "quarkus.native.resources.includes lacks " + OPENPDF_FONTS + " (OpenPDF's font metrics)");
            }
            if (!includes.contains(PDF_FONT)) {
                problems.put(app, "quarkus.native.resources.includes lacks " + PDF_FONT
                        + " (the CJK font every PDF embeds)");
            }
            if (!initialisation(app, "--initialize-at-run-time=").contains("org.jfree")) {
                problems.put(app,
                        "--initialize-at-run-time lacks org.jfree (JFreeChart's static colours, fonts and shapes)");
            }
        }
        assertTrue(drawing >= 2, "server and functions/http draw charts");
        assertEquals(Map.of(), problems);
    }

    @Test
    void theIntakeFunctionCarriesNoDrawingNoJdbcAndNoFlyway() throws IOException {
        String pom = Files.readString(ROOT.resolve("functions/intake/pom.xml"));
        assertFalse(pom.contains("<artifactId>quarkus-awt</artifactId>"), "intake draws nothing");
        for (String excluded : List.of("quarkus-flyway", "quarkus-agroal", "quarkus-jdbc-postgresql")) {
            assertTrue(
                    pom.contains("<exclusion><groupId>io.quarkus</groupId><artifactId>" + excluded
                            + "</artifactId></exclusion>"),
                    "functions/intake excludes " + excluded + " from core");
        }
        assertEquals("", properties("functions/intake").getProperty("quarkus.native.resources.includes", ""));
    }

    /** The names listed after {@code option} in the application's quarkus.native.additional-build-args. */
    static List<String> initialisation(String app, String option) throws IOException {
        String args = properties(app).getProperty("quarkus.native.additional-build-args", "");
        List<String> names = new ArrayList<>();
        // the list separator is an unescaped comma; "\," inside one argument is a literal comma
        for (String arg : args.split("(?<!\\\\),")) {
            String a = arg.trim().replace("\\,", ",");
            if (a.startsWith(option)) {
                Arrays.stream(a.substring(option.length()).split(",")).map(String::trim).filter(n -> !n.isEmpty())
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static Properties properties(String app) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files
                .newBufferedReader(ROOT.resolve(app).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static boolean isClass(String name) {
        return NativeBuildSettingsTest.class.getClassLoader().getResource(name.replace('.', '/') + ".class") != null;
    }

    private static boolean exists(String name) {
        return isClass(name)
                || NativeBuildSettingsTest.class.getClassLoader().getResource(name.replace('.', '/') + "/") != null;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("functions/intake"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "the repository root (with functions/intake) is not above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
