package io.walletrecon.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement and bill file of the shared conformance corpus ({@code ../shared/conformance} beside the
 * repository root; other projects' files, read in place and never copied here) through {@code POST /statements},
 * compared with the expected results in its PROVENANCE.md: bank-valid files accepted with their exact balances,
 * sums and line counts; faulty ones refused with a 422 naming a line; unsupported ones answered without a 5xx.
 * Files found there without an expectation (added later) must at least never produce a 5xx. Skipped, saying so,
 * when the folder is absent.
 */
@QuarkusTest
class StatementConformanceTest {

    static final String FINANCE = TestJwt.bearer("conformance", "finance");
    private static final Pattern ACCOUNT_FIELD = Pattern.compile("(?m)^:25:(.+)$");
    private static final Pattern OTHER_CURRENCY = Pattern.compile("the statement is in ([A-Z]{3}) but account");

    /** The corpus folder: {@code shared/conformance} beside the repository root (the directory holding mvnw). */
    static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null
                ? Path.of("/nonexistent")
                : dir.getParent().resolve("shared").resolve("conformance");
    }

    @Test
    void everyFileOfTheCorpusGivesItsExpectedResult() throws IOException {
        Path root = corpus();
        Assumptions.assumeTrue(Files.isDirectory(root), "skipped: no conformance corpus at " + root);
        JsonNode expected = expectations(root.resolve("PROVENANCE.md"));
        List<String> mismatches = new ArrayList<>();
        List<String> report = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !root.relativize(p).toString().startsWith("webhooks")).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            JsonNode e = expected.path(name);
            String outcome = check(name, Files.readAllBytes(file), e, mismatches);
            report.add(String.format("%-62s %-17s %s", name, e.path("expect").asText("(none)"), outcome));
        }
        System.out.println("Conformance corpus " + root + ":\n" + String.join("\n", report));
        assertTrue(mismatches.isEmpty(), "conformance mismatches:\n" + String.join("\n", mismatches));
    }

    private String check(String name, byte[] file, JsonNode e, List<String> mismatches) {
        String expect = e.path("expect").asText("");
        String currency = e.path("currency").asText("EUR");
        List<String> codes = new ArrayList<>();
        Response r;
        if (e.path("multi_account").asBoolean()) {
            // A file of many accounts goes to the accounts whose numbers it names: give each of them an account.
            for (String number : accountsIn(new String(file, StandardCharsets.ISO_8859_1))) {
                String code = TestData.unique("conf");
                Accounts.createBank(code, currency, "Europe/Berlin", number);
                codes.add(code);
            }
            r = post(null, file);
        } else {
            String zone = name.startsWith("bills/") ? "Asia/Shanghai" : "Europe/Berlin";
            String code = TestData.unique("conf");
            Accounts.createBank(code, currency, zone);
            codes.add(code);
            r = post(code, file);
            String detail = r.path("detail");
            Matcher other = OTHER_CURRENCY.matcher(detail == null ? "" : detail);
            if (!e.has("currency") && r.statusCode() == 422 && other.find()) {
                // No expected currency (an unsupported format): give it an account in the currency it states.
                code = TestData.unique("conf");
                Accounts.createBank(code, other.group(1), zone);
                codes.add(code);
                r = post(code, file);
            }
        }
        int status = r.statusCode();
        String outcome = status
                + (status == 422 ? " " + r.path("detail") : " " + r.path("format") + ", " + r.path("lines") + " lines");
        if (status >= 500) {
            mismatches.add(name + ": answered " + status + " " + r.asString());
            return outcome;
        }
        switch (expect) {
            case "import" -> {
                if (status != 201) {
                    mismatches.add(name + ": expected to be imported, got " + status + " " + r.asString());
                } else {
                    compare(name, e, codes, mismatches);
                }
            }
            case "import-or-reject" -> {
                if (status == 201) {
                    compare(name, e, codes, mismatches);
                } else if (status != 422) {
                    mismatches.add(name + ": expected 201 or 422, got " + status);
                }
            }
            case "reject" -> {
                Object line = r.path("errors[0].line");
                if (status != 422 || line == null) {
                    mismatches.add(name + ": expected a 422 naming a line, got " + status + " " + r.asString());
                } else {
                    long stored = codes.stream().mapToLong(StatementConformanceTest::statementCount).sum();
                    if (stored != 0) {
                        mismatches.add(name + ": refused but stored " + stored + " statements");
                    }
                }
            }
            default -> {
                // unsupported, or a file without expectation: any answer but a 5xx (checked above)
            }
        }
        return outcome;
    }

    private static void compare(String name, JsonNode e, List<String> codes, List<String> mismatches) {
        long lines = 0;
        long sum = 0;
        long fees = 0;
        long unbalanced = 0;
        long otherCurrency = 0;
        for (String code : codes) {
            long id = TestDb.count("select id from accounts where code = ?", code);
            lines += TestDb.count("select count(*) from statement_lines where account_id = ?", id);
            sum += TestDb.count("select coalesce(sum(amount_minor), 0) from statement_lines where account_id = ?", id);
            fees += TestDb.count("select coalesce(sum(fee_minor), 0) from statement_lines where account_id = ?", id);
            unbalanced += TestDb.count(
                    """
                            select count(*) from statements s where s.account_id = ? and s.opening_balance_minor is not null
                               and s.opening_balance_minor + (select coalesce(sum(l.amount_minor), 0) from statement_lines l where l.statement_id = s.id)
                                   <> s.closing_balance_minor""",
                    id);
            otherCurrency += TestDb.count("select count(*) from statements where account_id = ? and currency <> ?", id,
                    e.path("currency").asText("EUR"));
        }
        Set<Long> acceptable = new LinkedHashSet<>();
        if (e.path("lines").isArray()) {
            e.path("lines").forEach(n -> acceptable.add(n.asLong()));
        } else if (e.has("lines")) {
            acceptable.add(e.path("lines").asLong());
        }
        if (!acceptable.isEmpty() && !acceptable.contains(lines)) {
            mismatches.add(name + ": " + lines + " lines stored, expected " + acceptable);
        }
        if (e.has("sum") && e.path("sum").asLong() != sum) {
            mismatches.add(name + ": lines sum to " + sum + ", expected " + e.path("sum").asLong());
        }
        if (e.has("fees") && e.path("fees").asLong() != fees) {
            mismatches.add(name + ": fees " + fees + ", expected " + e.path("fees").asLong());
        }
        if (e.has("opening") && codes.size() == 1) {
            long id = TestDb.count("select id from accounts where code = ?", codes.get(0));
            long opening = TestDb
                    .count("select opening_balance_minor from statements where account_id = ? order by id limit 1", id);
            long closing = TestDb.count(
                    "select closing_balance_minor from statements where account_id = ? order by id desc limit 1", id);
            if (opening != e.path("opening").asLong() || closing != e.path("closing").asLong()) {
                mismatches.add(name + ": balances " + opening + " -> " + closing + ", expected "
                        + e.path("opening").asLong() + " -> "
                        + e.path("closing").asLong());
            }
        }
        if (otherCurrency != 0) {
            mismatches.add(name + ": " + otherCurrency + " statements not in " + e.path("currency").asText("EUR"));
        }
        if (unbalanced != 0) {
            mismatches.add(name + ": " + unbalanced + " stored statements do not add up");
        }
    }

    private static long statementCount(String code) {
        return TestDb.count("select count(*) from statements s join accounts a on a.id = s.account_id where a.code = ?",
                code);
    }

    private static Response post(String account, byte[] file) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream").body(file);
        if (account != null) {
            req = req.queryParam("account", account);
        }
        return req.when().post("/statements").then().extract().response();
    }

    /** The distinct :25: account numbers of an MT940 file, in the form accounts store them. */
    private static Set<String> accountsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ACCOUNT_FIELD.matcher(text);
        while (m.find()) {
            out.add(io.walletrecon.accounts.AccountNumbers.normalise(m.group(1).strip()));
        }
        return out;
    }

    /** The JSON block of PROVENANCE.md: file → expected result. */
    static JsonNode expectations(Path provenance) throws IOException {
        String md = Files.readString(provenance, StandardCharsets.UTF_8);
        int start = md.indexOf("```json");
        if (start < 0) {
            return new ObjectMapper().createObjectNode();
        }
        int end = md.indexOf("```", start + 7);
        return new ObjectMapper().readTree(md.substring(start + 7, end));
    }
}
