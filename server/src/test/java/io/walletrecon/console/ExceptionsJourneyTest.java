package io.walletrecon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.matching.BankFiles;
import io.walletrecon.testing.ConsoleBrowsers;
import io.walletrecon.testing.MatchingRuns;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.testing.ConsoleBrowsers.language;
import static io.walletrecon.testing.ConsoleBrowsers.send;
import static io.walletrecon.testing.ConsoleBrowsers.shotBoth;
import static io.walletrecon.testing.ConsoleBrowsers.signIn;
import static io.walletrecon.testing.ConsoleBrowsers.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finance person works a bank account's exceptions in a real browser: the queue filtered by type and age, one
 * exception assigned from the queue and closed with a reason, a credit that fits two invoices matched by hand to one
 * of them in the workbench (the candidates with their evidence), an unidentified credit claimed for the customer
 * whose name its payer bears, and the claim in the exception's audit trail. The data comes in through the public
 * API: an account, customers, invoices, a camt.053 statement and a matching run.
 */
@QuarkusTest
class ExceptionsJourneyTest {

    static final String ADMIN = TestJwt.bearer("exceptions-admin", "admin", "finance");

    @RegisterExtension
    final ConsoleBrowsers browsers = new ConsoleBrowsers();

    private static JsonPath post(String path, Object body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).when().post(path)
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
    }

    private static long customer(String name) {
        return post("/customers", Map.of("externalId", TestData.unique("C"), "name", name)).getLong("id");
    }

    private static long receivable(long customer, String reference, String amount, LocalDate due) {
        return post("/receivables", Map.of("customerId", customer, "reference", reference, "amount", amount,
                "currency", "EUR", "issueDate", due.minusDays(30).toString(), "dueDate", due.toString()))
                .getLong("id");
    }

    private static JsonPath exceptions(String account, String type) {
        return given().header("Authorization", ADMIN).queryParam("account", account).queryParam("type", type)
                .when().get("/exceptions").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath exception(long id) {
        return given().header("Authorization", ADMIN).when().get("/exceptions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void financeFiltersAssignsResolvesMatchesByHandClaimsAndReadsTheAuditTrail() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        LocalDate to = from.plusDays(27);
        String account = TestData.unique("jbank");
        post("/accounts", Map.of("code", account, "provider", "bank", "name", "Journey Bank " + account,
                "currency", "EUR", "timeZone", "Europe/Berlin"));
        String tag = account.substring(account.length() - 6).toUpperCase();
        long first = customer("Erste Kunde GmbH " + tag);
        long early = receivable(first, "INV-E-" + tag, "300.00", from.plusDays(9));
        receivable(customer("Zweite Kunde GmbH " + tag), "INV-Z-" + tag, "300.00", from.plusDays(11));
        long muster = customer("Muster Handels AG " + tag);
        String statement = BankFiles.camt053(account, "ST-" + tag, 1, from, to, List.of(
                BankFiles.Credit.of(30000, from.plusDays(10).toString(), "UNBEKANNT", "FR7630006000011234567890189",
                        "Zahlung danke"),
                BankFiles.Credit.of(7700, from.plusDays(12).toString(), "MUSTER HANDELS AG " + tag,
                        "DE02120300000000202051", "Sonstiges"),
                BankFiles.Credit.of(1234, from.plusDays(13).toString(), "TESTBANK", "DE89370400440532013000",
                        "Test")));
        given().header("Authorization", ADMIN).contentType("application/octet-stream")
                .header("X-File-Name", "statement.xml").queryParam("account", account)
                .body(statement.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then()
                .log().ifValidationFails().statusCode(201);
        assertEquals("succeeded", MatchingRuns.run(account, from.toString(), to.toString()).getString("state"));
        long ambiguous = exceptions(account, "ambiguous").getLong("items[0].id");
        List<Long> unidentified = exceptions(account, "unidentified_receipt").getList("items.id", Long.class);
        assertEquals(2, unidentified.size(), "two credits nobody's: " + unidentified);
        long claimable = unidentified.get(0);
        long testCredit = unidentified.get(1);

        WebDriver driver = browsers.browser(1280, 1000);
        signIn(driver, "admin");
        language(driver, Language.EN);

        // The queue of the account, filtered down to its unidentified receipts older than a week (htmx swaps the table).
        driver.get(url("/console/exceptions?account=" + account));
        shotBoth(driver, "exceptions");
        WebElement table = driver.findElement(By.id("exceptions-table"));
        new Select(driver.findElement(By.id("f-type"))).selectByValue("unidentified_receipt");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.urlContains("type=unidentified_receipt"));
        wait.until(ExpectedConditions.stalenessOf(table));
        table = driver.findElement(By.id("exceptions-table"));
        new Select(driver.findElement(By.id("f-age"))).selectByValue("over-7");
        wait.until(ExpectedConditions.urlContains("age=over-7"));
        wait.until(ExpectedConditions.stalenessOf(table));
        String rows = driver.findElement(By.id("exceptions-table")).getText();
        assertTrue(rows.contains("Unidentified receipt") && !rows.contains("Several candidates"), rows);
        assertEquals(2, driver.findElements(By.cssSelector("#exceptions-table input[name=ids]")).size(), rows);

        // Assign the test credit from the queue, then close it in its workbench with a reason.
        ConsoleBrowsers.settle(driver);
        driver.findElement(By.id("pick-" + testCredit)).click();
        ConsoleBrowsers.settle(driver);
        send(driver, driver.findElement(By.id("bulk-apply")));
        assertTrue(driver.getCurrentUrl().contains("type=unidentified_receipt"), "back to the same filters");
        JsonPath assigned = exception(testCredit);
        assertEquals("in_review", assigned.getString("status"));
        assertTrue(assigned.getString("assignee").startsWith("admin@"), assigned.prettify());
        assertTrue(driver.findElements(By.id("pick-" + testCredit)).isEmpty(), "in review: out of the open queue");
        driver.get(url("/console/exceptions/" + testCredit));
        new Select(driver.findElement(By.id("resolve-status"))).selectByValue("ignored");
        driver.findElement(By.id("resolve-reason")).sendKeys("The bank's test transfer");
        send(driver, driver.findElement(By.id("resolve")));
        assertEquals("Ignored", driver.findElement(By.id("status")).getText());
        assertTrue(driver.findElement(By.id("resolution")).getText().contains("The bank's test transfer"));

        // The credit that fits two invoices: both candidates with their evidence; matched by hand to the first.
        driver.get(url("/console/exceptions/" + ambiguous));
        String evidence = driver.findElement(By.id("candidate-" + early)).getText();
        assertTrue(evidence.contains("Amount and date") && evidence.contains("Days from the due date: 1")
                && evidence.contains("Payer unknown") && evidence.contains("EUR 300.00"), evidence);
        shotBoth(driver, "workbench");
        driver.findElement(By.id("pick-" + early)).click();
        driver.findElement(By.id("match-reason")).sendKeys("The customer confirmed it by phone");
        send(driver, driver.findElement(By.id("match")));
        assertTrue(driver.findElement(By.cssSelector(".match")).getText().contains("By hand"),
                () -> driver.getPageSource());
        assertEquals("paid", given().header("Authorization", ADMIN).when().get("/receivables/" + early).then()
                .statusCode(200).extract().jsonPath().getString("status"));

        // The unidentified credit from Muster Handels AG: the customer of that name is suggested; claim it.
        driver.get(url("/console/exceptions/" + claimable));
        assertEquals(String.valueOf(muster), driver.findElement(By.id("claim-customer")).getAttribute("value"),
                "the customer whose name the payer bears is proposed");
        shotBoth(driver, "workbench-claim");
        driver.findElement(By.id("claim-reason")).sendKeys("Muster confirmed the transfer by e-mail");
        send(driver, driver.findElement(By.id("claim")));
        assertEquals("Resolved", driver.findElement(By.id("status")).getText());
        assertFalse(driver.getPageSource().contains("id=\"claim\""), "a claimed receipt is not claimed again");

        // Its audit trail, linked from the workbench.
        send(driver, driver.findElement(By.id("audit-link")));
        String trail = driver.findElement(By.id("audit")).getText();
        assertTrue(trail.contains("exception.claimed") && trail.contains("Muster confirmed the transfer by e-mail"),
                trail);
        shotBoth(driver, "audit");

        // Closing two exceptions that are closed already changes nothing and names both.
        driver.get(url("/console/exceptions?account=" + account + "&type=unidentified_receipt&status=all"));
        driver.findElement(By.id("pick-" + claimable)).click();
        driver.findElement(By.id("pick-" + testCredit)).click();
        new Select(driver.findElement(By.id("bulk-action"))).selectByValue("resolved");
        driver.findElement(By.id("bulk-reason")).sendKeys("Month closed");
        send(driver, driver.findElement(By.id("bulk-apply")));
        String refusal = driver.findElement(By.cssSelector(".alert")).getText();
        assertTrue(refusal.contains("2 of the 2 exceptions cannot be marked resolved")
                && refusal.contains("nothing was changed"), refusal);
        assertEquals("ignored", exception(testCredit).getString("status"));
    }
}
