package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.local.LocalStack;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packaged ingest service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}
 * before failsafe runs) as a child process on the local stack, for the ITs that SIGKILL it.
 */
final class ServiceJar {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private ServiceJar() {
    }

    /**
     * Starts the service with {@code -D} properties (after the stack's address, a free HTTP port and
     * 256 MB of heap) and its output appended to {@code log}; {@code environment} may change the
     * child's environment (secrets go there, never on the command line).
     */
    static Process start(LocalStack stack, List<String> properties, Consumer<Map<String, String>> environment, Path log)
            throws IOException {
        assertThat(JAR).as("the service jar; run ./mvnw -pl ingest-connectors verify so that package builds it").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(), "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dquarkus.http.port=0"));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
        environment.accept(builder.environment());
        return builder.start();
    }

    /** The properties of a test futures instrument on the 0.25 grid (New York session 18:00-17:00). */
    static List<String> instrument(String symbol, String tickValue) {
        String p = "instruments." + symbol + ".";
        return List.of(p + "tick-size=0.25", p + "tick-value=" + tickValue, p + "time-zone=America/New_York",
                p + "session-open=18:00", p + "session-close=17:00");
    }

    /** The last {@code lines} lines of a service log, for failure messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
