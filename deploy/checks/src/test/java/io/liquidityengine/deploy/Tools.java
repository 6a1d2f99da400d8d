package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The repository's files and the command-line tools the checks run. */
final class Tools {

    private Tools() {
    }

    /** The repository root (tests run in deploy/checks). */
    static Path repo() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/topics.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above " + System.getProperty("user.dir")).isNotNull();
        return dir;
    }

    /**
     * The binary on the PATH. Missing: the test is skipped with a message naming the Debian package on a
     * developer's machine, and fails when {@code CI=true} (CI installs it, see .ci/run).
     */
    static Path require(String binary, String debianPackage) {
        Optional<Path> found = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> List.of(p.split(java.io.File.pathSeparator)).stream())
                .map(d -> Path.of(d).resolve(binary)).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String message = binary + " is not installed: apt-get install --no-install-recommends " + debianPackage
                    + " (Debian package " + debianPackage + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI must run this test");
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {
    }

    static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        return run(dir, command, true);
    }

    /** With {@code mergeErrors} false, only stdout is returned; stderr goes to the test's own stderr. */
    static Run run(Path dir, List<String> command, boolean mergeErrors) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        if (mergeErrors) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), output);
    }
}
