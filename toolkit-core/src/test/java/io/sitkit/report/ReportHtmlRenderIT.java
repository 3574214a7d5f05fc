package io.sitkit.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders the sample report's HTML in headless Chromium and checks the screenshot: a PNG of the
 * window's size with something drawn on it. Without {@code chromium} on the PATH the test is
 * skipped saying so — except on CI ({@code CI=true}), where it fails, since CI must install it.
 */
class ReportHtmlRenderIT {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;

    private static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theReportRendersInAHeadlessBrowserAsANonBlankPage(@TempDir Path profile) throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is missing on the PATH; CI must install it (Debian: apt-get install -y chromium fonts-dejavu-core)");
            }
            Assumptions.abort("chromium is not on the PATH; install it (apt-get install -y chromium) to render the report");
        }
        Path dir = Files.createDirectories(Path.of("target", "sitkit-render"));
        Path html = SampleRun.report().writeTo(dir).toAbsolutePath();
        Path png = dir.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        Process browser = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(), "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString())
                .redirectErrorStream(true).start();
        browser.getOutputStream().close();
        byte[] output;
        try (InputStream out = browser.getInputStream()) {
            output = out.readAllBytes();
        }
        if (!browser.waitFor(90, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            fail("chromium did not finish within 90 s; its output:\n" + new String(output, StandardCharsets.UTF_8));
        }

        assertThat(png).as("screenshot; chromium said:\n%s", new String(output, StandardCharsets.UTF_8)).isRegularFile();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = readImage(png);
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(nonWhiteShare(image)).as("share of non-white pixels").isGreaterThan(0.01);
    }

    private static BufferedImage readImage(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            fail(png + " is not an image javax.imageio can read");
        }
        return image;
    }

    private static double nonWhiteShare(BufferedImage image) {
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        return nonWhite / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }
}
