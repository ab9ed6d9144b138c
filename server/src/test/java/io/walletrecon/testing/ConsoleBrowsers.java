package io.walletrecon.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.walletrecon.console.Language;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real headless Chromium browsers for the console's journeys (Debian's chromium, driven by Debian's chromium-driver;
 * {@code bin/browser} installs both). Register it with {@code @RegisterExtension}: the browsers a test opened are quit
 * after it, and on a failure their pages (picture and HTML) are kept in {@code target/screenshots}. Screenshots of each
 * screen in both languages go there too.
 */
public final class ConsoleBrowsers implements AfterTestExecutionCallback, AfterEachCallback {

    public static final Path SHOTS = Path.of("target", "screenshots");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final List<WebDriver> browsers = new ArrayList<>();

    public ConsoleBrowsers() {
        if (!CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException(
                    "no /usr/bin/chromedriver: run bin/browser (Debian chromium and chromium-driver)");
        }
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        for (int i = 0; i < browsers.size(); i++) {
            String name = "failed-" + context.getRequiredTestMethod().getName() + "-" + i;
            try {
                shot(browsers.get(i), name);
                Files.writeString(SHOTS.resolve(name + ".html"),
                        browsers.get(i).getCurrentUrl() + "\n" + browsers.get(i).getPageSource());
            } catch (RuntimeException | IOException e) {
                // the browser itself failed: nothing to keep
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    /** A new browser window of this size (a driver service of its own: quitting a driver ends its service). */
    public WebDriver browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        driver.manage().window().setSize(new Dimension(width, height));
        browsers.add(driver);
        return driver;
    }

    /** The absolute address of a path on the application under test. */
    public static String url(String path) {
        String b = TestHTTPResourceManager.getUri();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    /** The whole page (the window grows to the page's height for the picture, then shrinks back). */
    public static void shot(WebDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        driver.manage().window()
                .setSize(new Dimension(window.width, (int) Math.min(Math.max(height, window.height), 8000)));
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The current page in both languages, then back in the one it was in. */
    public static void shotBoth(WebDriver driver, String name) {
        boolean chinese = "zh-CN".equals(driver.findElement(By.tagName("html")).getAttribute("lang"));
        shot(driver, name + (chinese ? "-zh-CN" : "-en"));
        language(driver, chinese ? Language.EN : Language.ZH_CN);
        shot(driver, name + (chinese ? "-en" : "-zh-CN"));
        language(driver, chinese ? Language.ZH_CN : Language.EN);
    }

    /** Clicks a button that sends a form and waits until the browser has left the page it was on. */
    public static void send(WebDriver driver, WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    /**
     * Waits until htmx has no request in flight on the page (it marks the element that sent one with
     * {@code htmx-request}), so that an element found next is not swapped out under the click.
     */
    public static void settle(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.querySelectorAll('.htmx-request').length === 0"
                        + " && document.readyState === 'complete'")));
    }

    /** Signs in through the mock OpenID provider on loopback as {@code user}; the console's overview opens. */
    public static void signIn(WebDriver driver, String user) {
        driver.get(url("/console"));
        driver.findElement(By.id("username")).sendKeys(user);
        send(driver, driver.findElement(By.id("sign-in")));
        assertTrue(driver.getCurrentUrl().endsWith("/console"), driver.getCurrentUrl());
    }

    /** Switches the page's language (the choice is remembered) and comes back to the same page. */
    public static void language(WebDriver driver, Language lang) {
        String path = driver.getCurrentUrl().substring(url("").length());
        driver.get(url("/language?lang=" + lang.tag + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
    }
}
