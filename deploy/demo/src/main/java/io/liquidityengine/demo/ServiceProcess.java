package io.liquidityengine.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A service of the engine started as its own JVM from its Quarkus jar, logging to a file. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final List<String> command;
    /** Added to the inherited environment: secrets go here, never on the command line. */
    private final Map<String, String> environment;
    private Process process;

    /** Services started and not closed yet: stopped by a shutdown hook when the launching JVM is told to stop (SIGTERM, Ctrl-C). */
    private static final Set<ServiceProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::stopAll, "service-processes-shutdown"));
    }

    private ServiceProcess(String name, Path log, List<String> command, Map<String, String> environment) throws IOException {
        this.name = name;
        this.log = log;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.process = launch();
        RUNNING.add(this);
    }

    /** Stops every service still running (the demo or ./engine live was stopped by a signal, not by its own end). */
    private static void stopAll() {
        for (ServiceProcess p : RUNNING) {
            p.process.destroy();
        }
        for (ServiceProcess p : RUNNING) {
            try {
                if (!p.process.waitFor(20, TimeUnit.SECONDS)) {
                    p.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.process.destroyForcibly();
            }
        }
    }

    private Process launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    static ServiceProcess start(String name, Path jar, Map<String, String> properties, Path logDir) throws IOException {
        return start(name, jar, properties, Map.of(), logDir);
    }

    /**
     * @param properties  system properties of the service (on its command line: nothing secret)
     * @param environment environment variables added to the service's environment (for secrets such as passwords)
     */
    static ServiceProcess start(String name, Path jar, Map<String, String> properties, Map<String, String> environment, Path logDir)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IOException("service jar " + jar + " is missing; build with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = logDir.resolve(name + ".log");
        Files.deleteIfExists(log);
        return new ServiceProcess(name, log, command, environment);
    }

    /** Kills the service the hard way (SIGKILL: no shutdown hook, no clean close) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the service again with the same settings, its output appended to the same log. */
    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = launch();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The running process's id. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit; returns its exit code, or -1 on timeout. */
    int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The last lines of the service's log, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the service to stop (SIGTERM, a clean Quarkus shutdown) and kills it if it does not within 20 s. */
    @Override
    public void close() throws InterruptedException {
        RUNNING.remove(this);
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
