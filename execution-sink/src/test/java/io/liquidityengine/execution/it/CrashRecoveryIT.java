package io.liquidityengine.execution.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before
 * failsafe runs) executes a session of brackets twice over identical inputs under two accounts: once
 * uninterrupted, once SIGKILLed in the middle and restarted. Both must publish the same reports and
 * positions: no order executed twice, no fill lost or duplicated, the same P&L.
 */
@ExtendWith(LocalStackExtension.class)
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int BRACKETS = 80;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(240);
    private static final String CLEAN = "IT-CLEAN";
    private static final String CRASH = "IT-CRASH";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    /** One bracket a minute, alternating long and short, a stop tightened at :30 and a flatten at :59.55; a seeded random walk of 600 ticks a minute. */
    static List<SpecificRecord> session(String account, String symbol) {
        Random random = new Random(20241205);
        List<SpecificRecord> out = new ArrayList<>();
        double price = 6000.0;
        Instant start = Fixtures.T0;
        for (int b = 0; b < BRACKETS; b++) {
            Instant base = start.plusSeconds(60L * b);
            Side side = b % 2 == 0 ? Side.BUY : Side.SELL;
            int s = side == Side.BUY ? 1 : -1;
            String id = account + "-B" + b;
            out.add(order(account, symbol, id, id, OrderAction.PLACE, side, base.plusMillis(50), 3, List.of(
                    leg(id + "-L1", 1, price + s * 2.0, price - s * 3.0), leg(id + "-L2", 2, price + s * 4.0, price - s * 3.0))));
            for (int k = 1; k < 600; k++) {
                price += 0.25 * (random.nextInt(3) - 1);
                out.add(Tick.newBuilder().setInstrument(symbol).setEventTime(base.plusMillis(100L * k)).setPrice(price).setSize(1)
                        .setAggressor(AggressorSide.UNKNOWN).setSourceSequence(600L * b + k).build());
                if (k == 300) {
                    out.add(order(account, symbol, id + "-M", id, OrderAction.MODIFY, side, base.plusMillis(30_050), 0, List.of(
                            leg(id + "-L1", 1, null, price - s * 1.0), leg(id + "-L2", 2, null, price - s * 1.0))));
                }
            }
            out.add(order(account, symbol, id + "-X", id, OrderAction.FLATTEN, side, base.plusMillis(59_550), 0, List.of()));
        }
        return out;
    }

    private static BracketLeg leg(String id, double qty, Double target, double stop) {
        return BracketLeg.newBuilder().setLegId(id).setQuantity(qty).setTargetPrice(target).setStopPrice(stop).build();
    }

    private static Order order(String account, String symbol, String coid, String bracket, OrderAction action, Side side, Instant t,
                               double qty, List<BracketLeg> legs) {
        return Order.newBuilder().setClientOrderId(coid).setBracketId(bracket).setAccount(account).setInstrument(symbol).setAction(action)
                .setSide(side).setEntryType(OrderType.MARKET).setQuantity(qty).setLegs(legs).setEventTime(t).build();
    }

    private Process start(LocalStack stack, String name, Path log) throws IOException {
        assertThat(JAR).as("the service jar; run ./mvnw -pl execution-sink verify so that package builds it").isRegularFile();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dschema.registry.url=" + stack.registryUrl(),
                "-Dquarkus.http.port=0",
                "-Dexecution.sink-id=" + name.toLowerCase(),
                "-Dexecution.accounts=" + name + "-ACC",
                "-Dexecution.max-records-per-transaction=1000",
                "-Dexecution.paper.slippage-ticks=1",
                "-Dexecution.paper.commission-per-contract=2.25",
                "-jar", JAR.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        return process;
    }

    @Test
    void shouldPublishTheSameReportsAndPnlAfterASigkillAndRestartAsAnUninterruptedRun(LocalStack stack) throws Exception {
        Kafka.instruments(stack, Fixtures.instrument(CLEAN + "-SYM"), Fixtures.instrument(CRASH + "-SYM"));
        Kafka.startAtEnd(stack, "execution-sink-" + CLEAN.toLowerCase());
        Kafka.startAtEnd(stack, "execution-sink-" + CRASH.toLowerCase());
        // both copies interleaved, so a partition both accounts share stays in event-time order (as the topology writes it)
        List<SpecificRecord> cleanInputs = session(CLEAN + "-ACC", CLEAN + "-SYM");
        List<SpecificRecord> crashInputs = session(CRASH + "-ACC", CRASH + "-SYM");
        List<SpecificRecord> both = new ArrayList<>();
        for (int i = 0; i < cleanInputs.size(); i++) {
            both.add(cleanInputs.get(i));
            both.add(crashInputs.get(i));
        }
        Kafka.inputs(stack, both);
        Path cleanLog = Path.of("target", "crash-it-clean.log"); // kept for a look after a failure
        Path crashLog = Path.of("target", "crash-it-crash.log");
        Files.deleteIfExists(cleanLog);
        Files.deleteIfExists(crashLog);
        long closedAtKill;
        try {
            Process clean = start(stack, CLEAN, cleanLog);
            Process first = start(stack, CRASH, crashLog);
            try (ClosedCounter counter = new ClosedCounter(stack, CRASH + "-ACC")) {
                Kafka.await("15 closed positions before the kill", STEP_TIMEOUT, () -> counter.poll() >= 15);
                first.destroyForcibly(); // SIGKILL: no shutdown hook, the open transaction is left behind
                assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
                closedAtKill = counter.drain();
            }
            assertThat(closedAtKill).as("killed in the middle of the session").isLessThan(BRACKETS);
            start(stack, CRASH, crashLog);
            awaitLastFlatten(stack, CRASH);
            awaitLastFlatten(stack, CLEAN);
            assertThat(clean.isAlive()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- crash log (tail) ---\n" + tail(crashLog) + "\n--- clean log (tail) ---\n"
                    + tail(cleanLog), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        List<ExecutionReport> cleanReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, CLEAN + "-ACC");
        List<ExecutionReport> crashReports = Kafka.readAll(stack, Topics.EXEC_REPORTS, CRASH + "-ACC");
        List<Position> cleanPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, CLEAN + "-ACC");
        List<Position> crashPositions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, CRASH + "-ACC");

        // identical, record for record, once the account and instrument names are aligned
        assertThat(normalize(crashReports, CRASH)).containsExactlyElementsOf(normalize(cleanReports, CLEAN));
        assertThat(normalize(crashPositions, CRASH)).containsExactlyElementsOf(normalize(cleanPositions, CLEAN));

        // no order executed twice, no fill lost or duplicated
        assertThat(crashReports).extracting(ExecutionReport::getReportId).doesNotHaveDuplicates();
        assertThat(crashReports.stream().filter(r -> r.getExecType() == ExecType.ACCEPTED)).hasSize(BRACKETS);
        assertThat(crashReports.stream().filter(r -> r.getExecType() == ExecType.FILLED && r.getRole() == OrderRole.ENTRY)).hasSize(BRACKETS);
        Map<String, Position> last = crashPositions.stream().collect(Collectors.toMap(Position::getPositionId, p -> p, (a, b) -> b));
        assertThat(last).hasSize(BRACKETS);
        assertThat(last.values()).extracting(Position::getStatus).containsOnly(PositionStatus.CLOSED);
        Map<String, BigDecimal> filledPerBracket = new java.util.HashMap<>();
        crashReports.stream().filter(r -> r.getExecType() == ExecType.FILLED && r.getRole() != OrderRole.ENTRY)
                .forEach(r -> filledPerBracket.merge(r.getBracketId(), BigDecimal.valueOf(r.getFillQuantity()), BigDecimal::add));
        assertThat(filledPerBracket.values()).allSatisfy(q -> assertThat(q).isEqualByComparingTo("3"));

        // the same P&L, and it equals a recomputation from the reports
        Map<String, Recompute.Result> recomputed = Recompute.fromReports(crashReports, new BigDecimal("0.25"), new BigDecimal("12.50"));
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : last.values()) {
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(recomputed.get(p.getPositionId()).realizedPnl());
            assertThat(p.getCommission()).isEqualByComparingTo(recomputed.get(p.getPositionId()).commission());
            total = total.add(p.getRealizedPnl());
        }
        BigDecimal cleanTotal = cleanPositions.stream().collect(Collectors.toMap(Position::getPositionId, p -> p, (a, b) -> b)).values().stream()
                .map(Position::getRealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualTo(cleanTotal);
        assertThat(last.values().stream().map(Position::getCommission).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal("2.25").multiply(BigDecimal.valueOf(6L * BRACKETS)));
        assertThat(Files.readString(crashLog, StandardCharsets.UTF_8)).contains("Sink it-crash: restored snapshot");
    }

    /** The flatten of the last bracket is the last order: once it is filled or rejected, the sink is through its session. */
    private static void awaitLastFlatten(LocalStack stack, String name) {
        String last = name + "-ACC-B" + (BRACKETS - 1) + "-X";
        Kafka.awaitRecord(stack, Topics.EXEC_REPORTS, name + "-ACC", r -> r.getClientOrderId().equals(last)
                && (r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.REJECTED), STEP_TIMEOUT);
    }

    private static List<String> normalize(List<? extends SpecificRecord> records, String name) {
        return records.stream().map(r -> r.toString().replace(name + "-ACC", "ACC").replace(name + "-SYM", "SYM")).toList();
    }

    /** Counts CLOSED positions of one account as they are committed. */
    private static final class ClosedCounter implements AutoCloseable {
        private final KafkaConsumer<String, Position> consumer;
        private final String account;
        private final Set<String> closed = new HashSet<>();

        ClosedCounter(LocalStack stack, String account) {
            Map<String, Object> config = stack.clientConfig();
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
            this.account = account;
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    Topics.EXEC_POSITIONS.valueSerde(stack.registryConfig()).deserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EXEC_POSITIONS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        long poll() {
            for (ConsumerRecord<String, Position> r : consumer.poll(Duration.ofMillis(500))) {
                if (account.equals(r.key()) && r.value().getStatus() == PositionStatus.CLOSED) {
                    closed.add(r.value().getPositionId());
                }
            }
            return closed.size();
        }

        /** Reads what was committed before the kill. */
        long drain() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                poll();
            }
            return closed.size();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
