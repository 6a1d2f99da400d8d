package io.liquidityengine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in headless Chromium (Debian package {@code chromium}) and renders to a screenshot of
 * the requested size. Skipped on a developer machine without the package; fails when {@code CI=true}, where
 * {@code .ci/run} installs it. Set {@code report.screenshot.keep=<file>} to keep the PNG for a look.
 */
class ReportScreenshotTest {

    /** Debian's chromium; {@code -Dreport.chromium=<path>} points elsewhere (also how the skip/fail path is tried). */
    private static final Path CHROMIUM = Path.of(System.getProperty("report.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    @Test
    void shouldRenderTheReportInHeadlessChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " not found: install the Debian package chromium (apt-get install chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI must run this test");
            }
            Assumptions.abort(message);
        }
        SampleTrades.report().write(dir.resolve("report"));
        Path html = dir.resolve("report").resolve(BacktestReport.REPORT_HTML);
        Path png = dir.resolve("report.png");
        Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1400,2000", html.toUri().toString());
        Process chromium = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        // a guard against a hung browser, not a performance check
        if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("chromium did not exit within 180 s; log:\n" + Files.readString(dir.resolve("chromium.log")));
        }
        assertThat(chromium.exitValue()).as("chromium exit code; log:\n%s", Files.readString(dir.resolve("chromium.log"))).isZero();
        assertThat(png).exists();
        int[] size = pngSize(png);
        assertThat(size).containsExactly(1400, 2000);
        String keep = System.getProperty("report.screenshot.keep");
        if (keep != null) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(html, Path.of(keep + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Width and height from the PNG signature and IHDR chunk. */
    private static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[8];
            data.readFully(signature);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            data.readInt();
            byte[] type = new byte[4];
            data.readFully(type);
            assertThat(new String(type, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            return new int[] {data.readInt(), data.readInt()};
        }
    }
}
