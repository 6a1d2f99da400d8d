package io.liquidityengine.demo;

import io.liquidityengine.backtest.ProgressLine;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./engine demo}: starts the local stack, generates a synthetic sample day, runs the ingest
 * and topology services as real processes against it, waits until the topology has caught up and
 * prints a summary of what landed on the signal topics. Everything is shut down at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the engine over a synthetic sample trading day on a local Kafka stack and print a summary.")
public final class DemoCommand implements Callable<Integer> {

    private static final String TOPOLOGY_APPLICATION_ID = "liquidity-engine";
    /** The execution sink's default id (execution.sink-id): its consumer group is execution-sink-paper. */
    private static final String SINK_ID = "paper";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String EXAMPLE_STRATEGY = "topology/src/main/resources/strategies/ema-cross-patterns.json";

    @Option(names = "--home", defaultValue = ".", description = "The repository root (where the service jars are built).")
    Path home;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic day. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--date", defaultValue = "2024-12-05", description = "Trading date of the synthetic day. Default: ${DEFAULT-VALUE}")
    LocalDate date;

    /** Where the ingest reads the day's ticks from. */
    enum TickSource { scid, dtc }

    @Option(names = "--source", defaultValue = "scid", description = "Where the ingest reads the day's ticks: scid (the .scid file) "
            + "or dtc (the project's DTC server in this JVM on 127.0.0.1, replaying the .scid file). Default: ${DEFAULT-VALUE}")
    TickSource source = TickSource.scid;

    /** A crypto venue's recorded session instead of the synthetic ES day. */
    enum Venue { binance }

    @Option(names = "--venue", description = "Run a recorded crypto session instead of the synthetic ES day: binance (BTCUSDT "
            + "2021-04-04 through the exchange simulator and the Binance broker, see BinanceDemo).")
    Venue venue;

    /** Which broker the execution sink trades through. */
    enum BrokerChoice { paper, dtc }

    @Option(names = "--broker", defaultValue = "paper", description = "The sink's broker: paper, or dtc (the project's DTC server in "
            + "this JVM, which then serves the ticks too; same fills as paper, see DtcBrokerDemo). Default: ${DEFAULT-VALUE}")
    BrokerChoice broker = BrokerChoice.paper;

    @Option(names = "--notifications", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the notifier (console only) and print its bias flips, fills and closed positions as they happen. "
                    + "Default: ${DEFAULT-VALUE}")
    boolean notifications; // false when built without the command line (ClosedLoopIT)

    @Option(names = "--timeout-seconds", defaultValue = "600", description = "Give up after this long. Default: ${DEFAULT-VALUE}")
    long timeoutSeconds;

    @Option(names = "--kill-at", split = ",", description = "Crash test: each time exec.market-clock reaches one of these end "
            + "offsets, SIGKILL the topology and the execution sink together and start them again (the summary must not change).")
    List<Long> killTopologyAndSinkAt = List.of();
    private int kills;

    @Override
    public Integer call() throws Exception {
        step("Starting the local stack (KRaft broker + schema registry on loopback)");
        try (LocalStack stack = LocalStack.temporary().start()) {
            say("  Kafka %s, schema registry %s, %d topics", stack.bootstrapServers(), stack.registryUrl(), Topics.ALL.size());
            if (venue == Venue.binance) {
                new BinanceDemo(home, timeoutSeconds).run(stack, home.resolve("target/demo").toAbsolutePath());
            } else {
                run(stack, home.resolve("target/demo").toAbsolutePath());
            }
            step("Stopping services and the local stack");
        }
        say("Done. Service logs: %s", home.resolve("target/demo").toAbsolutePath());
        return 0;
    }

