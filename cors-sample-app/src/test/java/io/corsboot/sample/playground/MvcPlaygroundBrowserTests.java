package io.corsboot.sample.playground;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

import io.corsboot.sample.SampleStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground in headless Chromium on Spring MVC. This run also takes the screenshot the README shows: to
 * target/playground.png, or where the system property {@code sample.screenshot} says.
 */
class MvcPlaygroundBrowserTests extends PlaygroundBrowserTests {

    MvcPlaygroundBrowserTests() {
        super(SampleStack.MVC, "Spring MVC on Tomcat");
    }

    @Test
    @Order(12)
    void screenshotShowsTheScenariosRun() throws IOException {
        runEveryScenario();
        browser().executeScript("window.scrollTo(0, 0)");
        byte[] png = browser().getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1280);
        Path target = Path.of(System.getProperty("sample.screenshot", "target/playground.png")).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.write(target, png);
    }
}
