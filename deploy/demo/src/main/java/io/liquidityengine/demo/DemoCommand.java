package io.liquidityengine.demo;

import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Bar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./engine demo}: starts the local stack, generates a synthetic sample day, runs the ingest
 * and topology services as real processes against it, waits until the topology has caught up and
 * prints a summary of what landed on the signal topics. Everything is shut down at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the engine over a synthetic sample trading day on a local Kafka stack and print a summary.")
public final class DemoCommand implements Callable<Integer> {

    private static final String TOPOLOGY_APPLICATION_ID = "liquidity-engine";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Option(names = "--home", defaultValue = ".", description = "The repository root (where the service jars are built).")
    Path home;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic day. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--date", defaultValue = "2024-12-05", description = "Trading date of the synthetic day. Default: ${DEFAULT-VALUE}")
    LocalDate date;

    @Option(names = "--timeout-seconds", defaultValue = "600", description = "Give up after this long. Default: ${DEFAULT-VALUE}")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path work = home.resolve("target/demo").toAbsolutePath();
        Files.createDirectories(work);
        Path ingestJar = home.resolve("ingest-connectors/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path topologyJar = home.resolve("topology/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;

        step("Generating the synthetic sample day " + date + " (seed " + seed + ")");
        SampleDayFiles day = new SampleDayGenerator(seed, date).writeTo(work);
        var s = day.summary();
        say("  %,d ticks from %s to %s New York, %,d contracts; %d option-delta values", s.tickCount(),
                Instant.ofEpochSecond(0, s.firstEpochMicros() * 1000).atZone(NEW_YORK).toLocalTime(),
                Instant.ofEpochSecond(0, s.lastEpochMicros() * 1000).atZone(NEW_YORK).toLocalTime(), s.totalVolume(), s.deltaRows());
        say("  files: %s, %s", day.scid().getFileName(), day.optionDelta().getFileName());

        step("Starting the local stack (KRaft broker + schema registry on loopback)");
        try (LocalStack stack = LocalStack.temporary().start(); Admin admin = stack.admin()) {
            say("  Kafka %s, schema registry %s, %d topics", stack.bootstrapServers(), stack.registryUrl(), Topics.ALL.size());
            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());
            Map<String, String> common = new LinkedHashMap<>();
            common.put("kafka.bootstrap.servers", stack.bootstrapServers());
            common.put("schema.registry.url", stack.registryUrl());
            common.put("quarkus.http.port", "0");

            Map<String, String> ingestProps = new LinkedHashMap<>(common);
            ingestProps.put("ingest.exit-when-done", "true");
            ingestProps.put("ingest.sources.sample-ticks.type", "scid");
            ingestProps.put("ingest.sources.sample-ticks.path", day.scid().toString());
            ingestProps.put("ingest.sources.sample-ticks.instrument", "ES");

            Map<String, String> topologyProps = new LinkedHashMap<>(common);
            topologyProps.put("kafka-streams.state.dir", work.resolve("streams-state").toString());

            step("Starting the ingest service (publishes instruments, then replays the .scid file to md.ticks)");
            try (ServiceProcess ingest = ServiceProcess.start("ingest", ingestJar, ingestProps, work)) {
                waitUntil(() -> reader.endOffsets(admin, Topics.REF_INSTRUMENTS) > 0, deadline, ingest, "instruments on ref.instruments");
                step("Starting the topology service (Kafka Streams, exactly-once)");
                try (ServiceProcess topology = ServiceProcess.start("topology", topologyJar, topologyProps, work)) {
                    long lastTicks = -1;
                    while (ingest.isAlive()) {
                        long ticks = reader.endOffsets(admin, Topics.MD_TICKS);
                        long bars = reader.endOffsets(admin, Topics.SIG_BARS);
                        if (ticks != lastTicks) {
                            say("  md.ticks %,d offsets   sig.bars %,d offsets", ticks, bars);
                            lastTicks = ticks;
                        }
                        check(deadline, topology);
                        ingest.waitFor(2);
                    }
                    int code = ingest.waitFor(5);
                    if (code != 0) {
                        throw new IllegalStateException("the ingest service failed (exit " + code + "):\n" + ingest.tail(30));
                    }
                    say("  ingest done");
                    step("Waiting for the topology to process everything");
                    long stableSince = System.nanoTime();
                    long lastBars = -1;
                    while (true) {
                        check(deadline, topology);
                        long bars = reader.endOffsets(admin, Topics.SIG_BARS);
                        long lag = reader.lag(admin, TOPOLOGY_APPLICATION_ID, Topics.MD_TICKS);
                        if (bars != lastBars) {
                            say("  sig.bars %,d offsets, topology lag on md.ticks %,d", bars, lag);
                            lastBars = bars;
                            stableSince = System.nanoTime();
                        } else if (lag <= Topics.MD_TICKS.partitions() && System.nanoTime() - stableSince > 3_000_000_000L) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    printSummary(reader);
                    step("Stopping services and the local stack");
                }
            }
        }
        say("Done. Service logs: %s", work);
        return 0;
    }

    private void printSummary(TopicReader reader) {
        List<ConsumerRecord<String, Bar>> bars = reader.readAll(Topics.SIG_BARS);
        Map<Integer, Integer> byInterval = new TreeMap<>();
        bars.forEach(r -> byInterval.merge(r.value().getIntervalSeconds(), 1, Integer::sum));
        List<Bar> minutes = bars.stream().map(ConsumerRecord::value).filter(b -> b.getIntervalSeconds() == 60)
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList();
        long deadLetters = reader.readAll(Topics.DLQ_TOPOLOGY).size() + reader.readAll(Topics.DLQ_INGEST).size();

        System.out.println();
        System.out.println("=== Summary " + date + " (synthetic ES session) ===");
        System.out.printf("  ticks on md.ticks:        %,d%n", reader.readAll(Topics.MD_TICKS).size());
        byInterval.forEach((interval, n) -> System.out.printf("  %-25s %,d%n", label(interval) + " bars on sig.bars:", n));
        if (!minutes.isEmpty()) {
            double high = minutes.stream().mapToDouble(Bar::getHigh).max().orElseThrow();
            double low = minutes.stream().mapToDouble(Bar::getLow).min().orElseThrow();
            double volume = minutes.stream().mapToDouble(Bar::getVolume).sum();
            Bar first = minutes.get(0);
            Bar last = minutes.get(minutes.size() - 1);
            System.out.printf("  day from 1m bars %s-%s: open %.2f high %.2f low %.2f close %.2f volume %,.0f%n",
                    first.getStartTime().atZone(NEW_YORK).toLocalTime(), last.getEndTime().atZone(NEW_YORK).toLocalTime(),
                    first.getOpen(), high, low, last.getClose(), volume);
        }
        System.out.printf("  dead letters:             %,d%n", deadLetters);
        System.out.println();
    }

    private static String label(int seconds) {
        return seconds < 60 ? seconds + "s" : seconds < 3600 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, long deadline, ServiceProcess service, String what) throws Exception {
        while (!condition.holds()) {
            check(deadline, service);
            Thread.sleep(200);
        }
    }

    private static void check(long deadline, ServiceProcess service) {
        if (!service.isAlive() && !service.name().equals("ingest")) {
            throw new IllegalStateException("the " + service.name() + " service stopped unexpectedly:\n" + service.tail(30));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the demo timed out; last lines of the " + service.name() + " log:\n" + service.tail(30));
        }
    }

    private static void step(String text) {
        System.out.println("==> " + text);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new DemoCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("demo failed: " + e.getMessage());
            return 1;
        });
        System.exit(cl.execute(args));
    }
}
