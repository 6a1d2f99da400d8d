package io.liquidityengine.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code local-stack up}: runs the stack in the foreground until Ctrl-C. */
@Command(name = "local-stack", mixinStandardHelpOptions = true, subcommands = LocalStackCommand.Up.class,
        description = "A real single-node KRaft Kafka broker and a Confluent-API schema registry on loopback.")
public final class LocalStackCommand {

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the stack, create every catalog topic, wait for Ctrl-C.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--data-dir", defaultValue = ".local-stack", description = "Where the broker keeps its logs (reused across runs). Default: ${DEFAULT-VALUE}")
        Path dataDir;

        @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port on 127.0.0.1. Default: ${DEFAULT-VALUE}")
        int kafkaPort;

        @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port on 127.0.0.1. Default: ${DEFAULT-VALUE}")
        int registryPort;

        @Option(names = "--secured", description = "SASL_SSL with SCRAM-SHA-512, TLS and ACLs on the broker, HTTPS with basic auth on the registry;"
                + " a user per KafkaUser of --users with its ACLs, their client settings written to files. Always a new, temporary stack.")
        boolean secured;

        @Option(names = "--users", defaultValue = "deploy/k8s/base/kafka/users.yaml", description = "The KafkaUsers of --secured. Default: ${DEFAULT-VALUE}")
        Path users;

        @Override
        public Integer call() throws InterruptedException {
            LocalStack stack = secured ? LocalStack.secured(kafkaPort, registryPort).start()
                    : LocalStack.persistent(dataDir.toAbsolutePath(), kafkaPort, registryPort).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Stopping the local stack...");
                stack.close();
                System.out.println("Stopped.");
                stopped.countDown();
            }, "local-stack-shutdown"));
            System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
            System.out.println("Schema registry:         " + stack.registryUrl());
            System.out.println("Data directory:          " + stack.dataDir() + (secured ? " (removed at Ctrl-C)" : ""));
            if (secured) {
                Map<String, Path> files = stack.access().provision(KafkaUserAcls.read(users), stack.dataDir().resolve("clients"));
                System.out.println("Security:                SASL_SSL, SCRAM-SHA-512, TLS, ACLs of " + users + "; registry HTTPS with basic auth");
                files.forEach((user, file) -> System.out.printf("  %-22s %s%n", user + ":", file));
                System.out.println("Run a service as its user (the file holds its passwords, mode 600):");
                System.out.println("  QUARKUS_CONFIG_LOCATIONS=" + files.getOrDefault("topology", files.values().iterator().next())
                        + " java -jar topology/target/quarkus-app/quarkus-run.jar");
            }
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStackCommand()).execute(args));
    }
}
