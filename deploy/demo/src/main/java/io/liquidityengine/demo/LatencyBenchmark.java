package io.liquidityengine.demo;

import io.liquidityengine.dtc.server.OrderDoorstep;
import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.ingest.dtc.ScidTape;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 10's latency benchmark: a trade printed by the project's DTC server -> the order it causes
 * received by the DTC server, live (no lockstep), through the real services: the ingest ({@code type=dtc})
 * publishes the trade to md.ticks, the topology turns it into bars, plans, a decision and an order on
 * exec.orders, the execution sink's DTC broker sends it. One session of the synthetic sample day per
 * mode, each on a fresh local stack, back to back in this process: the topology with exactly-once v2
 * (commit interval 100 ms, the service's default) and with at-least-once (the baseline).
 *
 * <p>Measured in this JVM with {@link System#nanoTime()}: a trade's print is when the benchmark's pacer
 * releases it on the server's tape (the server sends it to the subscribed ingest from there); an order's
 * receipt is when its {@code SubmitNewSingleOrder} reaches an {@link OrderDoorstep} in front of the server.
 * The trade that caused an order is the first trade printed at or after the order's event time plus the
 * topology's grace ({@code engine.bars.grace}, 2 s): the order's event time is its plan's bar end, and the bar
 * is final, so the plan made, at the first trade that passes the end by the grace. Only PLACE orders are measured (their entry carries the PLACE's
 * client order id); MODIFY and FLATTEN go out as other orders' ids. RSS of each service (VmRSS and its
 * peak VmHWM from /proc) at the end of the session.
 *
 * <pre>
 * ./mvnw -q -DskipTests install   # the service jars and deploy/demo/target/engine-demo.jar
 * java -cp deploy/demo/target/engine-demo.jar io.liquidityengine.demo.LatencyBenchmark --home . --speed 100
 * </pre>
 */
@Command(name = "latency-benchmark", mixinStandardHelpOptions = true,
        description = "Trade printed by the DTC server -> order received by it, through the services, exactly-once vs at-least-once.")
public final class LatencyBenchmark implements Callable<Integer> {

    private static final String ACCOUNT = "ES-LIVE-1";
    private static final String SYMBOL = "ESZ4";

    @Option(names = "--home", defaultValue = ".", description = "The repository root (where the service jars are built).")
    Path home;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic day. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--date", defaultValue = "2024-12-05", description = "Trading date of the synthetic day. Default: ${DEFAULT-VALUE}")
    LocalDate date;

    @Option(names = "--speed", defaultValue = "100", description = "The tape at N times real time. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--modes", split = ",", defaultValue = "at_least_once,exactly_once_v2",
            description = "The topology's processing.guarantee per run, in order. Default: ${DEFAULT-VALUE}")
    List<String> modes;

    @Option(names = "--topology-property", description = "key=value: one more setting of the topology service for every run "
            + "(e.g. kafka-streams.producer.linger.ms=5), for sensitivity runs.")
    Map<String, String> topologyOverrides = new LinkedHashMap<>();

    @Option(names = "--timeout-seconds", defaultValue = "1200", description = "Give up a run after this long. Default: ${DEFAULT-VALUE}")
    long timeoutSeconds;

    /** The topology's default {@code engine.bars.grace}. */
    static final String DEFAULT_GRACE = "PT2S";

    /** The hops of the per-hop profile, in the order an order's cause passes them. */
    static final List<String> HOPS = List.of("print -> md.ticks", "md.ticks -> sig.plans", "sig.plans -> by account",
            "by account -> exec.orders", "exec.orders -> server");

    /**
     * One run's figures; {@code hopsMs[h]} holds hop {@code h} of {@link #HOPS} for each order whose five
     * points were all seen (visibility to a read_committed consumer, see {@link HopTap}).
     */
    record Result(String mode, int places, int matched, double[] latenciesMs, double[][] hopsMs, Map<String, long[]> rssKiB) {

        double percentile(double q) {
            return LatencyBenchmark.percentile(latenciesMs, q);
        }
    }

    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf("==> Latency benchmark: seed %d, %s, tape at %.0f x real time, modes %s, topology overrides %s; %d cores, %s %s%n",
                seed, date, speed, modes, topologyOverrides, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (String mode : modes) {
            results.add(run(mode));
        }
        System.out.println();
        System.out.println("| topology processing.guarantee | PLACE orders | measured | p50 ms | p99 ms | max ms | mean ms | RSS ingest / topology / sink MiB (peak) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            StringBuilder rss = new StringBuilder();
            for (Map.Entry<String, long[]> e : r.rssKiB().entrySet()) {
                rss.append(rss.length() == 0 ? "" : " / ").append(e.getValue()[0] / 1024).append(" (").append(e.getValue()[1] / 1024).append(")");
            }
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", r.mode(), r.places(), r.matched(), r.percentile(0.5),
                    r.percentile(0.99), r.percentile(1.0), Arrays.stream(r.latenciesMs()).average().orElse(Double.NaN), rss);
        }
        System.out.println();
        System.out.println("Per hop (first visibility to a read_committed consumer): p50 / max ms, orders with every point seen");
        System.out.println("| topology processing.guarantee | orders | " + String.join(" | ", HOPS) + " |");
        System.out.println("|---|---|" + "---|".repeat(HOPS.size()));
        for (Result r : results) {
            StringBuilder row = new StringBuilder("| " + r.mode() + " | " + r.hopsMs()[0].length + " |");
            for (double[] hop : r.hopsMs()) {
                row.append(String.format(" %.1f / %.1f |", percentile(hop, 0.5), percentile(hop, 1.0)));
            }
            System.out.println(row);
        }
        if (results.size() == 2) {
            Result base = results.get(0);
            Result other = results.get(1);
            System.out.printf("ratio %s / %s: p50 %.2f, p99 %.2f, max %.2f%n", other.mode(), base.mode(), other.percentile(0.5) / base.percentile(0.5),
                    other.percentile(0.99) / base.percentile(0.99), other.percentile(1.0) / base.percentile(1.0));
        }
        return 0;
    }

    private Result run(String mode) throws Exception {
        System.out.println("==> Run: topology " + mode);
        Path work = home.resolve("target/latency-benchmark/" + mode).toAbsolutePath();
        Files.createDirectories(work);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        SampleDayFiles day = new SampleDayGenerator(seed, date).writeTo(work);
        MarketTape tape = ScidTape.read(day.scid(), DtcReplay.ES_TICK_SIZE, SYMBOL, DtcReplay.EXCHANGE, Integer.MAX_VALUE);
        long[] tradeMicros = new long[tape.size()];
        for (int i = 0; i < tradeMicros.length; i++) {
            tradeMicros[i] = tape.trade(i).timeMicros();
        }
        long[] printedNanos = new long[tape.size()];
        try (LocalStack stack = LocalStack.temporary().start();
             DtcServer server = DtcServer.start(DtcServer.Settings.defaults().withTradeAccounts(List.of("Sim1")).withLogoffAtEnd(true), 0)
                     .addTape(tape);
             OrderDoorstep doorstep = new OrderDoorstep(server.port());
             Admin admin = stack.admin();
             HopTap tap = new HopTap(stack.clientConfig(), stack.registryConfig()).start()) {
            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());
            Map<String, String> common = DemoStack.serviceSettings(stack);

            Map<String, String> ingestProps = new LinkedHashMap<>(common);
            ingestProps.put("ingest.exit-when-done", "true");
            String src = "ingest.sources.es-live.";
            ingestProps.put(src + "type", "dtc");
            ingestProps.put(src + "host", "127.0.0.1");
            ingestProps.put(src + "port", Integer.toString(server.port()));
            ingestProps.put(src + "instrument", "ES");
            ingestProps.put(src + "symbol", SYMBOL);
            ingestProps.put(src + "exchange", DtcReplay.EXCHANGE);
            ingestProps.put(src + "stop-on-logoff", "true");
            ingestProps.put("ingest.sources.es-delta.type", "option-delta");
            ingestProps.put("ingest.sources.es-delta.path", day.optionDelta().toString());
            ingestProps.put("ingest.sources.es-delta.instrument", "ES");

            Map<String, String> topologyProps = new LinkedHashMap<>(common);
            topologyProps.put("kafka-streams.state.dir", work.resolve("streams-state").toString());
            topologyProps.put("kafka-streams.processing.guarantee", mode);
            topologyProps.put("kafka-streams.commit.interval.ms", "100");
            topologyProps.put("engine.risk.accounts", ACCOUNT);
            topologyProps.putAll(topologyOverrides);

            Map<String, String> sinkProps = new LinkedHashMap<>(common);
            sinkProps.put("execution.sink-id", "bench");
            sinkProps.put("execution.accounts", ACCOUNT);
            sinkProps.put("execution.accounts." + ACCOUNT + ".broker", "dtc");
            String dtc = "execution.brokers.dtc.";
            sinkProps.put(dtc + "host", "127.0.0.1");
            sinkProps.put(dtc + "port", Integer.toString(doorstep.port()));
            sinkProps.put(dtc + "trade-account", "Sim1");
            sinkProps.put(dtc + "symbol.ES", SYMBOL);
            sinkProps.put(dtc + "exchange.ES", DtcReplay.EXCHANGE);

            // per service {VmRSS at the last sample, VmHWM}: the ingest's last sample is from just before it exits at the tape's end
            Map<String, long[]> rss = new LinkedHashMap<>();
            try (ServiceProcess ingest = ServiceProcess.start("ingest", jar("ingest-connectors"), ingestProps, work)) {
                await(() -> reader.endOffsets(admin, Topics.REF_INSTRUMENTS) > 0, deadline, ingest, "instruments");
                await(() -> server.subscriptions() > 0, deadline, ingest, "the ingest's subscription");
                long deltas = -1;
                while (deltas <= 0 || deltas != reader.endOffsets(admin, Topics.MD_OPTION_DELTAS)) {
                    deltas = reader.endOffsets(admin, Topics.MD_OPTION_DELTAS);
                    Thread.sleep(500);
                }
                publishExampleStrategy(stack);
                try (ServiceProcess topology = ServiceProcess.start("topology", jar("topology"), topologyProps, work);
                     ServiceProcess sink = ServiceProcess.start("execution-sink", jar("execution-sink"), sinkProps, work)) {
                    await(() -> groupStable(admin, "liquidity-engine"), deadline, topology, "the topology's consumer group stable");
                    await(() -> logContains(sink, "consuming"), deadline, sink, "the sink consuming");
                    System.out.printf("  services up; printing %,d trades at %.0f x real time%n", tape.size(), speed);
                    Thread pacer = new Thread(() -> pace(tape, printedNanos), "benchmark-pacer");
                    pacer.setDaemon(true);
                    pacer.start();
                    while (ingest.isAlive()) {
                        check(deadline, topology);
                        check(deadline, sink);
                        for (ServiceProcess p : List.of(ingest, topology, sink)) {
                            sampleRss(rss, p);
                        }
                        ingest.waitFor(2);
                    }
                    await(() -> reader.lag(admin, "liquidity-engine", Topics.MD_TICKS) <= Topics.MD_TICKS.partitions(), deadline, topology,
                            "the topology caught up");
                    long orders = -1;
                    while (orders != reader.endOffsets(admin, Topics.EXEC_ORDERS)) {
                        orders = reader.endOffsets(admin, Topics.EXEC_ORDERS);
                        Thread.sleep(3_000);
                    }
                    sampleRss(rss, topology);
                    sampleRss(rss, sink);
                }
            }
            long graceMicros = Duration.parse(topologyProps.getOrDefault("engine.bars.grace", DEFAULT_GRACE)).toNanos() / 1_000;
            return measure(mode, reader.readAll(Topics.EXEC_ORDERS), graceMicros, tradeMicros, printedNanos, doorstep, tap, rss);
        }
    }

    /** The service's VmRSS and VmHWM (KiB) from /proc, if it is still running. */
    private static void sampleRss(Map<String, long[]> rss, ServiceProcess service) {
        long[] now = {0, 0};
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    now[0] = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("VmHWM:")) {
                    now[1] = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return; // gone
        }
        if (now[0] > 0) {
            rss.put(service.name(), now);
        }
    }

    /** Prints the tape at {@code speed} x real time, noting when each trade was released to the server's subscribers. */
    private void pace(MarketTape tape, long[] printedNanos) {
        long first = tape.trade(0).timeMicros();
        long start = System.nanoTime();
        int released = 0;
        while (released < tape.size()) {
            long now = System.nanoTime();
            long market = first + (long) ((now - start) / 1_000d * speed);
            int upTo = tape.releaseThrough(market);
            for (int i = released; i < upTo; i++) {
                printedNanos[i] = now;
            }
            released = upTo;
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static Result measure(String mode, List<ConsumerRecord<String, Order>> orders, long graceMicros, long[] tradeMicros,
                                  long[] printedNanos,
                                  OrderDoorstep doorstep, HopTap tap, Map<String, long[]> rss) {
        int places = 0;
        List<Double> latencies = new ArrayList<>();
        List<double[]> hops = new ArrayList<>();
        for (ConsumerRecord<String, Order> r : orders) {
            Order o = r.value();
            if (o.getAction() != OrderAction.PLACE) {
                continue;
            }
            places++;
            // the plan's bar ends at the order's event time and is final at the first trade at or after its end plus the grace
            long t = Micros.of(o.getEventTime()) + graceMicros;
            int i = Arrays.binarySearch(tradeMicros, t);
            if (i < 0) {
                i = -i - 1;
            } else {
                while (i > 0 && tradeMicros[i - 1] == t) {
                    i--;
                }
            }
            Long received = doorstep.firstSeenNanos(o.getClientOrderId());
            if (received == null) {
                received = doorstep.firstSeenNanos(dtcHash(o.getClientOrderId()));
            }
            if (i >= tradeMicros.length || received == null || printedNanos[i] == 0) {
                System.out.printf("  %s: no causing trade or never received (event time %s)%n", o.getClientOrderId(), o.getEventTime());
                continue;
            }
            latencies.add((received - printedNanos[i]) / 1e6);
            // the PLACE's id is <bracket>:<plan revision>:PLACE
            String[] parts = o.getClientOrderId().split(":");
            Long tick = tap.tick(tradeMicros[i] / 1_000);
            int revision = Integer.parseInt(parts[parts.length - 2]);
            Long plan = tap.plan(o.getPlanId(), revision);
            Long fannedOut = tap.fannedOut(o.getPlanId(), revision);
            Long order = tap.order(o.getClientOrderId());
            if (tick == null || plan == null || fannedOut == null || order == null) {
                System.out.printf("  %s: hop points missing (tick %s, plan %s, by account %s, order %s)%n", o.getClientOrderId(),
                        tick, plan, fannedOut, order);
                continue;
            }
            hops.add(new double[] {(tick - printedNanos[i]) / 1e6, (plan - tick) / 1e6, (fannedOut - plan) / 1e6,
                    (order - fannedOut) / 1e6, (received - order) / 1e6});
        }
        double[][] byHop = new double[HOPS.size()][hops.size()];
        for (int o = 0; o < hops.size(); o++) {
            for (int h = 0; h < HOPS.size(); h++) {
                byHop[h][o] = hops.get(o)[h];
            }
        }
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("  %s: %d PLACE orders, %d measured: %s ms%n", mode, places, ms.length,
                Arrays.toString(Arrays.stream(ms).map(v -> Math.round(v * 10) / 10d).toArray()));
        for (int h = 0; h < HOPS.size(); h++) {
            System.out.printf("    %-26s %s ms%n", HOPS.get(h), Arrays.toString(Arrays.stream(byHop[h]).map(v -> Math.round(v * 10) / 10d).toArray()));
        }
        return new Result(mode, places, ms.length, ms, byHop, rss);
    }

    /** The DTC broker's id for an engine id too long for DTC (execution-sink's DtcIds: H + base64url of 15 bytes of SHA-256). */
    static String dtcHash(String engineId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(engineId.getBytes(StandardCharsets.UTF_8));
            return "H" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 15));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path jar(String module) {
        return home.resolve(module + "/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    }

    private static boolean groupStable(Admin admin, String group) throws Exception {
        org.apache.kafka.clients.admin.ConsumerGroupDescription d;
        try {
            d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        } catch (java.util.concurrent.ExecutionException e) {
            return false; // not there yet
        }
        return d != null && d.groupState() == org.apache.kafka.common.GroupState.STABLE && !d.members().isEmpty()
                && d.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    private static boolean logContains(ServiceProcess service, String text) throws Exception {
        return Files.exists(service.log()) && Files.readString(service.log(), StandardCharsets.UTF_8).contains(text);
    }

    private void publishExampleStrategy(LocalStack stack) throws Exception {
        DemoStack.publishRuleStrategy(stack, "ema-cross-patterns", "ES", Files.readString(home.resolve(DemoCommand.EXAMPLE_STRATEGY)));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, long deadline, ServiceProcess service, String what) throws Exception {
        while (!condition.holds()) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the " + service.name() + " service stopped while waiting for " + what + ":\n" + service.tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + "; last lines of the " + service.name() + " log:\n" + service.tail(30));
            }
            Thread.sleep(200);
        }
    }

    private static void check(long deadline, ServiceProcess service) {
        if (!service.isAlive()) {
            throw new IllegalStateException("the " + service.name() + " service stopped:\n" + service.tail(30));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the benchmark timed out; last lines of the " + service.name() + " log:\n" + service.tail(30));
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LatencyBenchmark()).execute(args));
    }
}
