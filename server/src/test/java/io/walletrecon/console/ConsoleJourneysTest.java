package io.walletrecon.console;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console and the customer's pages in a real headless Chromium (Debian's, driven by Debian's chromium-driver;
 * {@code bin/browser} installs both): sign-in through the OpenID provider on loopback, maker-checker from the inbox,
 * a customer answering a statement on a phone-sized page. Screenshots of each screen in both languages go to
 * {@code target/screenshots}.
 */
@QuarkusTest
class ConsoleJourneysTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String ADMIN = TestJwt.bearer("console-admin", "admin", "finance");
    static final String FINANCE = TestJwt.bearer("console-finance", "finance");

    static ChromeDriverService service;

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    io.walletrecon.reports.StatementLinkVerifier verifier;

    @BeforeAll
    static void startDriver() throws IOException {
        File driver = new File("/usr/bin/chromedriver");
        if (!driver.canExecute()) {
            throw new IllegalStateException("no /usr/bin/chromedriver: run bin/browser (Debian chromium and chromium-driver)");
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        service.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopDriver() {
        if (service != null) {
            service.stop();
        }
    }

    static WebDriver browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        // A driver service of its own per browser: quitting a driver ends its service.
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    private String url(String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    static void shot(WebDriver driver, String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn(WebDriver driver, String user) {
        driver.get(url("/console"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("sign-in")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/console"), driver.getCurrentUrl());
    }

    private void language(WebDriver driver, Language lang) {
        String path = driver.getCurrentUrl().substring(url("").length());
        driver.get(url("/language?lang=" + lang.tag + "&back=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void signedOutVisitorSignsInThroughTheProviderAndOut() {
        WebDriver driver = browser(1280, 900);
        try {
            driver.get(url("/"));
            assertTrue(driver.getPageSource().contains("Mock identity provider"),
                    () -> "a signed-out visitor of / is sent to sign in; at " + driver.getCurrentUrl() + ": " + driver.getPageSource());
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("sign-in")).click();
            assertTrue(driver.getCurrentUrl().endsWith("/console"), driver.getCurrentUrl());
            language(driver, Language.EN);
            assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Overview"));
            assertTrue(driver.getPageSource().contains("admin (test)"), "the person's name from the ID token");
            shot(driver, "overview-en");
            language(driver, Language.ZH_CN);
            assertEquals("概览", driver.findElement(By.tagName("h1")).getText());
            shot(driver, "overview-zh-CN");
            driver.findElement(By.linkText("退出登录")).click();
            assertTrue(driver.getCurrentUrl().endsWith("/signed-out"), driver.getCurrentUrl());
            shot(driver, "signed-out-zh-CN");
            driver.get(url("/console"));
            assertTrue(driver.getPageSource().contains("Mock identity provider"), "signed out: the console asks to sign in again");
        } finally {
            driver.quit();
        }
    }

    @Test
    void makerCreatesAPaymentAndAnotherApproverApprovesItFromTheInbox() {
        String account = TestData.unique("cstripe");
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"code":"%s","provider":"stripe","name":"Stripe EUR","currency":"EUR","timeZone":"Europe/Berlin",
                         "credentials":{"webhookSecrets":["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}}""".formatted(account))
                .when().post("/accounts").then().statusCode(201);
        String reference = TestData.unique("PO");
        WebDriver maker = browser(1280, 1000);
        WebDriver checker = browser(1280, 1000);
        try {
            signIn(maker, "approver");
            language(maker, Language.EN);
            maker.get(url("/console/payments/new"));
            shot(maker, "payment-new-en");
            new org.openqa.selenium.support.ui.Select(maker.findElement(By.id("account"))).selectByValue(account);
            maker.findElement(By.id("amount")).sendKeys("1288.80");
            maker.findElement(By.id("currency")).sendKeys("EUR");
            maker.findElement(By.id("beneficiaryName")).sendKeys("Müller GmbH 供应商");
            maker.findElement(By.id("walletIdentity")).sendKeys("ba_1Test" + reference);
            maker.findElement(By.id("reference")).sendKeys(reference);
            maker.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            String paymentUrl = maker.getCurrentUrl();
            assertTrue(paymentUrl.matches(".*/console/payments/\\d+$"), paymentUrl);
            assertTrue(maker.getPageSource().contains("EUR 1,288.80"), "the amount with the currency's two decimals");
            assertTrue(maker.findElements(By.id("approve")).isEmpty(), "the maker sees no approve button on their own payment");
            assertTrue(maker.findElement(By.id("own-payment")).isDisplayed());
            shot(maker, "payment-own-en");
            String id = paymentUrl.substring(paymentUrl.lastIndexOf('/') + 1);

            // The maker's approval is refused even when sent without the button.
            Object status = ((org.openqa.selenium.JavascriptExecutor) maker).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const csrf = document.querySelector('input[name=csrf]').value;
                    fetch('/console/payments/%s/approval', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: 'csrf=' + encodeURIComponent(csrf)}).then(r => done(r.status));""".formatted(id));
            assertEquals(403L, status, "maker-checker: the creator cannot approve");

            signIn(checker, "checker");
            checker.get(url("/console/payments/approvals"));
            shot(checker, "approvals-zh-CN");
            checker.findElement(By.cssSelector("a[href='/console/payments/" + id + "']")).click();
            checker.findElement(By.id("approve")).click();
            assertTrue(checker.findElement(By.id("approvals")).getText().contains("checker@"), "the approval names the checker");
            assertTrue(checker.findElement(By.id("maker")).getText().startsWith("approver@"), "and the maker");
            assertFalse(checker.getPageSource().contains("id=\"approve\""));
            shot(checker, "payment-approved-zh-CN");
            language(checker, Language.EN);
            shot(checker, "payment-approved-en");
            checker.get(url("/console/payments"));
            shot(checker, "payments-en");
        } finally {
            maker.quit();
            checker.quit();
        }
    }

    @Test
    void customerConfirmsAStatementOnAPhoneAndDisputesALineOnAnother() {
        long customer = customer("深圳市华强贸易有限公司");
        given().header("Authorization", FINANCE).contentType("application/json")
                .body("""
                        {"customerId":%d,"reference":"%s","amount":"1288.80","currency":"CNY","issueDate":"2025-06-02","dueDate":"2025-07-02"}"""
                        .formatted(customer, TestData.unique("INV")))
                .when().post("/receivables").then().statusCode(201);
        String first = link(customer);
        String second = link(customer);
        WebDriver phone = browser(375, 812);
        try {
            phone.get(first);
            assertEquals("对账单", phone.findElement(By.tagName("h1")).getText(), "Chinese by default");
            assertTrue(phone.getPageSource().contains("CNY 1,288.80"));
            shot(phone, "statement-zh-CN");
            phone.findElement(By.id("confirm")).click();
            assertTrue(phone.findElement(By.id("answer-confirmed")).isDisplayed());
            assertTrue(phone.findElements(By.id("confirm")).isEmpty(), "the answer is final");
            shot(phone, "statement-confirmed-zh-CN");

            phone.get(second);
            language(phone, Language.EN);
            assertEquals("Statement of account", phone.findElement(By.tagName("h1")).getText());
            shot(phone, "statement-en");
            phone.findElement(By.cssSelector("details > summary")).click();
            phone.findElement(By.cssSelector("details textarea")).sendKeys("We paid this on 2025-06-30");
            phone.findElement(By.cssSelector("details button")).click();
            assertTrue(phone.findElement(By.id("answer-disputed")).isDisplayed());
            assertTrue(phone.getPageSource().contains("We paid this on 2025-06-30"));
            shot(phone, "statement-disputed-en");

            String token = second.substring(second.lastIndexOf('/') + 1);
            phone.get(url("/statement-links/" + token.substring(0, token.length() - 2) + "xx"));
            assertTrue(phone.findElement(By.id("link-invalid")).isDisplayed(), "a tampered link gets a page, not JSON");
            shot(phone, "link-tampered-en");
            language(phone, Language.ZH_CN);
            shot(phone, "link-tampered-zh-CN");
        } finally {
            phone.quit();
        }
    }

    @Test
    void theLinkStillAnswersJsonToTheApiAndTamperedLinksGetAPage() {
        long customer = customer("Globex Ltd");
        String link = link(customer);
        String path = link.substring(link.indexOf("/statement-links/"));
        given().accept("application/json").when().get(path).then().statusCode(200).contentType("application/json");
        given().accept("*/*").when().get(path).then().statusCode(200).contentType("application/json");
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get(path).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().accept("text/html").when().get(path + "x").then().statusCode(403).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().accept("application/json").when().get(path + "x").then().statusCode(403).contentType("application/problem+json");
        String expired = "/statement-links/" + verifier.sign(1, java.time.Instant.now().minusSeconds(60));
        given().accept("text/html").when().get(expired).then().statusCode(410)
                .body(org.hamcrest.Matchers.containsString("id=\"link-expired\""));
    }

    private long customer(String name) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"externalId\":\"" + TestData.unique("C") + "\"}")
                .when().post("/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private String link(long customer) {
        String url = given().header("Authorization", FINANCE).contentType("application/json")
                .body("{\"customer\":" + customer + ",\"from\":\"2025-06-01\",\"to\":\"2025-06-30\"}")
                .when().post("/statement-links").then().statusCode(201).extract().jsonPath().getString("url");
        return url(url.substring(url.indexOf("/statement-links/")));
    }
}
