package io.liquidityengine.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./engine live --config live.properties}: the ingest, topology and execution-sink services
 * against a real cluster (and, for DTC sources and brokers, a real DTC server) from one configuration
 * file ({@link LiveConfig}). Each service runs as its own JVM from its Quarkus jar with its part of the
 * file; secrets reach them through the environment this command inherits. Runs until Ctrl-C (a clean
 * shutdown of every service) or until a service exits (then the others are stopped too).
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Runs the services against a real cluster from one configuration file (see README, 'Live').")
public final class LiveCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "The run's configuration file.")
    Path config;

    @Option(names = "--services", split = ",", description = "Which services to run. Default: ingest,topology,execution-sink")
    List<String> services = LiveConfig.SERVICES;

    @Option(names = "--home", defaultValue = ".", description = "The repository root (where the service jars are built).")
    Path home;

    @Option(names = "--logs", defaultValue = "target/live", description = "Where the service logs and their configuration go.")
    Path logs;

    private static final Map<String, String> JARS = Map.of(
            "ingest", "ingest-connectors/target/quarkus-app/quarkus-run.jar",
            "topology", "topology/target/quarkus-app/quarkus-run.jar",
            "execution-sink", "execution-sink/target/quarkus-app/quarkus-run.jar");

    @Override
    public Integer call() throws Exception {
        LiveConfig live = LiveConfig.read(config);
        Path dir = home.resolve(logs).toAbsolutePath();
        List<ServiceProcess> running = new ArrayList<>();
        for (String service : services) {
            Path file = live.write(service, dir);
            Path jar = home.resolve(JARS.get(service)).toAbsolutePath();
            running.add(ServiceProcess.start(service, jar, Map.of("quarkus.config.locations", file.toString()), dir));
            System.out.printf("==> %s started with %s, log %s%n", service, file, dir.resolve(service + ".log"));
        }
        System.out.println("==> running; Ctrl-C stops every service");
        while (true) {
            for (ServiceProcess p : running) {
                if (!p.isAlive()) {
                    System.err.printf("==> %s exited with %d; stopping the others. Its log ends with:%n%s%n", p.name(),
                            p.waitFor(1), p.tail(30));
                    return 1; // System.exit: ServiceProcess's shutdown hook stops the others
                }
            }
            Thread.sleep(1_000);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveCommand()).execute(args));
    }
}
