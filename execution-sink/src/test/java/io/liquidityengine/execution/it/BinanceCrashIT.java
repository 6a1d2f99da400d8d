package io.liquidityengine.execution.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.execution.Fixtures;
import io.liquidityengine.execution.Recompute;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged sink trading through the exchange simulator's Binance spot (in this JVM, on loopback), twice
 * over the same brackets and trades: one sink uninterrupted, one on another account and symbol of the same
 * simulator that is SIGKILLed (a) once Binance has bracket B1's entry and before the sink can commit its PLACE
 * (deterministically: the test hook {@code liquidityengine.test.binance.hold-after-send} holds the sink's thread
 * right after that send), after which B1's entry fills while no sink runs, so the restarted sink processes the
 * PLACE again and finds the order at Binance, filled; and (b) right after the trades that fill B2's exits are printed.
 * Binance must have accepted each client order id exactly once, and both sinks must publish the same reports
 * and positions, record for record: no fill lost, none twice.
 */
@ExtendWith(LocalStackExtension.class)
class BinanceCrashIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String CLEAN = "BN-CLEAN";
    private static final String CRASH = "BN-CRASH";
    private static final String INSTRUMENT = "BN-ES";
    private static final int BRACKETS = 4;
    /** BinanceOrders.HOLD_AFTER_SEND (package-private there). */
    private static final String HOLD_AFTER_SEND = "liquidityengine.test.binance.hold-after-send";

    private final List<Process> processes = new ArrayList<>();

    /** One sink's account at the simulator: API key and secret (in files for the sink), its own symbol. */
    private record Account(String name, String apiKey, String secret, String symbol, Path keyFile, Path secretFile) {
        static Account of(BinanceSimulator sim, String name, Path dir) throws IOException {
            Account a = new Account(name, name.replace("-", "") + "Key7Hq2", name.replace("-", "") + "Secret3Jw9", name.replace("-", "") + "USDT",
                    dir.resolve(name + ".key"), dir.resolve(name + ".secret"));
            sim.addAccount(a.apiKey, a.secret);
            sim.listSymbol(a.symbol, new BigDecimal("0.25"), BigDecimal.ONE);
            Files.writeString(a.keyFile, a.apiKey + "\n");
            Files.writeString(a.secretFile, a.secret + "\n");
            return a;
        }

        String account() {
            return name + "-ACC";
        }

        String id(int b) {
            return name + "-ACC-B" + b;
        }
    }

    private static Instant at(int bracket, int second) {
        return Fixtures.T0.plusSeconds(60L * bracket + second);
    }

    /** A MARKET bracket of 3: leg L1 (1) target +2 stop -3, leg L2 (2) target +4 stop -3, around {@code price}. */
    private static Order place(Account a, int b, double price) {
        Side side = b % 2 == 0 ? Side.BUY : Side.SELL;
        int s = side == Side.BUY ? 1 : -1;
        String id = a.id(b);
        return Order.newBuilder().setClientOrderId(id).setBracketId(id).setAccount(a.account()).setInstrument(INSTRUMENT)
                .setAction(OrderAction.PLACE).setSide(side).setEntryType(OrderType.MARKET).setQuantity(3)
                .setLegs(List.of(leg(id + "-L1", 1, price + s * 2.0, price - s * 3.0), leg(id + "-L2", 2, price + s * 4.0, price - s * 3.0)))
                .setEventTime(at(b, 0)).build();
    }

    private static BracketLeg leg(String id, double qty, double target, double stop) {
        return BracketLeg.newBuilder().setLegId(id).setQuantity(qty).setTargetPrice(target).setStopPrice(stop).build();
    }

    private static void print(BinanceSimulator sim, List<Account> accounts, int b, int second, double price) {
        for (Account a : accounts) {
            sim.printTrade(a.symbol, BigDecimal.valueOf(price), at(b, second).toEpochMilli());
        }
    }

    private Process start(LocalStack stack, BinanceSimulator sim, Account a, Path log, String... jvmOptions) throws IOException {
        assertThat(JAR).as("the service jar; run ./mvnw -pl execution-sink verify so that package builds it").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dquarkus.http.port=0",
                "-Dexecution.sink-id=" + a.name.toLowerCase(),
                "-Dexecution.accounts=" + a.account(),
                "-Dexecution.accounts." + a.account() + ".broker=binance",
                "-Dexecution.brokers.binance.rest-url=" + sim.restUrl(),
                "-Dexecution.brokers.binance.ws-url=ws://127.0.0.1:" + sim.port(),
                "-Dexecution.brokers.binance.api-key-file=" + a.keyFile.toAbsolutePath(),
                "-Dexecution.brokers.binance.secret-file=" + a.secretFile.toAbsolutePath(),
                "-Dexecution.brokers.binance.symbol." + INSTRUMENT + "=" + a.symbol));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        return process;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the open transaction is left behind
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitAtVenue(BinanceSimulator sim, Account a, String clientOrderId) throws Exception {
        Kafka.await(a.name + ": Binance has " + clientOrderId, STEP, () -> sim.ordersWithClientId(a.apiKey, clientOrderId) == 1);
    }

    @Test
    void shouldPlaceEachClientOrderIdOnceAndPublishEveryFillOnceThroughKills(LocalStack stack) throws Exception {
        Kafka.instruments(stack, Fixtures.instrument(INSTRUMENT));
        Kafka.startAtEnd(stack, "execution-sink-" + CLEAN.toLowerCase());
        Kafka.startAtEnd(stack, "execution-sink-" + CRASH.toLowerCase());
        Path cleanLog = Path.of("target", "binance-crash-it-clean.log"); // kept for a look after a failure
        Path crashLog = Path.of("target", "binance-crash-it-crash.log");
        Files.deleteIfExists(cleanLog);
        Files.deleteIfExists(crashLog);
        Path dir = Files.createTempDirectory("binance-crash-it");
        try (BinanceSimulator sim = BinanceSimulator.start(RecordedFrames.of(List.of(), List.of()), SimulatorSettings.defaults(), 0)) {
            Account clean = Account.of(sim, CLEAN, dir);
            Account crash = Account.of(sim, CRASH, dir);
            List<Account> both = List.of(clean, crash);
            start(stack, sim, clean, cleanLog);
            // (a) is deterministic: the sink holds its thread right after sending B1's entry, so its PLACE never commits
            Process sink = start(stack, sim, crash, crashLog, "-D" + HOLD_AFTER_SEND + "=" + crash.id(1));
            double price = 6000.0;
            try {
                for (int b = 0; b < BRACKETS; b++) {
                    int s = b % 2 == 0 ? 1 : -1;
                    Kafka.inputs(stack, List.of(place(clean, b, price), place(crash, b, price)));
                    for (Account a : both) {
                        awaitAtVenue(sim, a, a.id(b));
                    }
                    if (b == 1) {
                        String held = "Test hook " + HOLD_AFTER_SEND + ": holding the sink's thread after sending " + crash.id(1);
                        Kafka.await("the crash sink holding after B1's entry", STEP, () -> Files.readString(crashLog, StandardCharsets.UTF_8)
                                .contains(held));
                        kill(sink); // (a) Binance has B1's entry; the sink holds before committing its PLACE
                    }
                    print(sim, both, b, 1, price); // the entries fill (B1's of the crash sink while no sink runs)
                    if (b == 1) {
                        sink = start(stack, sim, crash, crashLog);
                    }
                    for (Account a : both) {
                        for (String leg : List.of("-T1", "-S1", "-T2", "-S2")) {
                            awaitAtVenue(sim, a, a.id(b) + leg); // the exits go once the entry's fill is booked
                        }
                    }
                    print(sim, both, b, 2, price + s * 2.25); // through target 1: T1 filled, S1 expired
                    print(sim, both, b, 3, price - s * 3.0); // stop 2: S2 filled, T2 expired
                    if (b == 2) {
                        kill(sink); // (b) while the fills of B2 arrive
                        sink = start(stack, sim, crash, crashLog);
                    }
                    Kafka.awaitBracketClosed(stack, clean.account(), clean.id(b), STEP);
                    Kafka.awaitBracketClosed(stack, crash.account(), crash.id(b), STEP);
                    price += s * 1.5;
                }
                for (Account a : both) {
                    assertThat(sim.clientOrderIds(a.apiKey)).as(a.name + ": every client order id accepted by Binance exactly once")
                            .hasSize(5 * BRACKETS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- crash log (tail) ---\n" + tail(crashLog) + "\n--- clean log (tail) ---\n"
                        + tail(cleanLog), e);
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }

        List<ExecutionReport> cleanReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, CLEAN + "-ACC");
        List<ExecutionReport> crashReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, CRASH + "-ACC");
        List<Position> cleanPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, CLEAN + "-ACC");
        List<Position> crashPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, CRASH + "-ACC");

        assertThat(normalize(crashReports, CRASH)).containsExactlyElementsOf(normalize(cleanReports, CLEAN));
        assertThat(normalize(crashPositions, CRASH)).containsExactlyElementsOf(normalize(cleanPositions, CLEAN));
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
        // per bracket: L1 +2.00 x1 and L2 -3.00 x2 = -4 points = -16 ticks = -200 USD
        assertThat(total).isEqualByComparingTo(new BigDecimal("-200").multiply(BigDecimal.valueOf(BRACKETS)));
        for (Path sinkLog : List.of(cleanLog, crashLog)) { // every broker event booked: none skipped as of an unknown bracket
            assertThat(Files.readString(sinkLog, StandardCharsets.UTF_8)).as(sinkLog.toString()).doesNotContain("which is not active here");
        }
        String log = Files.readString(crashLog, StandardCharsets.UTF_8);
        assertThat(log).contains("Test hook " + HOLD_AFTER_SEND + ": holding the sink's thread after sending " + CRASH + "-ACC-B1")
                .contains("order " + CRASH + "-ACC-B1 of bracket " + CRASH + "-ACC-B1 found at Binance (FILLED); not sent again");
        assertThat(log).doesNotContain(CRASH.replace("-", "") + "Secret3Jw9").doesNotContain(CRASH.replace("-", "") + "Key7Hq2");
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
