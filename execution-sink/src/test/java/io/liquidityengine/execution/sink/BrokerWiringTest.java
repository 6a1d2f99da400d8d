package io.liquidityengine.execution.sink;

import static io.liquidityengine.execution.Fixtures.instrument;
import static io.liquidityengine.execution.Fixtures.leg;
import static io.liquidityengine.execution.Fixtures.place;
import static io.liquidityengine.execution.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerRegistry;
import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sink and its brokers: per-account brokers chosen by name, the lifecycle calls, opaque broker
 * state in the snapshot, and events a broker's own thread leaves in the inbox (a fake socket broker
 * whose transport is a single thread; the test waits for its tasks, never for time).
 */
class BrokerWiringTest {

    private final List<String> reports = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<SocketBroker> made = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ExecutorService transport = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTransport() {
        transport.shutdownNow();
    }

    /** Answers on its transport thread, into the inbox; its state is the text of the brackets it holds. */
    private final class SocketBroker implements Broker {
        final BrokerContext context;
        final List<String> working = new ArrayList<>();
        final List<Future<?>> sent = new ArrayList<>();

        SocketBroker(BrokerContext context) {
            this.context = context;
            made.add(this);
        }

        private void fromSocket(BrokerEvent event) {
            sent.add(transport.submit(() -> context.inbox().offer(event)));
        }

        void awaitSocket() throws Exception {
            for (Future<?> f : sent) {
                f.get();
            }
        }

        @Override
        public void place(PlaceBracket order) {
            calls.add(context.account() + " place " + order.clientOrderId());
            working.add(order.bracketId());
            fromSocket(new BrokerEvent.Accepted(order.clientOrderId(), order.bracketId(), order.eventTimeMicros()));
        }

        @Override
        public void modify(ModifyBracket order) {
            calls.add(context.account() + " modify " + order.clientOrderId());
        }

        @Override
        public void cancel(CancelBracket order) {
            calls.add(context.account() + " cancel " + order.clientOrderId());
        }

        @Override
        public void flatten(FlattenBracket order) {
            calls.add(context.account() + " flatten " + order.clientOrderId());
        }

        @Override
        public void start() {
            calls.add(context.account() + " start " + context.settings().get("host", "?"));
        }

        @Override
        public void reconcile() {
            calls.add(context.account() + " reconcile");
        }

