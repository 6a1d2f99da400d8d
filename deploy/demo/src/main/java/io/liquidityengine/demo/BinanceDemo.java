package io.liquidityengine.demo;

import static io.liquidityengine.demo.DemoCommand.check;
import static io.liquidityengine.demo.DemoCommand.say;
import static io.liquidityengine.demo.DemoCommand.step;
import static io.liquidityengine.demo.DemoCommand.waitUntil;

import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./engine demo --venue binance}: a crypto session from recorded frames through the whole loop. The
 * project's exchange simulator (in the demo's JVM, on 127.0.0.1) serves the recorded BTCUSDT aggTrades of
 * 2021-04-04 (628 trades in 44 s, copied from the recording into this module's resources) on its websocket;
 * the ingest's Binance source publishes them to md.ticks as instrument BTC-USDT; the topology builds 1 s bars
 * and runs a rule strategy on them ({@code binance/ema-cross-1s.json}); the risk stage decides around the clock;
 * the execution sink's Binance broker places the orders on the simulator's order entry (signed REST, a user data
 * stream), whose fills come back as exec.reports.
 *
 * <p>Determinism: the sink runs in lockstep with the risk stage, as in the ES demo, and the simulator matches
 * orders against the trades the sink runs ({@code matching-clock=sink}: each trade is printed at the simulator
 * and its fills are booked before the next one), not against its own replay, which reaches the ingest at once.
 * So every run gives the same orders, fills and P&L.
 */
final class BinanceDemo {

    static final String RECORDING = "/binance/binance_spot_2021-04-04_btcusdt";
    static final String STRATEGY = "/binance/ema-cross-1s.json";
    static final String STRATEGY_ID = "ema-cross-1s";
    static final String INSTRUMENT = "BTC-USDT";
    static final String SYMBOL = "BTCUSDT";
    static final String ACCOUNT = "binance-demo";
    /** The sink's id: its consumer group is execution-sink-binance-demo. */
    static final String SINK_ID = "binance-demo";
    private static final String TOPOLOGY_APPLICATION_ID = "liquidity-engine";

    private final Path home;
    private final long timeoutSeconds;
    /** What the simulator's order entry saw, after the run (for the IT). */
    private long ordersAccepted;
    private Map<String, Long> clientOrderIds = Map.of();

    BinanceDemo(Path home, long timeoutSeconds) {
        this.home = home;
        this.timeoutSeconds = timeoutSeconds;
    }

    long ordersAccepted() {
        return ordersAccepted;
    }

    /** Every client order id the simulator accepted, with how many times (1 each: nothing placed twice). */
    Map<String, Long> clientOrderIds() {
        return clientOrderIds;
    }

    /** Runs the session on a running stack, prints the summary and returns it. */
    TradingSummary run(LocalStack stack, Path work) throws Exception {
        Files.createDirectories(work);
        Path ingestJar = home.resolve("ingest-connectors/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path topologyJar = home.resolve("topology/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path sinkJar = home.resolve("execution-sink/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;

        RecordedFrames frames = RecordedFrames.resource(RECORDING);
        step("Starting the exchange simulator (Binance spot, this JVM, 127.0.0.1) with " + frames.size()
                + " recorded BTCUSDT aggTrades of 2021-04-04 20:03 UTC; orders match the trades the sink runs");
        try (BinanceSimulator sim = BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0); Admin admin = stack.admin()) {
            SecureRandom random = new SecureRandom();
            String apiKey = token(random, 32);
            String secret = token(random, 32);
            sim.addAccount(apiKey, secret);
            sim.listSymbol(SYMBOL, new BigDecimal("0.01"), new BigDecimal("0.000001"));
            sim.matchPrintedTradesOnly();
            Path keyFile = secretFile(work.resolve("binance-api-key"), apiKey);
            Path secretFile = secretFile(work.resolve("binance-secret"), secret);
            say("  %s (REST and websocket); account with a key and secret made up for this run, in files only", sim.restUrl());

            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());
            Map<String, String> common = DemoStack.serviceSettings(stack);

            Map<String, String> ingestProps = new LinkedHashMap<>(common);
            String source = "ingest.sources.binance.";
            ingestProps.put(source + "type", "binance");
            ingestProps.put(source + "instrument", INSTRUMENT);
            ingestProps.put(source + "symbol", SYMBOL);
            ingestProps.put(source + "url", sim.wsUrl());
            ingestProps.put(source + "rest-url", sim.restUrl());

            Map<String, String> topologyProps = new LinkedHashMap<>(common);
            topologyProps.put("kafka-streams.state.dir", work.resolve("streams-state").toString());
            topologyProps.put("engine.risk.lockstep", "true");
            topologyProps.put("kafka-streams.commit.interval.ms", "10");
            topologyProps.put("kafka-streams.consumer.fetch.max.wait.ms", "5");
            // 44 s of trades: 1 s bars (5 s and 1 m roll-ups), and a crypto day around the clock
            topologyProps.put("engine.bars.base-interval-seconds", "1");
            topologyProps.put("engine.bars.rollups-seconds", "5,60");
            topologyProps.put("engine.risk.accounts", ACCOUNT);
            topologyProps.put("engine.risk.window-start", "00:00");
            topologyProps.put("engine.risk.window-end", "23:59:59");
            topologyProps.put("engine.risk.flatten-time", "23:59:59");

            Map<String, String> sinkProps = new LinkedHashMap<>(common);
            sinkProps.put("execution.lockstep", "true");
            sinkProps.put("kafka.fetch.max.wait.ms", "5");
            sinkProps.put("execution.sink-id", SINK_ID);
            sinkProps.put("execution.accounts", ACCOUNT);
            sinkProps.put("execution.accounts." + ACCOUNT + ".broker", "binance");
            String broker = "execution.brokers.binance.";
            sinkProps.put(broker + "rest-url", sim.restUrl());
            sinkProps.put(broker + "ws-url", "ws://127.0.0.1:" + sim.port());
            sinkProps.put(broker + "api-key-file", keyFile.toString());
            sinkProps.put(broker + "secret-file", secretFile.toString());
            sinkProps.put(broker + "symbol." + INSTRUMENT, SYMBOL);
            sinkProps.put(broker + "matching-clock", "sink");

            step("Starting the ingest service (type=binance: the simulator's combined stream btcusdt@aggTrade -> md.ticks as " + INSTRUMENT + ")");
            try (ServiceProcess ingest = ServiceProcess.start("ingest", ingestJar, ingestProps, work)) {
                waitUntil(() -> reader.endOffsets(admin, Topics.REF_INSTRUMENTS) > 0, deadline, ingest, "instruments on ref.instruments");
                waitUntil(() -> sim.subscriptions() > 0, deadline, ingest, "the ingest's subscription");
                publishStrategy(stack);
                step("Starting the topology service and the execution sink (Binance broker, account " + ACCOUNT + ")");
                try (ServiceProcess topology = ServiceProcess.start("topology", topologyJar, topologyProps, work);
                     ServiceProcess sink = ServiceProcess.start("execution-sink", sinkJar, sinkProps, work)) {
                    say("  releasing the recording: %d frames to the subscribed ingest", sim.releaseAll());
                    waitUntil(() -> reader.endOffsets(admin, Topics.MD_TICKS) >= frames.size(), deadline, ingest, "the trades on md.ticks");
                    say("  md.ticks %,d offsets", reader.endOffsets(admin, Topics.MD_TICKS));
                    step("Waiting for the closed loop to settle (bars -> plans -> risk -> orders -> Binance broker -> fills -> risk, in lockstep)");
                    long stableSince = System.nanoTime();
                    long last = -1;
                    while (true) {
                        check(deadline, topology);
                        check(deadline, sink);
                        long loop = reader.endOffsets(admin, Topics.SIG_BARS) + reader.endOffsets(admin, Topics.EXEC_ORDERS)
                                + reader.endOffsets(admin, Topics.EXEC_REPORTS) + reader.endOffsets(admin, Topics.RISK_DECISIONS)
                                + reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK);
                        if (loop != last) {
                            say("  sig.bars %,d   exec.orders %,d   exec.reports %,d   risk.decisions %,d   exec.market-clock %,d offsets",
                                    reader.endOffsets(admin, Topics.SIG_BARS), reader.endOffsets(admin, Topics.EXEC_ORDERS),
                                    reader.endOffsets(admin, Topics.EXEC_REPORTS), reader.endOffsets(admin, Topics.RISK_DECISIONS),
                                    reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK));
                            last = loop;
                            stableSince = System.nanoTime();
                        } else if (System.nanoTime() - stableSince > 3_000_000_000L
                                && reader.lag(admin, TOPOLOGY_APPLICATION_ID, Topics.MD_TICKS) == 0
                                && DemoCommand.loopSettled(admin, reader, SINK_ID)) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    ordersAccepted = sim.ordersAccepted(apiKey);
                    clientOrderIds = sim.clientOrderIds(apiKey);
                    SignalSummary.print(reader, "=== Summary 2021-04-04 (Binance BTCUSDT, recorded, " + frames.size() + " trades, times UTC) ===",
                            ZoneOffset.UTC);
                    TradingSummary trading = TradingSummary.read(reader);
                    trading.print(ZoneOffset.UTC);
                    say("  Binance (simulator): %d orders accepted under %d client order ids, %d still open", ordersAccepted,
                            clientOrderIds.size(), sim.openOrders(apiKey));
                    if (!trading.ordersWithoutApprovedDecision().isEmpty()) {
                        throw new IllegalStateException("orders without an APPROVED decision for their plan: " + trading.ordersWithoutApprovedDecision());
                    }
                    return trading;
                }
            }
        }
    }

    /** Publishes the demo's rule strategy for BTC-USDT to config.strategies. */
    private static void publishStrategy(LocalStack stack) throws IOException, Exception {
        String json;
        try (InputStream in = BinanceDemo.class.getResourceAsStream(STRATEGY)) {
            if (in == null) {
                throw new IOException("no resource " + STRATEGY);
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DemoStack.publishRuleStrategy(stack, STRATEGY_ID, INSTRUMENT, json);
        say("  published rule strategy %s (%s) for %s to %s", STRATEGY_ID, STRATEGY, INSTRUMENT, Topics.CONFIG_STRATEGIES.name());
    }

    private static String token(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Writes a made-up credential to a file only its owner can read. */
    private static Path secretFile(Path file, String value) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value + "\n");
        return file.toAbsolutePath();
    }
}
