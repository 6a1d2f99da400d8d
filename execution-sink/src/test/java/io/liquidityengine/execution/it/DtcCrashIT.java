package io.liquidityengine.execution.it;

import io.liquidityengine.dtc.server.OrderDoorstep;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.dtc.server.OrderMatcher;
import io.liquidityengine.dtc.server.TapeTrade;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.dtc.session.SessionListener;
import io.liquidityengine.execution.Fixtures;
import io.liquidityengine.execution.Recompute;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.CommandType;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged sink trading through the project's DTC server (in this JVM, on loopback, a tape the test
 * prints trade by trade), twice over the same brackets and trades: one sink uninterrupted against its
 * own server, one against another server and
 * <ol>
 *   <li>SIGKILLed after bracket B1's orders reached the server but before the transaction of its PLACE
 *       committed (the test hook {@code liquidityengine.test.dtc.hold-after-send} holds the sink's thread
 *       right after the sends; the kill comes once the server has accepted every order of B1), then B1
 *       fills while no sink runs;</li>
 *   <li>SIGKILLed right after the three trades that fill B2 are printed (while the fills arrive), B2's PLACE
 *       committed before;</li>
 *   <li>its server connection dropped ({@link DtcServer#dropConnections()}) after B3's entry filled.</li>
 * </ol>
 * The server must have seen each client order id exactly once (counted at its door, duplicates
 * included), and both sinks must publish the same reports and positions, record for record.
 */
@ExtendWith(LocalStackExtension.class)
class DtcCrashIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String CLEAN = "DTC-CLEAN";
    private static final String CRASH = "DTC-CRASH";
    private static final String INSTRUMENT = "DTC-ES";
    private static final String SYMBOL = "ESZ4";
    private static final String TRADE_ACCOUNT = "Sim1";
    private static final int BRACKETS = 5;

    private final List<Process> processes = new ArrayList<>();

    /** One sink's venue: its own DTC server and tape, the door counter, and a session that watches the account's orders. */
    private static final class Venue implements AutoCloseable {
        final DtcServer server;
        final MarketTape tape = new MarketTape(SYMBOL, "CME", List.of(), 0.25);
        final OrderDoorstep door;
        final DtcClient watcher;
        final Set<String> accepted = new HashSet<>();

        Venue() throws IOException {
            this(DtcServer.Matching.TAPE);
        }

        Venue(DtcServer.Matching matching) throws IOException {
            server = DtcServer.start(DtcServer.Settings.defaults().withTradeAccounts(List.of(TRADE_ACCOUNT))
                    .withOrderRules(new OrderMatcher.Rules(0, OrderMatcher.LimitFill.THROUGH)).withMatching(matching), 0).addTape(tape);
            door = new OrderDoorstep(server.port());
            watcher = new DtcClient(ClientSettings.of("watcher", "127.0.0.1", server.port()).withTradeAccount(TRADE_ACCOUNT),
                    DtcCredentials.none(), new SessionListener() {
                        @Override
                        public void onLoggedOn(long connection, LogonResponse response) {
                            synchronized (accepted) {
                                accepted.add("");
                                accepted.notifyAll();
                            }
                        }

                        @Override
                        public void onMessage(long connection, DtcMessage m) {
                            if (m instanceof OrderUpdate u && u.orderUpdateReason() == OrderUpdateReason.NEW_ORDER_ACCEPTED) {
                                synchronized (accepted) {
                                    accepted.add(u.clientOrderId());
                                    accepted.notifyAll();
                                }
                            }
                        }

                        @Override
                        public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
                        }

                        @Override
                        public void onDisconnected(long connection, String reason) {
                        }
                    }).start();
        }

        /** Blocks until the server has accepted every one of {@code ids} (told to the watching session). */
        void awaitAccepted(Set<String> ids) throws InterruptedException {
            long deadline = System.nanoTime() + STEP.toNanos();
            synchronized (accepted) {
                while (!accepted.containsAll(ids)) {
                    long left = deadline - System.nanoTime();
                    assertThat(left).as("the server accepts " + ids + "; accepted so far " + accepted).isPositive();
                    accepted.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        }

        @Override
        public void close() {
            watcher.close();
            door.close();
            server.close();
        }
    }

    private static Instant at(int bracket, int second) {
        return Fixtures.T0.plusSeconds(60L * bracket + second);
    }

    private static String id(String name, int b) {
        return name + "-ACC-B" + b;
    }

    /** A MARKET bracket of 3: leg L1 (1) target +2 stop -3, leg L2 (2) target +4 stop -3, around {@code price}. */
    private static Order place(String name, int b, double price) {
        Side side = b % 2 == 0 ? Side.BUY : Side.SELL;
        int s = side == Side.BUY ? 1 : -1;
        String id = id(name, b);
        return Order.newBuilder().setClientOrderId(id).setBracketId(id).setAccount(name + "-ACC").setInstrument(INSTRUMENT)
                .setAction(OrderAction.PLACE).setSide(side).setEntryType(OrderType.MARKET).setQuantity(3)
                .setLegs(List.of(leg(id + "-L1", 1, price + s * 2.0, price - s * 3.0), leg(id + "-L2", 2, price + s * 4.0, price - s * 3.0)))
                .setEventTime(at(b, 0)).build();
    }

    private static BracketLeg leg(String id, double qty, double target, double stop) {
        return BracketLeg.newBuilder().setLegId(id).setQuantity(qty).setTargetPrice(target).setStopPrice(stop).build();
    }

    /** The DTC client order ids of a bracket: the entry and both OCO pairs. */
    private static Set<String> dtcIds(String name, int b) {
        String id = id(name, b);
        return Set.of(id, id + "/T1", id + "/S1", id + "/T2", id + "/S2");
    }

    private static void print(Venue venue, int b, int second, double price) {
        venue.tape.print(new TapeTrade(at(b, second).toEpochMilli() * 1_000L, price, 1, 0, price - 0.25, price));
    }

    private Process start(LocalStack stack, String name, Venue venue, Path log, String... extra) throws IOException {
        assertThat(JAR).as("the service jar; run ./mvnw -pl execution-sink verify so that package builds it").isRegularFile();
        String account = name + "-ACC";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dquarkus.http.port=0",
                "-Dexecution.sink-id=" + name.toLowerCase(),
                "-Dexecution.accounts=" + account,
                "-Dexecution.accounts." + account + ".broker=dtc",
                "-Dexecution.brokers.dtc.host=127.0.0.1",
                "-Dexecution.brokers.dtc.port=" + venue.door.port(),
                "-Dexecution.brokers.dtc.trade-account=" + TRADE_ACCOUNT,
                "-Dexecution.brokers.dtc.symbol." + INSTRUMENT + "=" + SYMBOL,
                "-Dexecution.brokers.dtc.exchange." + INSTRUMENT + "=CME"));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        return process;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the open transaction is left behind
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldSeeEachClientOrderIdOnceAndPublishEveryFillOnceThroughKillsAndADroppedConnection(LocalStack stack) throws Exception {
        throughKills(stack, CLEAN, CRASH, false);
    }

    /**
     * The same kills and dropped connection with {@code matching-clock=sink} (the demo's and replays' mode): both servers
     * in {@code matching=external}, every trade printed on their tapes and then published on md.ticks, where the sinks
     * read it and have their server match through it. Nothing fills while no sink runs here: in (a) the restarted sink
     * adopts B1's orders and the entry fills on its clock; in (b) the fills of B2 the killed sink's clock caused come
     * back through reconciliation, and its clock's requests for trades already matched do nothing.
     */
    @Test
    void shouldDoTheSameWithTheSinkAsTheServersMatchingClock(LocalStack stack) throws Exception {
        throughKills(stack, "DTCS-CLEAN", "DTCS-CRASH", true);
    }

    private void throughKills(LocalStack stack, String cleanName, String crashName, boolean sinkClock) throws Exception {
        DtcServer.Matching matching = sinkClock ? DtcServer.Matching.EXTERNAL : DtcServer.Matching.TAPE;
        String[] clock = sinkClock ? new String[] {"-Dexecution.brokers.dtc.matching-clock=sink"} : new String[0];
        Kafka.instruments(stack, Fixtures.instrument(INSTRUMENT));
        Kafka.startAtEnd(stack, "execution-sink-" + cleanName.toLowerCase());
        Kafka.startAtEnd(stack, "execution-sink-" + crashName.toLowerCase());
        Path cleanLog = Path.of("target", "dtc-crash-it-" + cleanName.toLowerCase() + ".log"); // kept for a look after a failure
        Path crashLog = Path.of("target", "dtc-crash-it-" + crashName.toLowerCase() + ".log");
        Files.deleteIfExists(cleanLog);
        Files.deleteIfExists(crashLog);
        try (Venue clean = new Venue(matching); Venue crash = new Venue(matching)) {
            start(stack, cleanName, clean, cleanLog, clock);
            Process sink = start(stack, crashName, crash, crashLog, concat(clock, "-D" + "liquidityengine.test.dtc.hold-after-send=" + id(crashName, 1)));
            double price = 6000.0;
            for (int b = 0; b < BRACKETS; b++) {
                int s = b % 2 == 0 ? 1 : -1;
                Kafka.inputs(stack, List.of(place(cleanName, b, price), place(crashName, b, price)));
                clean.awaitAccepted(dtcIds(cleanName, b));
                crash.awaitAccepted(dtcIds(crashName, b));
                if (b == 2) {
                    // B2's PLACE committed (its ACCEPTED is on exec.reports), so (b) restores a snapshot that holds B2
                    String placed = id(crashName, 2);
                    Kafka.awaitRecord(stack, Topics.EXEC_REPORTS, crashName + "-ACC", r -> r.getClientOrderId().equals(placed)
                            && r.getExecType() == ExecType.ACCEPTED, STEP);
                }
                if (b == 1) {
                    kill(sink); // (a) B1's orders are at the server; the sink holds before committing its PLACE
                    sink = start(stack, crashName, crash, crashLog, clock);
                }
                trade(stack, sinkClock, List.of(clean, crash), b, 1, price); // entry at the price
                if (b == 3) {
                    assertThat(crash.server.dropConnections()).as("the sink's and the watcher's sessions").isGreaterThanOrEqualTo(1);
                }
                trade(stack, sinkClock, List.of(clean, crash), b, 2, price + s * 2.25); // through target 1: T1 filled, S1 cancelled
                trade(stack, sinkClock, List.of(clean, crash), b, 3, price - s * 3.0); // stop 2: S2 filled, T2 cancelled
                if (b == 2) {
                    kill(sink); // (b) while the fills of B2 arrive
                    sink = start(stack, crashName, crash, crashLog, clock);
                }
                Kafka.awaitBracketClosed(stack, cleanName + "-ACC", id(cleanName, b), STEP);
                Kafka.awaitBracketClosed(stack, crashName + "-ACC", id(crashName, b), STEP);
                price += s * 1.5;
            }
            assertThat(crash.door.submitted()).as("every client order id reached the server exactly once")
                    .hasSize(5 * BRACKETS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(clean.door.submitted()).hasSize(5 * BRACKETS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- crash log (tail) ---\n" + tail(crashLog) + "\n--- clean log (tail) ---\n"
                    + tail(cleanLog), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        List<ExecutionReport> cleanReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, cleanName + "-ACC");
        List<ExecutionReport> crashReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, crashName + "-ACC");
        List<Position> cleanPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, cleanName + "-ACC");
        List<Position> crashPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, crashName + "-ACC");

        assertThat(normalize(crashReports, crashName)).containsExactlyElementsOf(normalize(cleanReports, cleanName));
        assertThat(normalize(crashPositions, crashName)).containsExactlyElementsOf(normalize(cleanPositions, cleanName));
        assertThat(crashReports).extracting(ExecutionReport::getReportId).doesNotHaveDuplicates();
        assertThat(crashReports.stream().filter(r -> r.getExecType() == ExecType.ACCEPTED)).hasSize(BRACKETS);
        assertThat(crashReports.stream().filter(r -> r.getExecType() == ExecType.FILLED)).hasSize(3 * BRACKETS);
        assertThat(crashReports.stream().filter(r -> r.getExecType() == ExecType.CANCELLED)).hasSize(2 * BRACKETS);
        Map<String, Position> last = crashPositions.stream().collect(Collectors.toMap(Position::getPositionId, p -> p, (a, b) -> b));
        assertThat(last).hasSize(BRACKETS);
        assertThat(last.values()).extracting(Position::getStatus).containsOnly(PositionStatus.CLOSED);
        Map<String, Recompute.Result> recomputed = Recompute.fromReports(crashReports, new BigDecimal("0.25"), new BigDecimal("12.50"));
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : last.values()) {
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(recomputed.get(p.getPositionId()).realizedPnl());
            total = total.add(p.getRealizedPnl());
        }
        // per bracket: +2 ticks... L1 +2.00 x1 and L2 -3.00 x2 = -4 points = -16 ticks = -200 USD
        assertThat(total).isEqualByComparingTo(new BigDecimal("-200").multiply(BigDecimal.valueOf(BRACKETS)));
        for (Path sinkLog : List.of(cleanLog, crashLog)) { // every broker event booked: none skipped as of an unknown bracket
            assertThat(Files.readString(sinkLog, StandardCharsets.UTF_8)).as(sinkLog.toString()).doesNotContain("which is not active here");
        }
        String log = Files.readString(crashLog, StandardCharsets.UTF_8);
        assertThat(log).as("window (a) was hit: B1 adopted from the server").contains("bracket " + id(crashName, 1) + " adopted from the server");
        assertThat(log).as("the dropped session came back and reconciled").contains("logged on again");
    }

    /** A trade on both venues' tapes and, with the sink's clock, then on md.ticks (the server must have it before the clock names it). */
    private static void trade(LocalStack stack, boolean sinkClock, List<Venue> venues, int b, int second, double price) {
        for (Venue v : venues) {
            print(v, b, second, price);
        }
        if (sinkClock) {
            Kafka.inputs(stack, List.of(Fixtures.tick(INSTRUMENT, 60 * b + second, price)));
        }
    }

    private static String[] concat(String[] options, String option) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = option;
        return all;
    }

    /**
     * A position changed at the server behind the sink's back (another session on the trade account buys 2
     * at market): the packaged sink's reconciliation on connect finds it and publishes one HALT for the
     * account on control.commands (the risk stage then takes no new entry), logs one clear line and counts
     * it in execution_reconciliation_discrepancies_total{kind="POSITION_MISMATCH"} on /q/metrics.
     */
    @Test
    void shouldHaltTheAccountWhenTheServersPositionDiffersFromTheSinks(LocalStack stack) throws Exception {
        String name = "DTC-HALT";
        String account = name + "-ACC";
        Kafka.instruments(stack, Fixtures.instrument(INSTRUMENT));
        Kafka.startAtEnd(stack, "execution-sink-" + name.toLowerCase());
        Path log = Files.createTempFile("dtc-halt-sink", ".log");
        int httpPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }
        try (Venue venue = new Venue()) {
            venue.awaitAccepted(Set.of(""));   // the watcher is logged on
            // behind the sink's back: a manual market order of 2 on the trade account, filled by the next print
            venue.watcher.send(io.liquidityengine.dtc.message.SubmitNewSingleOrder.builder().symbol(SYMBOL).exchange("CME")
                    .tradeAccount(TRADE_ACCOUNT).clientOrderId("manual-1").orderType(io.liquidityengine.dtc.message.OrderType.MARKET)
                    .buySell(io.liquidityengine.dtc.message.BuySell.BUY).quantity(2).build());
            venue.awaitAccepted(Set.of("manual-1"));
            print(venue, 1, 1, 6001.00);

            Process sink = start(stack, name, venue, log, "-Dquarkus.http.port=" + httpPort);
            ControlCommand halt = Kafka.awaitRecord(stack, Topics.CONTROL_COMMANDS, account, c -> c.getCommand() == CommandType.HALT, STEP);
            assertThat(halt.getIssuedBy()).isEqualTo("execution-sink reconciliation");
            assertThat(halt.getReason()).isEqualTo("position in " + SYMBOL + " at the server 2, the sink's 0 (trade account " + TRADE_ACCOUNT + ")");
            Kafka.await("the mismatch in the sink's log", STEP,
                    () -> Files.readString(log, StandardCharsets.UTF_8).contains("Reconciliation, account " + account
                            + ": POSITION_MISMATCH position in " + SYMBOL + " at the server 2, the sink's 0 (trade account " + TRADE_ACCOUNT
                            + "); HALT published on control.commands"));
            String metrics = scrape(httpPort);
            assertThat(metrics.lines().filter(l -> l.startsWith("execution_reconciliation_discrepancies_total{")
                    && l.contains("kind=\"POSITION_MISMATCH\"")).toList()).as(metrics).singleElement().asString().endsWith(" 1.0");
            assertThat(Kafka.readAll(stack, Topics.CONTROL_COMMANDS, account)).as("one HALT, however often the sink reconciles")
                    .filteredOn(c -> c.getCommand() == CommandType.HALT).hasSize(1);
            assertThat(Files.readString(log, StandardCharsets.UTF_8).lines().filter(l -> l.contains("POSITION_MISMATCH")).count())
                    .as("one line\n" + tail(log)).isEqualTo(1);
            sink.destroy();
            assertThat(sink.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The sink's Prometheus metrics, once it serves them. */
    private static String scrape(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> normalize(List<? extends org.apache.avro.specific.SpecificRecord> records, String name) {
        return records.stream().map(r -> r.toString().replace(name + "-ACC", "ACC")).toList();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
