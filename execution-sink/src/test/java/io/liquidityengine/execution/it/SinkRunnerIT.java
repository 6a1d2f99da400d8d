package io.liquidityengine.execution.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.Fixtures;
import io.liquidityengine.execution.Recompute;
import io.liquidityengine.execution.kafka.SinkRunner;
import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink loop on the real broker: orders and ticks in, reports, positions and dead letters out. */
@ExtendWith(LocalStackExtension.class)
class SinkRunnerIT {

    private static final String ACCOUNT = "IT-RUN-ACC";
    private static final String SYMBOL = "IT-RUN";

    @Test
    void shouldExecuteOrdersAgainstTicksAndPublishExactReportsPositionsAndDeadLetters(LocalStack stack) throws Exception {
        Kafka.instruments(stack, Fixtures.instrument(SYMBOL));
        Kafka.startAtEnd(stack, "execution-sink-it-run");
        List<SpecificRecord> inputs = new ArrayList<>(Fixtures.day(ACCOUNT, SYMBOL));
        Order unknownInstrument = Fixtures.place(ACCOUNT, "IT-NOPE", "U1", Side.BUY, OrderType.MARKET, null, 12,
                Fixtures.leg("U1-1", 1, 6002.0, 5990.0));
        inputs.add(unknownInstrument);
        Kafka.inputs(stack, inputs);
        byte[] garbage = {0, 0, 0, 0, 7, 1, 2, 3};
        Kafka.raw(stack, Topics.EXEC_ORDERS, ACCOUNT, garbage, Fixtures.at(13).toEpochMilli());

        PaperBroker.Config paper = new PaperBroker.Config(1, new BigDecimal("1.10"), PaperBroker.LimitFill.THROUGH);
        SinkRunner runner = new SinkRunner(stack.clientConfig(),
                SinkRunner.Settings.of("it-run", new ExecutionSink.Config(Set.of(ACCOUNT), Duration.ofDays(7)), PaperBrokerFactory.everyAccount(paper)),
                new SimpleMeterRegistry());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                runner.run(stop::get);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "it-sink");
        thread.start();
        try {
            // the undecodable record is the last input (event time 13 s): its dead letter commits after every report
            Kafka.awaitRecord(stack, Topics.DLQ_EXECUTION, ExecutionSink.DEAD_LETTER_SOURCE,
                    d -> d.getPayload().equals(ByteBuffer.wrap(garbage)), Duration.ofSeconds(120));
        } finally {
            stop.set(true);
            thread.join(30_000);
        }
        assertThat(failure.get()).isNull();

        // the expected outputs: the same inputs through the plain sink, no Kafka
        List<ExecutionReport> expectedReports = new ArrayList<>();
        List<Position> expectedPositions = new ArrayList<>();
        ExecutionSink reference = new ExecutionSink(new ExecutionSink.Config(Set.of(ACCOUNT), Duration.ofDays(7)),
                PaperBrokerFactory.everyAccount(paper), new ExecutionSink.Output() {
                    public void report(ExecutionReport r) {
                        expectedReports.add(r);
                    }

                    public void position(Position p) {
                        expectedPositions.add(p);
                    }

                    public void deadLetter(DeadLetter d) {
                    }
                }, new SimpleMeterRegistry());
        reference.onInstrument(SYMBOL, Fixtures.instrument(SYMBOL));
        for (SpecificRecord in : inputs) {
            if (in instanceof Order o) {
                reference.onOrder(o, new ExecutionSink.Origin("exec.orders", 0, 0), new byte[0]);
            } else {
                reference.onTick((io.liquidityengine.schemas.marketdata.Tick) in);
            }
        }

        List<ExecutionReport> reports = Kafka.readAll(stack, Topics.EXEC_REPORTS, ACCOUNT);
        List<Position> positions = Kafka.readAll(stack, Topics.EXEC_POSITIONS, ACCOUNT);
        assertThat(reports).containsExactlyElementsOf(expectedReports);
        assertThat(positions).containsExactlyElementsOf(expectedPositions);
        assertThat(reports).extracting(ExecutionReport::getReportId).containsExactly(
                "L1/entry/accepted", "L1/entry/filled", "L1/target/L1-1/filled", "L1/stop/L1-1/cancelled",
                "L1/target/L1-2/filled", "L1/stop/L1-2/cancelled",
                "S1/entry/accepted", "S1/entry/filled", "S1/stop/S1-1/filled", "S1/target/S1-1/cancelled",
                "F1/entry/accepted", "F1/entry/filled", "F1-X/target/F1-1/cancelled", "F1-X/stop/F1-1/cancelled",
                "F1-X/flatten/filled", "U1/entry/rejected");

        Map<String, Position> last = positions.stream().collect(Collectors.toMap(Position::getPositionId, p -> p, (a, b) -> b));
        assertThat(last.values()).extracting(Position::getStatus).containsOnly(PositionStatus.CLOSED);
        assertThat(last.get("L1").getRealizedTicks()).isEqualTo(37L);
        assertThat(last.get("L1").getRealizedPnl()).isEqualTo(new BigDecimal("462.500000"));
        assertThat(last.get("L1").getCommission()).isEqualTo(new BigDecimal("6.600000"));
        assertThat(last.get("S1").getRealizedTicks()).isEqualTo(-50L);
        assertThat(last.get("S1").getRealizedPnl()).isEqualTo(new BigDecimal("-625.000000"));
        assertThat(last.get("F1").getRealizedTicks()).isEqualTo(-2L);
        assertThat(last.get("F1").getRealizedPnl()).isEqualTo(new BigDecimal("-25.000000"));
        Map<String, Recompute.Result> recomputed = Recompute.fromReports(reports, new BigDecimal("0.25"), new BigDecimal("12.50"));
        last.forEach((id, p) -> {
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(recomputed.get(id).realizedPnl());
            assertThat(p.getCommission()).isEqualByComparingTo(recomputed.get(id).commission());
        });

        List<DeadLetter> deadLetters = Kafka.readAll(stack, Topics.DLQ_EXECUTION, ExecutionSink.DEAD_LETTER_SOURCE).stream()
                .filter(d -> d.getDetail().startsWith("order U1:") || d.getPayload().equals(ByteBuffer.wrap(garbage))).toList();
        assertThat(deadLetters).extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.UNKNOWN_INSTRUMENT, DeadLetterReason.DESERIALIZATION_FAILED);
        assertThat(deadLetters.get(0).getDetail()).isEqualTo("order U1: instrument 'IT-NOPE' is not on ref.instruments");
        assertThat(deadLetters.get(1).getDetail()).startsWith("cannot decode: ");
        assertThat(deadLetters).extracting(DeadLetter::getOrigin).allMatch(o -> o.startsWith("exec.orders-"));
    }
}
