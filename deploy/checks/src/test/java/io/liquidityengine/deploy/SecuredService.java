package io.liquidityengine.deploy;

import io.liquidityengine.local.LocalSecurity;
import io.liquidityengine.local.LocalStack;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service (its Quarkus fast-jar) run against a secured local stack the way deploy/README.md tells an
 * operator to: settings that are not secret as {@code -D} properties, secrets either in the environment
 * ({@code KAFKA_SASL_JAAS_CONFIG}, ...) or in a properties file readable by its owner only, named by
 * {@code QUARKUS_CONFIG_LOCATIONS}. No secret is on the command line.
 */
final class SecuredService {

    /** How the secrets reach the service. */
    enum Secrets { ENVIRONMENT, FILE }

    private final Process process;
    private final Path log;

    private SecuredService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SecuredService start(Path repo, String service, LocalStack stack, String user, String password, Secrets secrets,
                                Map<String, String> properties, Path dir) throws IOException {
        LocalSecurity security = stack.security().orElseThrow();
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("kafka.bootstrap.servers", stack.bootstrapServers());
        plain.put("kafka.security.protocol", "SASL_SSL");
        plain.put("kafka.sasl.mechanism", LocalSecurity.MECHANISM);
        plain.put("kafka.ssl.truststore.location", security.tls().truststore().toString());
        plain.put("kafka.ssl.truststore.type", "PKCS12");
        plain.put("schema.registry.url", stack.registryUrl());
        plain.put("schema.registry.ssl.truststore.location", security.tls().truststore().toString());
        plain.put("schema.registry.ssl.truststore.type", "PKCS12");
        plain.put("basic.auth.credentials.source", "USER_INFO");
        plain.put("quarkus.http.port", "0");
        plain.putAll(properties);
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("kafka.sasl.jaas.config", security.clientConfig(user, password).get("sasl.jaas.config").toString());
        secret.put("kafka.ssl.truststore.password", security.tls().password());
        secret.put("basic.auth.user.info", LocalSecurity.REGISTRY_USER + ":" + security.registryPassword());
        secret.put("schema.registry.ssl.truststore.password", security.tls().password());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        plain.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", repo.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
        Path log = dir.resolve(service + "-" + user + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()));
        if (secrets == Secrets.ENVIRONMENT) {
            // KAFKA_SASL_JAAS_CONFIG, BASIC_AUTH_USER_INFO, ...: the services map these names back to the dotted keys
            secret.forEach((k, v) -> builder.environment().put(k.toUpperCase().replace('.', '_'), v));
        } else {
            Path file = dir.resolve(service + "-" + user + "-secrets.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder text = new StringBuilder();
            secret.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            builder.environment().put("QUARKUS_CONFIG_LOCATIONS", file.toUri().toString());
        }
        return new SecuredService(builder.start(), log);
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The exit code once it exits by itself (the ingest with {@code ingest.exit-when-done}). */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(log + ": still running after 2 minutes");
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops it; its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL if still running (after a failed test). */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void assertAlive() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError(log + ": exited with " + process.exitValue() + "\n" + tail());
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
