package io.liquidityengine.local;

import java.nio.file.Path;
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

        @Override
        public Integer call() throws InterruptedException {
            LocalStack stack = LocalStack.persistent(dataDir.toAbsolutePath(), kafkaPort, registryPort).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Stopping the local stack...");
                stack.close();
                System.out.println("Stopped.");
                stopped.countDown();
            }, "local-stack-shutdown"));
            System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
            System.out.println("Schema registry:         " + stack.registryUrl());
            System.out.println("Data directory:          " + stack.dataDir());
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStackCommand()).execute(args));
    }
}
