package io.walletrecon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.ConsoleBrowsers;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    static final String ADMIN = TestJwt.bearer("console-admin", "admin", "finance");
    static final String FINANCE = TestJwt.bearer("console-finance", "finance");

    @RegisterExtension
    final ConsoleBrowsers browsers = new ConsoleBrowsers();

    @jakarta.inject.Inject
    io.walletrecon.reports.links.StatementLinkVerifier verifier;

    WebDriver browser(int width, int height) {
        return browsers.browser(width, height);
    }

    @Test
    void signedOutVisitorSignsInThroughTheProviderAndOut() {
        WebDriver driver = browser(1280, 900);
        driver.get(url("/"));
        assertTrue(driver.getPageSource().contains("Mock identity provider"),
                () -> "a signed-out visitor of / is sent to sign in; at " + driver.getCurrentUrl() + ": "
                        + driver.getPageSource());
        driver.findElement(By.id("username")).sendKeys("admin");
        send(driver, driver.findElement(By.id("sign-in")));
        assertTrue(driver.getCurrentUrl().endsWith("/console"), driver.getCurrentUrl());
        language(driver, Language.EN);
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Overview"));
        assertTrue(driver.getPageSource().contains("admin (test)"), "the person's name from the ID token");
        shot(driver, "overview-en");
        language(driver, Language.ZH_CN);
        assertEquals("概览", driver.findElement(By.tagName("h1")).getText());
        shot(driver, "overview-zh-CN");
        send(driver, driver.findElement(By.linkText("退出登录")));
        assertTrue(driver.getCurrentUrl().endsWith("/signed-out"), driver.getCurrentUrl());
        shotBoth(driver, "signed-out");
        driver.get(url("/console"));
        assertTrue(driver.getPageSource().contains("Mock identity provider"),
                "signed out: the console asks to sign in again");
    }

    @Test
    void makerCreatesAPaymentAndAnotherApproverApprovesItFromTheInbox() {
        String account = TestData.unique("cstripe");
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"code":"%s","provider":"stripe","name":"Stripe EUR","currency":"EUR","timeZone":"Europe/Berlin",
                         "credentials":{"webhookSecrets":["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}}"""
                        .formatted(account))
                .when().post("/accounts").then().statusCode(201);
        String reference = TestData.unique("PO");
        WebDriver maker = browser(1280, 1000);
        WebDriver checker = browser(1280, 1000);
        signIn(maker, "approver");
        language(maker, Language.EN);
        maker.get(url("/console/payments/new"));
        shotBoth(maker, "payment-new");
        new org.openqa.selenium.support.ui.Select(maker.findElement(By.id("account"))).selectByValue(account);
        maker.findElement(By.id("amount")).sendKeys("1288.80");
        maker.findElement(By.id("currency")).sendKeys("EUR");
        maker.findElement(By.id("beneficiaryName")).sendKeys("Müller GmbH 供应商");
        maker.findElement(By.id("walletIdentity")).sendKeys("ba_1Test" + reference);
        maker.findElement(By.id("reference")).sendKeys(reference);
        send(maker, maker.findElement(By.cssSelector("form.stack button[type=submit]")));
        String paymentUrl = maker.getCurrentUrl();
        assertTrue(paymentUrl.matches(".*/console/payments/\\d+$"), paymentUrl);
        assertTrue(maker.getPageSource().contains("EUR 1,288.80"), "the amount with the currency's two decimals");
        assertTrue(maker.findElements(By.id("approve")).isEmpty(),
                "the maker sees no approve button on their own payment");
        assertTrue(maker.findElement(By.id("own-payment")).isDisplayed());
        shotBoth(maker, "payment-own");
        String id = paymentUrl.substring(paymentUrl.lastIndexOf('/') + 1);

        // The maker's approval is refused even when sent without the button.
        Object status = ((org.openqa.selenium.JavascriptExecutor) maker).executeAsyncScript(
                """
                        const done = arguments[arguments.length - 1];
                        const csrf = document.querySelector('input[name=csrf]').value;
                        fetch('/console/payments/%s/approval', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                            body: 'csrf=' + encodeURIComponent(csrf)}).then(r => done(r.status));"""
                        .formatted(id));
        assertEquals(403L, status, "maker-checker: the creator cannot approve");

        signIn(checker, "checker");
        checker.get(url("/console/payments/approvals"));
        shotBoth(checker, "approvals");
        send(checker, checker.findElement(By.cssSelector("a[href='/console/payments/" + id + "']")));
        send(checker, checker.findElement(By.id("approve")));
        assertTrue(checker.findElement(By.id("approvals")).getText().contains("checker@"),
                "the approval names the checker");
        assertTrue(checker.findElement(By.id("maker")).getText().startsWith("approver@"), "and the maker");
        assertFalse(checker.getPageSource().contains("id=\"approve\""));
        shotBoth(checker, "payment-approved");
        checker.get(url("/console/payments"));
        shotBoth(checker, "payments");
        // The state filter swaps the table in place (htmx, served from its webjar) and keeps the filter in the address.
        org.openqa.selenium.WebElement table = checker.findElement(By.id("payments-table"));
        new org.openqa.selenium.support.ui.Select(checker.findElement(By.id("state"))).selectByValue("cancelled");
        new WebDriverWait(checker, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("state=cancelled"));
        new WebDriverWait(checker, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(table));
        assertFalse(checker.findElement(By.id("payments-table")).getText().contains(reference),
                "a scheduled payment is not cancelled");
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
        phone.get(first);
        assertEquals("对账单", phone.findElement(By.tagName("h1")).getText(), "Chinese by default");
        assertTrue(phone.getPageSource().contains("CNY 1,288.80"));
        shotBoth(phone, "statement");
        send(phone, phone.findElement(By.id("confirm")));
        assertTrue(phone.findElement(By.id("answer-confirmed")).isDisplayed());
        assertTrue(phone.findElements(By.id("confirm")).isEmpty(), "the answer is final");
        shotBoth(phone, "statement-confirmed");

        phone.get(second);
        language(phone, Language.EN);
        assertEquals("Statement of account", phone.findElement(By.tagName("h1")).getText());

        phone.findElement(By.cssSelector("details > summary")).click();
        phone.findElement(By.cssSelector("details textarea")).sendKeys("We paid this on 2025-06-30");
        send(phone, phone.findElement(By.cssSelector("details button")));
        assertTrue(phone.findElement(By.id("answer-disputed")).isDisplayed());
        assertTrue(phone.getPageSource().contains("We paid this on 2025-06-30"));
        shotBoth(phone, "statement-disputed");

        String token = second.substring(second.lastIndexOf('/') + 1);
        phone.get(url("/statement-links/" + token.substring(0, token.length() - 2) + "xx"));
        assertTrue(phone.findElement(By.id("link-invalid")).isDisplayed(), "a tampered link gets a page, not JSON");
        shotBoth(phone, "link-tampered");
    }

    @Test
    void theLinkStillAnswersJsonToTheApiAndTamperedLinksGetAPage() {
        long customer = customer("Globex Ltd");
        String link = link(customer);
        String path = link.substring(link.indexOf("/statement-links/"));
        given().accept("application/json").when().get(path).then().statusCode(200).contentType("application/json");
        given().accept("*/*").when().get(path).then().statusCode(200).contentType("application/json");
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().accept("text/html").when().get(path + "x").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().accept("application/json").when().get(path + "x").then().statusCode(403)
                .contentType("application/problem+json");
        String expired = "/statement-links/" + verifier.sign(1, java.time.Instant.now().minusSeconds(60));
        given().accept("text/html").when().get(expired).then().statusCode(410)
                .body(org.hamcrest.Matchers.containsString("id=\"link-expired\""));
    }

    @Test
    void financeSeesCustomersReceivablesAndImportsACsvWithLineErrorsShown() throws IOException {
        String external = TestData.unique("C");
        long customer = given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"name":"上海明远科技有限公司","externalId":"%s","contactName":"王芳","phone":"13812345678",
                         "identities":[{"kind":"alipay_logon","value":"wangfang@example.cn"}]}""".formatted(external))
                .when().post("/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        String reference = TestData.unique("INV");
        Path bad = Files.writeString(Files.createTempFile("receivables-bad", ".csv"), """
                customer_external_id,reference,amount,currency,issue_date,due_date
                %1$s,%2$s-1,1288.80,CNY,2025-06-02,2025-07-02
                %1$s,%2$s-2,12.345,CNY,2025-06-02,2025-07-02
                """.formatted(external, reference));
        Path good = Files.writeString(Files.createTempFile("receivables-good", ".csv"), """
                customer_external_id,reference,amount,currency,issue_date,due_date
                %1$s,%2$s-1,1288.80,CNY,2025-06-02,2025-07-02
                %1$s,%2$s-2,500.00,CNY,2025-06-15,2025-07-15
                """.formatted(external, reference));
        WebDriver driver = browser(1280, 1000);
        signIn(driver, "admin");
        driver.get(url("/console/customers?q=" + external));
        assertTrue(driver.getPageSource().contains("上海明远科技有限公司"));
        shotBoth(driver, "customers");
        send(driver, driver.findElement(By.linkText("上海明远科技有限公司")));
        assertTrue(driver.getPageSource().contains("<svg"), "the collection code's QR");
        shotBoth(driver, "customer");
        driver.get(url("/console/customers/" + customer + "/collection-code"));
        shotBoth(driver, "collection-code-print");

        // A refused file is shown with its line errors (a POST's answer: each language sends the file itself).
        for (Language lang : Language.values()) {
            driver.get(url("/console/receivables/import"));
            language(driver, lang);
            driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
            send(driver, driver.findElement(By.id("import")));
            String refused = driver.findElement(By.cssSelector(".alert li")).getText();
            assertTrue(refused.contains(lang == Language.EN ? "Line 3" : "第 3 行"),
                    () -> "the bad line is named by its number: " + refused);
            shot(driver, "receivables-import-refused-" + lang.tag);
        }
        driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        send(driver, driver.findElement(By.id("import")));
        assertTrue(driver.findElement(By.id("import-result")).getText().contains("2 imported"));
        shot(driver, "receivables-imported-en");
        language(driver, Language.ZH_CN);
        driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        send(driver, driver.findElement(By.id("import")));
        String again = driver.findElement(By.id("import-result")).getText();
        assertTrue(again.contains("导入 0") && again.contains("2 行已存在"),
                () -> "the same file again changes nothing: " + again);
        shot(driver, "receivables-imported-again-zh-CN");
        driver.get(url("/console/receivables?customer=" + customer));
        assertTrue(driver.getPageSource().contains("CNY 1,288.80") && driver.getPageSource().contains("CNY 500.00"));
        shotBoth(driver, "receivables");
    }

    @Test
    void aCustomerOpensTheirPaymentPageOnAPhoneWithCodeQrAndAmountDue() {
        long customer = customer("杭州西湖茶业有限公司");
        for (String amount : List.of("1288.80", "99.20")) {
            given().header("Authorization", FINANCE).contentType("application/json")
                    .body("""
                            {"customerId":%d,"reference":"%s","amount":"%s","currency":"CNY","issueDate":"2025-06-02","dueDate":"2025-07-02"}"""
                            .formatted(customer, TestData.unique("INV"), amount))
                    .when().post("/receivables").then().statusCode(201);
        }
        WebDriver finance = browser(1280, 1000);
        signIn(finance, "admin");
        finance.get(url("/console/customers/" + customer));
        String page = finance.findElement(By.id("pay-page")).getAttribute("href");
        String path = page.substring(page.indexOf("/pay/"));
        WebDriver phone = browser(375, 812);
        phone.get(url(path));
        assertEquals("付款", phone.findElement(By.tagName("h1")).getText(), "Chinese by default");
        assertEquals("CNY 1,388.00", phone.findElement(By.id("due-CNY")).getText(), "what is due: both receivables");
        String code = phone.findElement(By.id("code")).getText();
        assertTrue(code.matches("WR[2-9A-HJ-NP-Z]{7}"), code);
        assertTrue(phone.findElement(By.cssSelector(".qr svg")).isDisplayed());
        assertTrue(phone.getPageSource().contains(code + "。") || phone.getPageSource().contains(code + ","),
                "how to pay names the code");
        shotBoth(phone, "pay");

        phone.get(url(path.substring(0, path.length() - 2) + "xx"));
        assertTrue(phone.findElement(By.id("link-invalid")).isDisplayed(), "an altered link gets a page that says so");
        shotBoth(phone, "pay-link-invalid");
    }

    @Test
    void financePaysASupplierInChinaByItsCnapsCodeAndAccountName() {
        String account = TestData.unique("ccny");
        io.walletrecon.testing.Accounts.createBank(account, "CNY", "Asia/Shanghai",
                "3100" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L));
        String reference = TestData.unique("货款");
        WebDriver maker = browser(1280, 1200);
        signIn(maker, "approver");
        language(maker, Language.ZH_CN);
        maker.get(url("/console/payments/new"));
        assertTrue(maker.findElement(By.cssSelector("label[for=accountName]")).getText().startsWith("户名"));
        new org.openqa.selenium.support.ui.Select(maker.findElement(By.id("type"))).selectByValue("supplier_payment");
        new org.openqa.selenium.support.ui.Select(maker.findElement(By.id("account"))).selectByValue(account);
        maker.findElement(By.id("amount")).sendKeys("12800.00");
        maker.findElement(By.id("currency")).sendKeys("CNY");
        maker.findElement(By.id("beneficiaryName")).sendKeys("星河贸易");
        maker.findElement(By.id("bankAccount")).sendKeys("6222021001122334455");
        maker.findElement(By.id("bankCode")).sendKeys("102290000011");
        maker.findElement(By.id("reference")).sendKeys(reference);
        send(maker, maker.findElement(By.cssSelector("form.stack button[type=submit]")));
        assertTrue(maker.findElement(By.cssSelector("[role=alert]")).getText().contains("beneficiary.accountName"),
                "without its 户名 the form comes back naming the field");
        assertEquals("102290000011", maker.findElement(By.id("bankCode")).getAttribute("value"),
                "what was typed stays");

        maker.findElement(By.id("accountName")).sendKeys("上海星河贸易有限公司");
        send(maker, maker.findElement(By.cssSelector("form.stack button[type=submit]")));
        assertTrue(maker.getCurrentUrl().matches(".*/console/payments/\\d+$"), maker.getCurrentUrl());
        String page = maker.getPageSource();
        assertTrue(page.contains("上海星河贸易有限公司") && page.contains("102290000011"),
                "the detail names the account name and the CNAPS code");
    }

    @Test
    void thePaymentPageIsRefusedForALinkWeDidNotSign() {
        given().accept("text/html").when().get("/pay/WR2345678.AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("id=\"link-invalid\""));
        given().accept("text/html").when().get("/pay/nonsense").then().statusCode(403);
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
