package io.walletrecon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.ConsoleBrowsers;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.walletrecon.testing.ConsoleBrowsers.language;
import static io.walletrecon.testing.ConsoleBrowsers.send;
import static io.walletrecon.testing.ConsoleBrowsers.shot;
import static io.walletrecon.testing.ConsoleBrowsers.shotBoth;
import static io.walletrecon.testing.ConsoleBrowsers.signIn;
import static io.walletrecon.testing.ConsoleBrowsers.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month-end in the browser: statements uploaded (a refused file shows its line next to it, in both languages, then
 * a good one), the statement's lines, a matching run started and followed to its end, and the overview showing the
 * account. Screenshots of each screen in both languages go to {@code target/screenshots}.
 */
@QuarkusTest
class StatementsAndRunsJourneyTest {

    static final String ADMIN = TestJwt.bearer("journey-admin", "admin", "finance");

    @RegisterExtension
    final ConsoleBrowsers browsers = new ConsoleBrowsers();

    @Test
    void financeUploadsStatementsReadsTheLinesRunsMatchingAndSeesTheOverview() throws IOException {
        String account = TestData.unique("cbank");
        String number = "3100" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
        Accounts.createBank(account, "EUR", "Europe/Berlin", number);
        String invoice = TestData.unique("INV");
        long customer = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"Hamburg Handel GmbH\",\"externalId\":\"" + TestData.unique("C") + "\"}")
                .when().post("/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"customerId":%d,"reference":"%s","amount":"137.68","currency":"EUR","issueDate":"2026-03-01","dueDate":"2026-03-31"}"""
                        .formatted(customer, invoice))
                .when().post("/receivables").then().statusCode(201);
        Path good = mt940(number, invoice, "137,68", "good");
        Path bad = mt940(number, invoice, "13X,68", "bad");

        WebDriver driver = browsers.browser(1280, 1000);
        signIn(driver, "admin");
        driver.get(url("/console/statements/upload"));
        shotBoth(driver, "statements-upload");

        // The refused file, sent by the page's script: its outcome stands next to it, its line named in the language.
        for (Language lang : List.of(Language.ZH_CN, Language.EN)) {
            language(driver, lang);
            driver.findElement(By.id("files")).sendKeys(bad.toString());
            driver.findElement(By.id("upload-button")).click();
            WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#outcomes li.outcome.refused")));
            String text = refused.getText();
            assertTrue(text.contains(bad.getFileName().toString()), () -> "the outcome names the file: " + text);
            assertTrue(text.contains(lang == Language.EN ? "Line 5" : "第 5 行"),
                    () -> "the bad line is named by its number in the page's language: " + text);
            assertTrue(text.contains(lang == Language.EN ? "Not imported" : "未导入"), text);
            shot(driver, "statements-upload-refused-" + lang.tag);
        }

        // Several files at once through the plain form (as without the script): each file's outcome on the page.
        driver.get(url("/console/statements/upload"));
        new Select(driver.findElement(By.id("account"))).selectByValue(account);
        driver.findElement(By.id("files")).sendKeys(bad + "\n" + good);
        WebElement form = driver.findElement(By.id("upload"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].submit()", form);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(form));
        List<WebElement> outcomes = driver.findElements(By.cssSelector("#outcomes li.outcome"));
        assertEquals(2, outcomes.size(), "one outcome per file");
        assertTrue(outcomes.get(0).getAttribute("class").contains("refused"));
        String imported = outcomes.get(1).getText();
        assertTrue(imported.contains("Imported: 2 lines, 2 new"), imported);
        assertTrue(imported.contains("EUR 1,187.68"), () -> "the closing balance, formatted: " + imported);
        shot(driver, "statements-uploaded-en");

        send(driver, outcomes.get(1).findElement(By.cssSelector("a[href^='/console/statements/']")));
        String statementPage = driver.getCurrentUrl();
        assertTrue(driver.findElement(By.id("line-5")).getText().contains("EUR 137.68"));
        assertTrue(driver.findElement(By.cssSelector("#line-5 .match-state")).getText().contains("Unmatched"));
        shotBoth(driver, "statement-lines");

        driver.get(url("/console/statements?account=" + account));
        assertTrue(driver.findElement(By.id("statements-table")).getText().contains("0 matched"));
        shotBoth(driver, "statements");

        // A run for the account and March, followed on its page until it is over (htmx polls its progress).
        driver.get(url("/console/runs"));
        new Select(driver.findElement(By.id("run-account"))).selectByValue(account);
        date(driver, "run-from", "2026-03-01");
        date(driver, "run-to", "2026-03-31");
        send(driver, driver.findElement(By.id("start")));
        assertTrue(driver.getCurrentUrl().matches(".*/console/runs/\\d+$"), driver.getCurrentUrl());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions
                .attributeToBe(By.id("run-progress"), "data-state", "succeeded"));
        String counts = driver.findElement(By.id("run-counts")).getText();
        assertTrue(counts.contains("Unidentified receipt: 1"), () -> "what the run found: " + counts);
        shotBoth(driver, "run");
        driver.get(url("/console/runs?account=" + account));
        assertTrue(driver.findElement(By.id("runs-table")).getText().contains("Succeeded"));
        shotBoth(driver, "runs");

        driver.get(statementPage);
        assertTrue(driver.findElement(By.cssSelector("#line-5 .match-state")).getText().contains("Matched"),
                "the invoice's credit is matched now");
        assertTrue(driver.findElement(By.id("line-7")).getText().contains("Unidentified receipt"),
                "the unknown credit has its exception");

        driver.get(url("/console?from=2026-03-31&to=2026-03-01"));
        assertTrue(driver.findElement(By.cssSelector("[role=alert]")).getText().contains("must not be after to"),
                "a period that ends before it starts is refused on the page");
        driver.get(url("/console?from=2026-03-01&to=2026-03-31"));
        String row = driver.findElement(By.id("account-" + account + "-EUR")).getText();
        assertTrue(row.contains("EUR 1,187.68") && row.contains("50.0%"),
                () -> "the account's reported balance and matched share: " + row);
        assertTrue(driver.findElement(By.id("overview-ages")).getText().contains(account));
        assertTrue(driver.findElement(By.id("runs-table")).getText().contains(account), "the last runs");
        shotBoth(driver, "overview");
    }

    private static void date(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id(id)), value);
    }

    /** An MT940 statement of March 2026: an invoice's credit and a credit nobody can place. */
    private static Path mt940(String number, String invoice, String amount, String name) throws IOException {
        String text = """
                :20:STMT%1$s
                :25:%2$s
                :28C:00001/001
                :60F:C260301EUR1000,00
                :61:2603050305C%3$sNTRFNONREF//BNK-1
                :86:INVOICE %4$s
                :61:2603060306C50,00NTRFNONREF//BNK-2
                :86:UNBEKANNTER ZAHLER
                :62F:C260331EUR1187,68
                -
                """.formatted(number.substring(number.length() - 8), number, amount, invoice);
        Path dir = Files.createTempDirectory("statements");
        return Files.writeString(dir.resolve("march-" + name + ".sta"), text);
    }
}
