package io.walletrecon.demo;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/DemoCompany.java, the seeder bin/demo runs, run as bin/demo runs it (a single-file Java program, a process of
 * its own) against the test server over real HTTP, in a company of its own; the month it leaves is read back through
 * the API.
 */
@QuarkusTest
class DemoCompanyTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final Path SEEDER = Path.of("..", "bin", "DemoCompany.java");
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final List<String> ACCOUNTS = List.of("demo-alipay", "demo-bank-cny", "demo-bank-eur", "demo-stripe",
            "demo-wechat");

    final TestCompanies.Company company = TestCompanies.create("demo");

    @Test
    void theDemoMonthIsMatchedWithOnlyThePlantedExceptionsOpenAndSeedingAgainAddsNothing() throws Exception {
        Path keys = Files.createTempDirectory("demo-keys").resolve("demo.keys");
        // compiled once here (what `java bin/DemoCompany.java` does at every start), then run twice
        Path classes = Files.createTempDirectory("demo-classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                SEEDER.toString()), "bin/DemoCompany.java compiles");
        String first = seed(classes, keys);

        List<Map<String, Object>> accounts = given().header("Authorization", TestJwt.bearer("ada", "admin"))
                .queryParam("company", company.code()).when().get("/accounts").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertEquals(ACCOUNTS, accounts.stream().map(a -> (String) a.get("code")).sorted().toList());

        JsonPath overview = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("company", company.code()).queryParam("from", MONTH.atDay(1).toString())
                .queryParam("to", MONTH.atEndOfMonth().toString()).when().get("/reports/overview").then()
                .statusCode(200).extract().jsonPath();
        for (String account : ACCOUNTS) {
            double share = Double.parseDouble(overview.getString(
                    "accounts.find { it.account == '" + account + "' }.matchedShare"));
            assertTrue(share > 0, () -> account + " matched nothing: " + overview.prettify());
        }

        // the planted exceptions and nothing else: the yuan transfer nobody can name, the euro invoice paid short;
        // the banks' fees are classified, not raised
        assertEquals(List.of("amount_mismatch demo-bank-eur open", "unidentified_receipt demo-bank-cny open"),
                exceptions(), first);
        assertEquals(2, list("/exceptions", Map.of("status", "open")).getInt("total"));
        // every invoice paid but the two not due yet and the one paid short
        assertEquals(9, list("/receivables", Map.of("status", "paid")).getInt("total"));

        JsonPath waiting = list("/payments", Map.of("state", "pending_approval"));
        assertEquals(1, waiting.getInt("total"), waiting::prettify);
        assertEquals("Hamburg Print GmbH", waiting.getString("items[0].beneficiary.name"));
        assertTrue(first.contains("dev-approver"), first);

        Map<String, Object> before = state();
        String second = seed(classes, keys);
        assertEquals(before, state(), second);
        assertTrue(second.contains("nothing added"), second);
    }

    /** Runs the seeder as a process of its own, as bin/demo does; its output. */
    String seed(Path classes, Path keys) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "DemoCompany", "--api", TestHTTPResourceManager.getUri(),
                "--keys", keys.toString(), "--month", MONTH.toString(), "--company", company.code())
                .redirectErrorStream(true);
        builder.environment().put("DEMO_ADMIN_TOKEN", TestJwt.token("demo-admin", "admin", "finance"));
        builder.environment().put("DEMO_APPROVER_TOKEN", TestJwt.token("demo-approver", "approver", "finance"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the seeder did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    List<String> exceptions() {
        List<Map<String, Object>> items = list("/exceptions", Map.of()).getList("items");
        return items.stream().map(e -> e.get("type") + " " + e.get("account") + " " + e.get("status")).sorted()
                .toList();
    }

    JsonPath list(String path, Map<String, String> query) {
        return given().header("Authorization", FINANCE).queryParam("company", company.code())
                .queryParam("size", 500).queryParams(query).when().get(path).then().statusCode(200).extract()
                .jsonPath();
    }

    /** How many of everything the demo writes the API shows. */
    Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>();
        for (String path : List.of("/customers", "/receivables", "/statements", "/exceptions", "/payments")) {
            state.put(path, list(path, Map.of()).getInt("total"));
        }
        for (String account : ACCOUNTS) {
            state.put("matches " + account, list("/matches", Map.of("account", account)).getInt("total"));
            if (!account.startsWith("demo-bank")) {
                state.put("transactions " + account, list("/transactions", Map.of("account", account,
                        "from", MONTH.atDay(1).toString(), "to", MONTH.atEndOfMonth().toString())).getInt("total"));
            }
        }
        return state;
    }
}