    /**
     * The whole demo on a running stack: generates the day into {@code work}, runs the services until
     * the closed loop has settled, prints the summary and stops the services. Returns the sample day.
     */
    SampleDayFiles run(LocalStack stack, Path work) throws Exception {
        Files.createDirectories(work);
        Path ingestJar = home.resolve("ingest-connectors/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path topologyJar = home.resolve("topology/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path sinkJar = home.resolve("execution-sink/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path notifierJar = home.resolve("notifier/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;

        step("Generating the synthetic sample day " + date + " (seed " + seed + ")");
        SampleDayFiles day = new SampleDayGenerator(seed, date).writeTo(work);
        var s = day.summary();
        say("  %,d ticks from %s to %s New York, %,d contracts; %d option-delta values", s.tickCount(),
                Micros.instant(s.firstEpochMicros()).atZone(NEW_YORK).toLocalTime(),
                Micros.instant(s.lastEpochMicros()).atZone(NEW_YORK).toLocalTime(), s.totalVolume(), s.deltaRows());
        say("  files: %s, %s", day.scid().getFileName(), day.optionDelta().getFileName());

        DtcReplay dtc = null;
        if (broker == BrokerChoice.dtc) {
            source = TickSource.dtc; // market data and orders over the same DTC server
            step("Starting the DTC server (this JVM, 127.0.0.1): the .scid file as its tape, orders matched on the sink's clock");
            dtc = DtcBrokerDemo.start(day.scid(), date);
            say("  %s", dtc.describe());
        } else if (source == TickSource.dtc) {
            step("Starting the DTC server (this JVM, 127.0.0.1) with the .scid file as its tape; the replay starts at the first subscription");
            dtc = DtcReplay.start(day.scid(), date);
            say("  %s", dtc.describe());
        }
        try (DtcReplay dtcServer = dtc; Admin admin = stack.admin()) {
            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());
            Map<String, String> common = DemoStack.serviceSettings(stack);

            Map<String, String> ingestProps = new LinkedHashMap<>(common);
            Map<String, String> ingestEnv = Map.of();
            ingestProps.put("ingest.exit-when-done", "true");
            if (dtc == null) {
                ingestProps.put("ingest.sources.sample-ticks.type", "scid");
                ingestProps.put("ingest.sources.sample-ticks.path", day.scid().toString());
                ingestProps.put("ingest.sources.sample-ticks.instrument", "ES");
            } else {
                ingestProps.putAll(dtc.sourceProperties("ingest.sources.sample-ticks.", "ES"));
                ingestEnv = dtc.environment();
            }
            ingestProps.put("ingest.sources.sample-deltas.type", "option-delta");
            ingestProps.put("ingest.sources.sample-deltas.path", day.optionDelta().toString());
            ingestProps.put("ingest.sources.sample-deltas.instrument", "ES");

            // a replay: the risk stage and the paper broker run in lockstep (the same fills and P&L on every run);
            // the short commit interval is the lockstep's round trip (the loop waits for each risk transaction)
            Map<String, String> topologyProps = new LinkedHashMap<>(common);
            topologyProps.put("kafka-streams.state.dir", work.resolve("streams-state").toString());
            topologyProps.put("engine.risk.lockstep", "true");
            topologyProps.put("kafka-streams.commit.interval.ms", "10");
            topologyProps.put("kafka-streams.consumer.fetch.max.wait.ms", "5");
            // a killed instance's group membership ends after this long, then its restart takes over
            topologyProps.put("kafka-streams.session.timeout.ms", "10000");
            Map<String, String> sinkProps = new LinkedHashMap<>(common);
            sinkProps.put("execution.lockstep", "true");
            sinkProps.put("kafka.fetch.max.wait.ms", "5");
            if (broker == BrokerChoice.dtc) {
                sinkProps.putAll(DtcBrokerDemo.sinkProperties(dtc, "ES"));
            }

            step("Starting the ingest service (publishes instruments, then replays " + (dtc == null ? "the .scid file"
                    : "the DTC server's trades (type=dtc, stop-on-logoff)") + " to md.ticks and the option deltas to md.option-deltas)");
            try (ServiceProcess ingest = ServiceProcess.start("ingest", ingestJar, ingestProps, ingestEnv, work)) {
                waitUntil(() -> reader.endOffsets(admin, Topics.REF_INSTRUMENTS) > 0, deadline, ingest, "instruments on ref.instruments");
                // the topology joins option deltas as of event time: let the (small) delta file land before it starts
                waitUntil(new Stable(() -> reader.endOffsets(admin, Topics.MD_OPTION_DELTAS)), deadline, ingest, "option deltas");
                say("  md.option-deltas %,d offsets", reader.endOffsets(admin, Topics.MD_OPTION_DELTAS));
                publishExampleStrategy(stack);
                step("Starting the topology service (Kafka Streams, exactly-once) and the execution sink (" + broker + " broker)");
                try (ServiceProcess topology = ServiceProcess.start("topology", topologyJar, topologyProps, work);
                     ServiceProcess sink = ServiceProcess.start("execution-sink", sinkJar, sinkProps,
                             broker == BrokerChoice.dtc ? dtc.environment() : Map.of(), work);
                     DemoNotifier notifier = notifications ? DemoNotifier.start(notifierJar, common, work) : null) {
                    // the backtest's progress line: how far the topology has come in event time (sig.bars), ticks taken
                    ProgressLine progress = ProgressLine.console(NEW_YORK, s.tickCount());
                    while (ingest.isAlive()) {
                        progress(progress, admin, reader);
                        check(deadline, topology);
                        if (dtc != null && dtc.logonsFailing()) {
                            throw new IllegalStateException("the ingest cannot log on to the DTC server: " + dtc.describe()
                                    + "; last lines of the ingest log:\n" + ingest.tail(10));
                        }
                        chaos(admin, reader, topology, sink);
                        notify(notifier);
                        ingest.waitFor(2);
                    }
                    int code = ingest.waitFor(5);
                    if (code != 0) {
                        throw new IllegalStateException("the ingest service failed (exit " + code + "):\n" + ingest.tail(30));
                    }
                    say("  ingest done");
                    if (dtc != null) {
                        say("  %s", dtc.describe());
                    }
                    step("Waiting for the topology to process everything");
                    long stableSince = System.nanoTime();
                    long lastBars = -1;
                    while (true) {
                        check(deadline, topology);
                        chaos(admin, reader, topology, sink);
                        notify(notifier);
                        long bars = reader.endOffsets(admin, Topics.SIG_BARS);
                        long lag = reader.lag(admin, TOPOLOGY_APPLICATION_ID, Topics.MD_TICKS);
                        if (bars != lastBars) {
                            progress(progress, admin, reader);
                            lastBars = bars;
                            stableSince = System.nanoTime();
                        } else if (lag <= Topics.MD_TICKS.partitions() && System.nanoTime() - stableSince > 3_000_000_000L) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    progress.done();
                    step("Waiting for the closed loop to settle (orders -> sink -> reports -> risk, in lockstep)");
                    long loopStableSince = System.nanoTime();
                    long lastLoop = -1;
                    while (true) {
                        check(deadline, topology);
                        check(deadline, sink);
                        notify(notifier);
                        if (chaos(admin, reader, topology, sink)) {
                            lastLoop = -1;
                        }
                        long loop = reader.endOffsets(admin, Topics.EXEC_ORDERS) + reader.endOffsets(admin, Topics.EXEC_REPORTS)
                                + reader.endOffsets(admin, Topics.RISK_DECISIONS) + reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK);
                        if (loop != lastLoop) {
                            say("  exec.orders %,d   exec.reports %,d   risk.decisions %,d   exec.market-clock %,d offsets",
                                    reader.endOffsets(admin, Topics.EXEC_ORDERS), reader.endOffsets(admin, Topics.EXEC_REPORTS),
                                    reader.endOffsets(admin, Topics.RISK_DECISIONS), reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK));
                            lastLoop = loop;
                            loopStableSince = System.nanoTime();
                        } else if (System.nanoTime() - loopStableSince > 3_000_000_000L && loopSettled(admin, reader)) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    if (notifier != null) {
                        // the notifier consumes on its own: let it catch up with the loop's last records
                        waitUntil(() -> {
                            notifier.printNew();
                            return notifier.caughtUp(admin, reader);
                        }, deadline, notifier.process(), "the notifier's last messages");
                        notifier.printNew();
                        say("  %s", notifier.describe());
                    }
                    SignalSummary.print(reader, "=== Summary " + date + " (synthetic ES session"
                            + (broker == BrokerChoice.dtc ? ", ticks and orders via the DTC server"
                            : source == TickSource.dtc ? ", ticks via the DTC server" : "") + ") ===", NEW_YORK);
                    TradingSummary trading = TradingSummary.read(reader);
                    trading.print(NEW_YORK);
                    say("  %s", DemoBacktest.writeReport(home, day, reader, work.resolve("report"), "Demo " + date + " (synthetic ES session)"));
                    if (!trading.ordersWithoutApprovedDecision().isEmpty()) {
                        throw new IllegalStateException("orders without an APPROVED decision for their plan: "
                                + trading.ordersWithoutApprovedDecision());
                    }
                }
            }
        }
        return day;
    }

    /** The progress line: ticks the topology has taken (md.ticks minus its lag) and the event time of its latest bar. */
    private static void progress(ProgressLine progress, Admin admin, TopicReader reader) throws Exception {
        long taken = reader.endOffsets(admin, Topics.MD_TICKS) - reader.lag(admin, TOPOLOGY_APPLICATION_ID, Topics.MD_TICKS);
        long barTime = reader.lastRecordTimestamp(Topics.SIG_BARS);
        if (barTime > 0) {
            progress.at(Math.max(0, taken), java.time.Instant.ofEpochMilli(barTime));
        }
    }

    /** Kills and restarts the topology and the sink when the next chaos point is reached; true when it did. */
    private boolean chaos(Admin admin, TopicReader reader, ServiceProcess topology, ServiceProcess sink) throws Exception {
        if (kills >= killTopologyAndSinkAt.size() || reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK) < killTopologyAndSinkAt.get(kills)) {
            return false;
        }
        kills++;
        say("  chaos: SIGKILL to the topology and the execution sink at exec.market-clock %,d offsets, then restarting both",
                reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK));
        topology.kill();
        sink.kill();
        topology.restart();
        sink.restart();
        return true;
    }

    /**
     * The loop has nothing left to do: the sink has run the market up to the last signal (its market clock
     * is there) and processed every order and risk clock, and the risk stage every signal, report, position
     * and market clock (trades after the last signal stay unrun: nothing was decided there).
     */
    static boolean loopSettled(Admin admin, TopicReader reader) throws Exception {
        return loopSettled(admin, reader, SINK_ID);
    }

    static boolean loopSettled(Admin admin, TopicReader reader, String sinkId) throws Exception {
        String sinkGroup = "execution-sink-" + sinkId;
        boolean caughtUp = reader.caughtUp(admin, sinkGroup, Topics.EXEC_ORDERS) && reader.caughtUp(admin, sinkGroup, Topics.RISK_CLOCK)
                && reader.caughtUp(admin, TOPOLOGY_APPLICATION_ID, Topics.RISK_SIGNALS_BY_ACCOUNT)
                && reader.caughtUp(admin, TOPOLOGY_APPLICATION_ID, Topics.EXEC_REPORTS)
                && reader.caughtUp(admin, TOPOLOGY_APPLICATION_ID, Topics.EXEC_POSITIONS)
                && reader.caughtUp(admin, TOPOLOGY_APPLICATION_ID, Topics.EXEC_MARKET_CLOCK);
        if (!caughtUp) {
            return false;
        }
        long lastSignal = reader.readAll(Topics.RISK_SIGNALS_BY_ACCOUNT).stream().mapToLong(ConsumerRecord::timestamp).max()
                .orElse(Long.MIN_VALUE);
        long market = reader.readAll(Topics.EXEC_MARKET_CLOCK).stream().mapToLong(ConsumerRecord::timestamp).max().orElse(Long.MIN_VALUE);
        return market >= lastSignal;
    }

    /** Publishes the shipped rule-strategy example to config.strategies, next to the built-in reference strategy. */
    private void publishExampleStrategy(LocalStack stack) throws Exception {
        Path json = home.resolve(EXAMPLE_STRATEGY);
        if (!Files.exists(json)) {
            say("  (no %s: only the reference strategy runs)", json);
            return;
        }
        StrategyDefinition definition = DemoStack.publishRuleStrategy(stack, "ema-cross-patterns", "ES", Files.readString(json));
        say("  published rule strategy %s (%s) to %s", definition.getStrategyId(), EXAMPLE_STRATEGY, Topics.CONFIG_STRATEGIES.name());
    }

    /** Holds once the value is positive and unchanged since the previous check. */
    static final class Stable implements Condition {
        private final Condition.Value value;
        private long previous = -1;

        Stable(Condition.Value value) {
            this.value = value;
        }

        @Override
        public boolean holds() throws Exception {
            long now = value.get();
            boolean stable = now > 0 && now == previous;
            previous = now;
            return stable;
        }
    }

    interface Condition {
        boolean holds() throws Exception;

        interface Value {
            long get() throws Exception;
        }
    }

    static void waitUntil(Condition condition, long deadline, ServiceProcess service, String what) throws Exception {
        while (!condition.holds()) {
            check(deadline, service);
            Thread.sleep(200);
        }
    }

    static void check(long deadline, ServiceProcess service) {
        if (!service.isAlive() && !service.name().equals("ingest")) {
            throw new IllegalStateException("the " + service.name() + " service stopped unexpectedly:\n" + service.tail(30));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the demo timed out; last lines of the " + service.name() + " log:\n" + service.tail(30));
        }
    }

    private static void notify(DemoNotifier notifier) {
        if (notifier != null) {
            notifier.printNew();
        }
    }

    static void step(String text) {
        System.out.println("==> " + text);
    }

    static void say(String format, Object... args) {
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