        @Override
        public Optional<BrokerState> saveState() {
            return working.isEmpty() ? Optional.empty()
                    : Optional.of(new BrokerState(7, String.join(",", working).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void restoreState(BrokerState state) {
            if (state.formatVersion() != 7) {
                throw BrokerState.unsupported("socket", state.formatVersion(), 7);
            }
            calls.add(context.account() + " restore " + new String(state.bytes(), StandardCharsets.UTF_8));
            working.addAll(List.of(new String(state.bytes(), StandardCharsets.UTF_8).split(",")));
        }

        @Override
        public boolean hasLiveOrders(String bracketId) {
            return working.contains(bracketId);
        }

        @Override
        public void close() {
            calls.add(context.account() + " close");
        }
    }

    private ExecutionSink sink(Set<String> accounts, AccountBrokers brokers) {
        ExecutionSink sink = new ExecutionSink(new ExecutionSink.Config(accounts, Duration.ofDays(7)), brokers, new ExecutionSink.Output() {
            @Override
            public void report(ExecutionReport r) {
                reports.add(r.getAccount() + " " + r.getReportId() + " " + r.getFillPrice());
            }

            @Override
            public void position(Position p) {
                positions.add(p.getAccount() + " " + p.getPositionId() + " " + p.getStatus() + " " + p.getQuantity());
            }

            @Override
            public void deadLetter(DeadLetter d) {
                reports.add("dead letter " + d.getDetail());
            }
        }, metrics);
        sink.onInstrument("ES", instrument("ES"));
        return sink;
    }

    /** ACC-S trades through the socket broker (host from its account settings), every other account through paper. */
    private AccountBrokers brokers() {
        BrokerRegistry registry = new BrokerRegistry(List.of(new PaperBrokerFactory(), BrokerFactory.of("socket", SocketBroker::new)));
        return new AccountBrokers(registry, account -> account.equals("ACC-S")
                ? new AccountBrokers.Choice("socket", new BrokerSettings(Map.of("host", "dtc.example"), "test"))
                : new AccountBrokers.Choice("paper", BrokerSettings.empty()));
    }

    @Test
    void shouldBookEventsFromABrokersOwnThreadOnlyWhenTheSinkDrainsThem() throws Exception {
        ExecutionSink sink = sink(Set.of("ACC-S", "ACC-P"), brokers());
        sink.start();
        sink.onOrder(place("ACC-S", "ES", "S1", Side.BUY, OrderType.MARKET, null, 0, leg("S1-1", 1, 6004.0, 5990.0)),
                new ExecutionSink.Origin("exec.orders", 0, 1), new byte[0]);
        sink.onOrder(place("ACC-P", "ES", "P1", Side.BUY, OrderType.MARKET, null, 0, leg("P1-1", 1, 6004.0, 5990.0)),
                new ExecutionSink.Origin("exec.orders", 0, 2), new byte[0]);
        SocketBroker socket = made.get(0);
        socket.awaitSocket();
        assertThat(calls).containsExactly("ACC-S start dtc.example", "ACC-S reconcile", "ACC-S place S1");
        assertThat(reports).containsExactly("ACC-P P1/entry/accepted null");

        // a fill from the socket, then one for a bracket the sink does not know
        socket.fromSocket(new BrokerEvent.Filled("S1", "S1", OrderRole.ENTRY, null, io.liquidityengine.execution.broker.Side.BUY,
                new BigDecimal("6000.25"), BigDecimal.ONE, BigDecimal.ZERO, Fixtures_at(1)));
        socket.fromSocket(new BrokerEvent.Accepted("X9", "X9", Fixtures_at(1)));
        socket.awaitSocket();
        assertThat(sink.drainBrokerEvents()).isEqualTo(3);
        sink.onTick(tick("ES", 2, 6000.00));

        assertThat(reports).containsExactly("ACC-P P1/entry/accepted null", "ACC-S S1/entry/accepted null", "ACC-S S1/entry/filled 6000.25",
                "ACC-P P1/entry/filled 6000.0");
        assertThat(positions).containsExactly("ACC-S S1 OPEN 1.0", "ACC-P P1 OPEN 1.0");
        assertThat(metrics.counter("execution.broker.events.unknown").count()).isEqualTo(1.0);
        assertThat(sink.drainBrokerEvents()).isZero();
    }

    @Test
    void shouldKeepAClosedBracketWhileItsBrokerHoldsLiveOrdersSoTheOcoCancelAfterTheClosingFillIsPublished() throws Exception {
        ExecutionSink first = sink(Set.of("ACC-S"), brokers());
        first.start();
        first.onOrder(place("ACC-S", "ES", "S1", Side.BUY, OrderType.MARKET, null, 0, leg("S1-1", 1, 6004.0, 5990.0)),
                new ExecutionSink.Origin("exec.orders", 0, 1), new byte[0]);
        SocketBroker socket = made.get(0);
        socket.fromSocket(new BrokerEvent.Filled("S1", "S1", OrderRole.ENTRY, null, io.liquidityengine.execution.broker.Side.BUY,
                new BigDecimal("6000.00"), BigDecimal.ONE, BigDecimal.ZERO, Fixtures_at(1)));
        socket.fromSocket(new BrokerEvent.Filled("S1", "S1", OrderRole.TARGET, "S1-1", io.liquidityengine.execution.broker.Side.SELL,
                new BigDecimal("6004.00"), BigDecimal.ONE, BigDecimal.ZERO, Fixtures_at(2)));
        socket.awaitSocket();
        assertThat(first.drainBrokerEvents()).isEqualTo(3);
        // the position closed, but the venue has not told the stop's end yet: the bracket stays, in the snapshot too
        assertThat(positions).containsExactly("ACC-S S1 OPEN 1.0", "ACC-S S1 CLOSED 0.0");
        assertThat(first.activeBrackets()).extracting(BracketBook::bracketId).containsExactly("S1");
        SinkState state = StateCodec.decode(StateCodec.encode(first.snapshot()));
        first.close();

        ExecutionSink second = sink(Set.of("ACC-S"), brokers());
        second.restore(state);
        SocketBroker restored = made.get(1);
        restored.fromSocket(new BrokerEvent.Cancelled("S1", "S1", OrderRole.STOP, "S1-1", "OCO: target filled", Fixtures_at(2)));
        restored.awaitSocket();
        restored.working.remove("S1"); // the broker's last order of S1 ended
        assertThat(second.drainBrokerEvents()).isEqualTo(1);

        assertThat(reports).containsExactly("ACC-S S1/entry/accepted null", "ACC-S S1/entry/filled 6000.0", "ACC-S S1/target/S1-1/filled 6004.0",
                "ACC-S S1/stop/S1-1/cancelled null");
        assertThat(metrics.counter("execution.broker.events.unknown").count()).isZero();
        assertThat(second.activeBrackets()).isEmpty();
        second.close();
    }

    private static long Fixtures_at(int seconds) {
        return io.liquidityengine.schemas.Micros.of(io.liquidityengine.execution.Fixtures.at(seconds));
    }

    @Test
    void shouldStoreEachAccountsBrokerStateOpaquelyAndHandItBackOnRestore() {
        ExecutionSink first = sink(Set.of(), brokers());
        first.onOrder(place("ACC-S", "ES", "S1", Side.BUY, OrderType.MARKET, null, 0, leg("S1-1", 1, 6004.0, 5990.0)),
                new ExecutionSink.Origin("exec.orders", 0, 1), new byte[0]);
        first.onOrder(place("ACC-P", "ES", "P1", Side.BUY, OrderType.LIMIT, 5990.0, 0, leg("P1-1", 1, 6004.0, 5980.0)),
                new ExecutionSink.Origin("exec.orders", 0, 2), new byte[0]);
        SinkState state = StateCodec.decode(StateCodec.encode(first.snapshot()));
        first.close();

        assertThat(state.brokers()).extracting(BrokerSnapshot::account, BrokerSnapshot::broker, BrokerSnapshot::formatVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACC-P", "paper", 1), org.assertj.core.groups.Tuple.tuple("ACC-S", "socket", 7));
        assertThat(new String(state.brokers().get(1).state(), StandardCharsets.UTF_8)).isEqualTo("S1");

        calls.clear();
        ExecutionSink second = sink(Set.of(), brokers());
        second.restore(state);
        assertThat(second.snapshot().brokers()).isEqualTo(state.brokers());
        second.close();
        assertThat(calls).containsExactly("ACC-S restore S1", "ACC-S start dtc.example", "ACC-S reconcile", "ACC-S close");
    }

    @Test
    void shouldRefuseToRestoreAnAccountsStateIntoAnotherBroker() {
        ExecutionSink first = sink(Set.of(), brokers());
        first.onOrder(place("ACC-S", "ES", "S1", Side.BUY, OrderType.MARKET, null, 0, leg("S1-1", 1, 6004.0, 5990.0)),
                new ExecutionSink.Origin("exec.orders", 0, 1), new byte[0]);
        SinkState state = first.snapshot();
        ExecutionSink paperOnly = sink(Set.of(), PaperBrokerFactory.everyAccount(io.liquidityengine.execution.paper.PaperBroker.Config.frictionless()));

        assertThatThrownBy(() -> paperOnly.restore(state)).isInstanceOf(IllegalStateException.class)
                .hasMessage("account ACC-S is configured for the paper broker, but the snapshot holds state of its socket broker "
                        + "(format 7): configure execution.accounts.ACC-S.broker=socket until its brackets there are closed");
    }

    @Test
    void shouldNameTheKnownBrokersWhenAnAccountIsConfiguredWithAnUnknownOne() {
        AccountBrokers brokers = new AccountBrokers(new BrokerRegistry(List.of(new PaperBrokerFactory())),
                account -> new AccountBrokers.Choice("dtc", BrokerSettings.empty()));
        ExecutionSink sink = sink(Set.of("ACC-D"), brokers);

        assertThatThrownBy(sink::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account ACC-D: no broker named 'dtc' (known: paper)");
    }
}
