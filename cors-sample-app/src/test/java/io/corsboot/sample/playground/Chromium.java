package io.corsboot.sample.playground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Both paths are given explicitly, so Selenium
 * Manager never runs and nothing is ever downloaded. The gateway's browser tests use it too.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Fails when CI is set and Chromium is missing, so that CI never passes without the browser tests. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String message = BROWSER + " and " + DRIVER + " are needed for the browser tests: "
                + "apt-get install chromium chromium-driver (.ci/run installs them)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(installed, message);
    }

    /** Starts a browser with a fresh profile in the given directory, its console messages kept for the tests. */
    public static ChromeDriver start(Path profile) {
        assertThat(profile).isEmptyDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1800", "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }
}
