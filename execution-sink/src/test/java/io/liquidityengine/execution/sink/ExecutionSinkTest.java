package io.liquidityengine.execution.sink;

import static io.liquidityengine.execution.Fixtures.at;
import static io.liquidityengine.execution.Fixtures.instrument;
import static io.liquidityengine.execution.Fixtures.leg;
import static io.liquidityengine.execution.Fixtures.modify;
import static io.liquidityengine.execution.Fixtures.place;
import static io.liquidityengine.execution.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.Fixtures;
import io.liquidityengine.execution.Recompute;
import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ExecutionSinkTest {

    private static final String ACC = "ACC-1";
    private static final ExecutionSink.Origin ORIGIN = new ExecutionSink.Origin("exec.orders", 0, 42);

    private final List<ExecutionReport> reports = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private final ExecutionSink.Output output = new ExecutionSink.Output() {
        @Override
        public void report(ExecutionReport report) {
            reports.add(report);
        }

        @Override
        public void position(Position position) {
            positions.add(position);
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
        }
    };

    private ExecutionSink sink(PaperBroker.Config paper) {
        ExecutionSink sink = new ExecutionSink(new ExecutionSink.Config(Set.of(ACC), Duration.ofDays(7)), PaperBrokerFactory.everyAccount(paper),
                output, metrics);
        sink.onInstrument("ES", instrument("ES"));
        return sink;
    }

    private static void feed(ExecutionSink sink, SpecificRecord... inputs) {
        for (SpecificRecord in : inputs) {
            if (in instanceof Order o) {
                sink.onOrder(o, ORIGIN, new byte[] {1, 2, 3});
            } else {
                sink.onTick((io.liquidityengine.schemas.marketdata.Tick) in);
            }
        }
    }

    private static String line(ExecutionReport r) {
        return r.getReportId() + " " + r.getExecType() + " " + r.getSide() + " " + (r.getFillPrice() == null ? "-" : r.getFillPrice())
                + " x" + r.getFillQuantity() + " c" + r.getCommission().toPlainString();
    }

    @Test
    void shouldReportEveryFillWithSlippageAndCommissionAndAnExactPosition() {
        ExecutionSink sink = sink(new PaperBroker.Config(2, new BigDecimal("2.25"), PaperBroker.LimitFill.THROUGH));
        feed(sink,
                place(ACC, "ES", "B1", Side.BUY, OrderType.MARKET, null, 0, leg("B1-L1", 1, 6004.0, 5995.0), leg("B1-L2", 2, null, 5995.0)),
                tick("ES", 1, 6000.00),   // entry 6000.50
                tick("ES", 2, 6004.25),   // L1 target 6004.00: +14 ticks
                tick("ES", 3, 5994.00));  // L2 stop, gapped, 5993.50: -28 ticks x 2

        assertThat(reports).extracting(ExecutionSinkTest::line).containsExactly(
                "B1/entry/accepted ACCEPTED BUY - x0.0 c0.000000",
                "B1/entry/filled FILLED BUY 6000.5 x3.0 c6.750000",
                "B1/target/B1-L1/filled FILLED SELL 6004.0 x1.0 c2.250000",
                "B1/stop/B1-L1/cancelled CANCELLED SELL - x0.0 c0.000000",
                "B1/stop/B1-L2/filled FILLED SELL 5993.5 x2.0 c4.500000");
        assertThat(positions).extracting(Position::getStatus, Position::getQuantity, Position::getAverageEntryPrice,
                        Position::getRealizedTicks, Position::getRealizedPnl, Position::getCommission)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PositionStatus.OPEN, 3.0, 6000.5, 0L, new BigDecimal("0.000000"), new BigDecimal("6.750000")),
                        org.assertj.core.groups.Tuple.tuple(PositionStatus.OPEN, 2.0, 6000.5, 14L, new BigDecimal("175.000000"), new BigDecimal("9.000000")),
                        org.assertj.core.groups.Tuple.tuple(PositionStatus.CLOSED, 0.0, 6000.5, -42L, new BigDecimal("-525.000000"),
                                new BigDecimal("13.500000")));
        Position last = positions.get(2);
        assertThat(last.getPositionId()).isEqualTo("B1");
        assertThat(last.getAccount()).isEqualTo(ACC);
        assertThat(last.getCurrency()).isEqualTo("USD");
        assertThat(last.getOpenedTime()).isEqualTo(at(1));
        assertThat(last.getEventTime()).isEqualTo(at(3));
        assertThat(sink.activeBrackets()).isEmpty();
    }

    @Test
    void shouldCloseTheRestAtBreakEvenAfterT1WhenTheTopologyMovesTheStops() {
        ExecutionSink sink = sink(PaperBroker.Config.frictionless());
        feed(sink,
                place(ACC, "ES", "B1", Side.BUY, OrderType.LIMIT, 6000.0, 0,
                        leg("B1-L1", 1, 6002.0, 5994.0), leg("B1-L2", 2, 6005.0, 5994.0), leg("B1-L3", 1, 6010.0, 5994.0)),
                tick("ES", 1, 5999.75),
                tick("ES", 2, 6002.25),
                modify(ACC, "ES", "B1-M1", "B1", Side.BUY, 3, leg("B1-L1", 1, 6002.0, 6000.0), leg("B1-L2", 2, 6005.0, 6000.0),
                        leg("B1-L3", 1, 6010.0, 6000.0)),
                tick("ES", 4, 6003.00),
                tick("ES", 5, 6000.00));

        assertThat(reports).extracting(ExecutionSinkTest::line).containsExactly(
                "B1/entry/accepted ACCEPTED BUY - x0.0 c0.000000",
                "B1/entry/filled FILLED BUY 6000.0 x4.0 c0.000000",
                "B1/target/B1-L1/filled FILLED SELL 6002.0 x1.0 c0.000000",
                "B1/stop/B1-L1/cancelled CANCELLED SELL - x0.0 c0.000000",
                "B1-M1/stop/B1-L2/modified MODIFIED SELL - x0.0 c0.000000",
                "B1-M1/stop/B1-L3/modified MODIFIED SELL - x0.0 c0.000000",
                "B1/stop/B1-L2/filled FILLED SELL 6000.0 x2.0 c0.000000",
                "B1/target/B1-L2/cancelled CANCELLED SELL - x0.0 c0.000000",
                "B1/stop/B1-L3/filled FILLED SELL 6000.0 x1.0 c0.000000",
                "B1/target/B1-L3/cancelled CANCELLED SELL - x0.0 c0.000000");
        assertThat(reports.get(4).getText()).isEqualTo("stop 5994.00 -> 6000.00");
        Position last = positions.get(positions.size() - 1);
        assertThat(last.getStatus()).isEqualTo(PositionStatus.CLOSED);
        assertThat(last.getRealizedTicks()).isEqualTo(8L);
        assertThat(last.getRealizedPnl()).isEqualTo(new BigDecimal("100.000000"));
    }

    @Test
    void shouldPublishPositionsWhosePnlEqualsARecomputationFromTheReports() {
        ExecutionSink sink = sink(new PaperBroker.Config(1, new BigDecimal("1.10"), PaperBroker.LimitFill.THROUGH));
        feed(sink, day());

        Map<String, Recompute.Result> recomputed = Recompute.fromReports(reports, new BigDecimal("0.25"), new BigDecimal("12.50"));
        Map<String, Position> finalPositions = positions.stream().collect(Collectors.toMap(Position::getPositionId, p -> p, (a, b) -> b));
        assertThat(finalPositions.keySet()).containsExactlyInAnyOrder("L1", "S1", "F1");
        finalPositions.forEach((id, p) -> {
            Recompute.Result r = recomputed.get(id);
            assertThat(p.getStatus()).isEqualTo(PositionStatus.CLOSED);
            assertThat(BigDecimal.valueOf(p.getRealizedTicks())).isEqualByComparingTo(r.realizedTicks());
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(r.realizedPnl());
            assertThat(p.getCommission()).isEqualByComparingTo(r.commission());
        });
        // and the values themselves: L1 +7 +15x2 = 37 ticks, S1 (short 2 from 6010.00) stopped 6016.25: -25 x 2, F1 flattened at 6004.75 - 1 tick
        assertThat(finalPositions.get("L1").getRealizedTicks()).isEqualTo(37L);
        assertThat(finalPositions.get("S1").getRealizedTicks()).isEqualTo(-50L);
        assertThat(finalPositions.get("F1").getRealizedTicks()).isEqualTo(-2L);
        assertThat(finalPositions.values().stream().map(Position::getRealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("-187.500000"));
        assertThat(reports).extracting(ExecutionReport::getReportId).doesNotHaveDuplicates();
    }

    static SpecificRecord[] day() {
        return Fixtures.day(ACC, "ES").toArray(SpecificRecord[]::new);
    }

    @Test
    void shouldDeadLetterAndRejectInvalidOrdersWithoutTouchingTheBroker() {
        ExecutionSink sink = sink(PaperBroker.Config.frictionless());
        feed(sink,
                place(ACC, "NQ", "U1", Side.BUY, OrderType.MARKET, null, 0, leg("U1-1", 1, 6002.0, 5990.0)),
                place(ACC, "ES", "V1", Side.BUY, OrderType.LIMIT, 6000.1, 0, leg("V1-1", 1, 6002.0, 5990.0)),
                place(ACC, "ES", "V2", Side.BUY, OrderType.LIMIT, 6000.0, 0, leg("V2-1", 1, 5990.0, 6002.0)),
                place(ACC, "ES", "V3", Side.BUY, OrderType.MARKET, null, 0),
                tick("ES", 1, 6000.00));
        sink.onUndecodableOrder(ORIGIN, new byte[] {9}, "cannot decode: bad magic byte", at(1).toEpochMilli() * 1000);

        assertThat(deadLetters).extracting(DeadLetter::getReason, DeadLetter::getDetail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.UNKNOWN_INSTRUMENT, "order U1: instrument 'NQ' is not on ref.instruments"),
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.INVALID_VALUE,
                        "order V1: entryPrice 6000.1 is not a positive price on the ES tick grid of 0.25"),
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.INVALID_VALUE,
                        "order V2: leg V2-1: a BUY bracket needs its target above its stop, got target 5990.0 stop 6002.0"),
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.INVALID_VALUE, "order V3: quantity 0.0 is not a positive multiple of the ES quantity step 1.0"),
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.DESERIALIZATION_FAILED, "cannot decode: bad magic byte"));
        assertThat(deadLetters.get(0).getSource()).isEqualTo("execution.orders");
        assertThat(deadLetters.get(0).getOrigin()).isEqualTo("exec.orders-0");
        assertThat(deadLetters.get(0).getPosition()).isEqualTo(42L);
        assertThat(reports).extracting(ExecutionReport::getReportId, ExecutionReport::getExecType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U1/entry/rejected", ExecType.REJECTED),
                org.assertj.core.groups.Tuple.tuple("V1/entry/rejected", ExecType.REJECTED),
                org.assertj.core.groups.Tuple.tuple("V2/entry/rejected", ExecType.REJECTED),
                org.assertj.core.groups.Tuple.tuple("V3/entry/rejected", ExecType.REJECTED));
        assertThat(positions).isEmpty();
        assertThat(metrics.counter("execution.dead.letters", "reason", "INVALID_VALUE").count()).isEqualTo(3.0);
        assertThat(metrics.counter("execution.orders", "outcome", "dead_lettered").count()).isEqualTo(5.0);
    }

    @Test
    void shouldNeverSendAnOrderIdTwiceAndIgnoreOtherAccounts() {
        ExecutionSink sink = sink(PaperBroker.Config.frictionless());
        Order order = place(ACC, "ES", "B1", Side.BUY, OrderType.MARKET, null, 0, leg("B1-1", 1, 6002.0, 5990.0));
        feed(sink, order, order, place("OTHER", "ES", "B2", Side.BUY, OrderType.MARKET, null, 0, leg("B2-1", 1, 6002.0, 5990.0)),
                tick("ES", 1, 6000.0), order);

        assertThat(reports).extracting(ExecutionReport::getReportId).containsExactly("B1/entry/accepted", "B1/entry/filled");
        assertThat(metrics.counter("execution.orders", "outcome", "duplicate").count()).isEqualTo(2.0);
        assertThat(metrics.counter("execution.orders", "outcome", "other_account").count()).isEqualTo(1.0);
    }

    @Test
    void shouldRejectAModifyOfAClosedBracketAndACancelOfAnOpenPosition() {
        ExecutionSink sink = sink(PaperBroker.Config.frictionless());
        feed(sink,
                place(ACC, "ES", "B1", Side.BUY, OrderType.MARKET, null, 0, leg("B1-1", 1, 6002.0, 5990.0)),
                tick("ES", 1, 6000.0),
                Fixtures.action(OrderAction.CANCEL, ACC, "ES", "B1-C", "B1", Side.BUY, 2),
                tick("ES", 3, 6002.25),
                modify(ACC, "ES", "B1-M", "B1", Side.BUY, 4, leg("B1-1", 1, 6002.0, 6000.0)));

        assertThat(reports).extracting(ExecutionSinkTest::line).containsExactly(
                "B1/entry/accepted ACCEPTED BUY - x0.0 c0.000000",
                "B1/entry/filled FILLED BUY 6000.0 x1.0 c0.000000",
                "B1-C/entry/rejected REJECTED BUY - x0.0 c0.000000",
                "B1/target/B1-1/filled FILLED SELL 6002.0 x1.0 c0.000000",
                "B1/stop/B1-1/cancelled CANCELLED SELL - x0.0 c0.000000",
                "B1-M/entry/rejected REJECTED BUY - x0.0 c0.000000");
        assertThat(reports.get(2).getText()).isEqualTo("bracket B1 has an open position; send FLATTEN to close it");
        assertThat(reports.get(5).getAccount()).isEqualTo(ACC);
        assertThat(reports.get(5).getRole()).isEqualTo(OrderRole.ENTRY);
    }

    @Test
    void shouldContinueFromAnEncodedSnapshotExactlyAsAnUninterruptedRun() {
        SpecificRecord[] day = day();
        PaperBroker.Config paper = new PaperBroker.Config(1, new BigDecimal("1.10"), PaperBroker.LimitFill.THROUGH);
        feed(sink(paper), day);
        List<ExecutionReport> uninterruptedReports = List.copyOf(reports);
        List<Position> uninterruptedPositions = List.copyOf(positions);
        reports.clear();
        positions.clear();

        for (int cut = 1; cut < day.length; cut++) {
            reports.clear();
            positions.clear();
            ExecutionSink first = sink(paper);
            feed(first, java.util.Arrays.copyOfRange(day, 0, cut));
            String snapshot = StateCodec.encode(first.snapshot());
            ExecutionSink second = sink(paper);
            second.restore(StateCodec.decode(snapshot));
            feed(second, java.util.Arrays.copyOfRange(day, cut, day.length));
            feed(second, day[0]); // replayed PLACE after the restart: already executed

            assertThat(reports).as("cut at %d", cut).containsExactlyElementsOf(uninterruptedReports);
            assertThat(positions).as("cut at %d", cut).containsExactlyElementsOf(uninterruptedPositions);
        }
    }
}
