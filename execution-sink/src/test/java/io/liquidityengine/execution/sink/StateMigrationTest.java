package io.liquidityengine.execution.sink;

import static io.liquidityengine.execution.Fixtures.action;
import static io.liquidityengine.execution.Fixtures.instrument;
import static io.liquidityengine.execution.Fixtures.leg;
import static io.liquidityengine.execution.Fixtures.modify;
import static io.liquidityengine.execution.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Snapshots written before brokers were per account (formats 1 and 2, one paper broker's brackets in
 * {@code paperBrackets}) restore into per-account paper brokers and continue as the old sink did.
 * {@code snapshots/format2-two-accounts.json} was written by the previous version of the sink (commit
 * 4b3f1e3) with two accounts' brackets working; the expected lines are that version's output after it.
 */
class StateMigrationTest {

    private final List<String> out = new ArrayList<>();

    private ExecutionSink sink() {
        ExecutionSink sink = new ExecutionSink(new ExecutionSink.Config(Set.of(), Duration.ofDays(7)),
                PaperBrokerFactory.everyAccount(new PaperBroker.Config(1, new BigDecimal("1.10"), PaperBroker.LimitFill.THROUGH)),
                new ExecutionSink.Output() {
                    @Override
                    public void report(ExecutionReport r) {
                        out.add(r.getAccount() + " " + r.getReportId() + " " + r.getExecType() + " " + r.getFillPrice() + " x" + r.getFillQuantity()
                                + " c" + r.getCommission().toPlainString());
                    }

                    @Override
                    public void position(Position p) {
                        out.add(p.getAccount() + " position " + p.getPositionId() + " " + p.getStatus() + " " + p.getQuantity() + " ticks "
                                + p.getRealizedTicks() + " pnl " + p.getRealizedPnl().toPlainString() + " c" + p.getCommission().toPlainString());
                    }

                    @Override
                    public void deadLetter(DeadLetter d) {
                        out.add("dead letter " + d.getDetail());
                    }
                }, new SimpleMeterRegistry());
        sink.onInstrument("ES", instrument("ES"));
        return sink;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StateMigrationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<SpecificRecord> after() {
        return List.of(
                tick("ES", 3, 6002.25),
                tick("ES", 4, 6010.25),
                tick("ES", 5, 6005.00),
                modify("ACC-A", "ES", "A2-M", "A2", Side.BUY, 6, leg("A2-1", 1, 6020.0, 6003.0)),
                tick("ES", 7, 6004.50),
                action(OrderAction.FLATTEN, "ACC-B", "ES", "B1-X", "B1", Side.SELL, 8),
                tick("ES", 9, 6003.50),
                tick("ES", 10, 6002.00));
    }

    private void feed(ExecutionSink sink, List<SpecificRecord> inputs) {
        for (SpecificRecord in : inputs) {
            if (in instanceof Order o) {
                sink.onOrder(o, new ExecutionSink.Origin("exec.orders", 0, 0), new byte[0]);
            } else {
                sink.onTick((Tick) in);
            }
        }
    }

    private List<String> of(String account) {
        return out.stream().filter(l -> l.startsWith(account + " ")).toList();
    }

    @Test
    void shouldMoveTheOnePaperBrokersBracketsIntoEachAccountsPaperBrokerState() throws IOException {
        SinkState state = StateCodec.decode(resource("/snapshots/format2-two-accounts.json"));

        assertThat(state.formatVersion()).isEqualTo(3);
        assertThat(state.executedOrderIds()).containsOnlyKeys("A1", "A2", "B1");
        assertThat(state.brackets()).extracting(BracketBook::bracketId).containsExactly("A1", "B1", "A2");
        assertThat(state.brokers()).extracting(BrokerSnapshot::account, BrokerSnapshot::broker, BrokerSnapshot::formatVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACC-A", "paper", 1), org.assertj.core.groups.Tuple.tuple("ACC-B", "paper", 1));
        String accA = new String(state.brokers().get(0).state(), StandardCharsets.UTF_8);
        assertThat(accA).startsWith("[{\"clientOrderId\":\"A1\"").contains("\"clientOrderId\":\"A2\"").doesNotContain("\"B1\"")
                .contains("\"tickValue\":12.500000");
        // and it is written back as format 3, which reads as itself
        String encoded = StateCodec.encode(state);
        assertThat(encoded).startsWith("{\"formatVersion\":3,").doesNotContain("paperBrackets");
        assertThat(StateCodec.decode(encoded)).isEqualTo(state);
    }

    @Test
    void shouldContinueAFormat2SnapshotAsThePreviousVersionDidForEachAccount() throws IOException {
        ExecutionSink sink = sink();
        sink.restore(StateCodec.decode(resource("/snapshots/format2-two-accounts.json")));
        feed(sink, after());

        assertThat(of("ACC-A")).containsExactly(
                "ACC-A A1/target/A1-1/filled FILLED 6002.0 x1.0 c1.100000",
                "ACC-A position A1 OPEN 1.0 ticks 7 pnl 87.500000 c3.300000",
                "ACC-A A1/stop/A1-1/cancelled CANCELLED null x0.0 c0.000000",
                "ACC-A A1/target/A1-2/filled FILLED 6004.0 x1.0 c1.100000",
                "ACC-A position A1 CLOSED 0.0 ticks 22 pnl 275.000000 c4.400000",
                "ACC-A A1/stop/A1-2/cancelled CANCELLED null x0.0 c0.000000",
                "ACC-A A2/entry/filled FILLED 6010.5 x1.0 c1.100000",
                "ACC-A position A2 OPEN 1.0 ticks 0 pnl 0.000000 c1.100000",
                "ACC-A A2-M/stop/A2-1/modified MODIFIED null x0.0 c0.000000",
                "ACC-A A2/stop/A2-1/filled FILLED 6001.75 x1.0 c1.100000",
                "ACC-A position A2 CLOSED 0.0 ticks -35 pnl -437.500000 c2.200000",
                "ACC-A A2/target/A2-1/cancelled CANCELLED null x0.0 c0.000000");
        assertThat(of("ACC-B")).containsExactly(
                "ACC-B B1/entry/filled FILLED 6010.0 x2.0 c2.200000",
                "ACC-B position B1 OPEN 2.0 ticks 0 pnl 0.000000 c2.200000",
                "ACC-B B1-X/target/B1-1/cancelled CANCELLED null x0.0 c0.000000",
                "ACC-B B1-X/stop/B1-1/cancelled CANCELLED null x0.0 c0.000000",
                "ACC-B B1-X/flatten/filled FILLED 6003.75 x2.0 c2.200000",
                "ACC-B position B1 CLOSED 0.0 ticks 50 pnl 625.000000 c4.400000");
        // one trade reaching both accounts (6010.25 at 4 s): brokers are visited in account order now,
        // where the one paper broker went by placement order (A1, B1, A2)
        assertThat(out.subList(6, 11)).containsExactly(
                "ACC-A A2/entry/filled FILLED 6010.5 x1.0 c1.100000",
                "ACC-A position A2 OPEN 1.0 ticks 0 pnl 0.000000 c1.100000",
                "ACC-B B1/entry/filled FILLED 6010.0 x2.0 c2.200000",
                "ACC-B position B1 OPEN 2.0 ticks 0 pnl 0.000000 c2.200000",
                "ACC-A A2-M/stop/A2-1/modified MODIFIED null x0.0 c0.000000");
    }

    @Test
    void shouldRefuseAnUnknownSinkStateFormat() {
        assertThatThrownBy(() -> StateCodec.decode("{\"formatVersion\":9,\"executedOrderIds\":{}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sink state format 9 is not supported (expected 3, or 1 or 2 to migrate)");
    }
}
