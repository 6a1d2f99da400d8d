package io.liquidityengine.backtest;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.lockstep.LockstepRules;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.topology.stream.DirectTopology;
import io.liquidityengine.topology.stream.TopologyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import org.apache.avro.specific.SpecificRecord;

/**
 * The closed loop in one thread: the topology's stages ({@link DirectTopology}), the risk stage and
 * the execution sink with its brokers, fed in event-time order, with no broker round trip.
 *
 * <p>The order of events is the one the services' lockstep (risk.clock / exec.market-clock) enforces
 * between the topology and the sink ({@link LockstepRules}, applied here without clocks), so the records
 * are the same as theirs:
 * <ul>
 *   <li>a plan or bias record at event time S is decided only after the sink has run every trade before
 *       S and the risk stage has taken in every report and position those trades gave;</li>
 *   <li>the sink takes trades and orders in event-time order, a trade before an order of the same time
 *       (an order decided at S works from the trades after S), and a trade only once a signal after it
 *       has reached the risk stage: trades at or after the last signal wait for the next one;</li>
 *   <li>each report and position goes to the risk stage as the sink publishes it, before the next trade,
 *       so a break-even stop works from the next trade.</li>
 * </ul>
 * Trades after the last signal are never run, as in the services (the last base bar of a stream never
 * closes).
 */
public final class ClosedLoop implements DirectTopology.Outputs, ExecutionSink.Output {

    /** Where every record the loop produces goes, with the topic, key and timestamp the services would give it. */
    public interface Records {
        <V extends SpecificRecord> void record(Topic<String, V> topic, String key, V value, long timestampMs);
    }

    private final DirectTopology topology;
    private final ExecutionSink sink;
    private final Records out;
    /** Trades the sink has not run yet, in event-time order. */
    private final ArrayDeque<Tick> ticks = new ArrayDeque<>();
    /** Orders the sink has not processed yet, in the order the risk stage emitted them. */
    private final ArrayDeque<Order> orders = new ArrayDeque<>();
    private long ordersEmitted;
    private long ticksIn;

    public ClosedLoop(TopologyConfig topology, ExecutionSink.Config sink, AccountBrokers brokers, Records out) {
        this(topology, sink, brokers, out, new SimpleMeterRegistry());
    }

    public ClosedLoop(TopologyConfig topology, ExecutionSink.Config sink, AccountBrokers brokers, Records out, MeterRegistry metrics) {
        this.out = out;
        this.topology = new DirectTopology(topology, this);
        this.sink = new ExecutionSink(sink, brokers, this, metrics);
        this.sink.start();
    }

    /** Reference data for every stage and the sink (ref.instruments). */
    public void instrument(Instrument instrument) {
        topology.instrument(instrument);
        sink.onInstrument(instrument.getSymbol(), instrument);
    }

    /** A strategy definition (config.strategies), applied from the next bar. */
    public void strategy(StrategyDefinition definition) {
        topology.strategy(definition);
    }

    /** A trade of md.ticks, in event-time order with the other inputs. */
    public void tick(Tick tick) {
        ticksIn++;
        ticks.add(tick);
        topology.tick(tick);
    }

    public void optionDelta(OptionDelta delta) {
        topology.optionDelta(delta);
    }

    public void importedLevel(LiquidityLevel level, long timestampMs) {
        topology.importedLevel(level, timestampMs);
    }

    public void importedBar(Bar bar) {
        topology.importedBar(bar);
    }

    /**
     * A trade for the sink's brokers only, not for the topology (which has the bar it comes from): the
     * market of a run without ticks ({@link io.liquidityengine.backtest.input.BarPath}). Hand it in
     * before its bar.
     */
    public void marketTrade(Tick trade) {
        ticks.add(trade);
    }

    /** Trades handed in so far. */
    public long ticksIn() {
        return ticksIn;
    }

    /** The sink's brokers are closed; the loop takes no more input. */
    public void close() {
        sink.close();
    }

    // ---- the topology's outputs ----

    @Override
    public void bar(String instrument, Bar bar, long timestampMs) {
        out.record(Topics.SIG_BARS, instrument, bar, timestampMs);
    }

    @Override
    public void level(String instrument, LiquidityLevel level, long timestampMs) {
        out.record(Topics.SIG_LEVELS, instrument, level, timestampMs);
    }

    @Override
    public void bias(String instrument, Bias bias, long timestampMs) {
        out.record(Topics.SIG_BIAS, instrument, bias, timestampMs);
    }

    @Override
    public void plan(String instrument, TradePlan plan, long timestampMs) {
        out.record(Topics.SIG_PLANS, instrument, plan, timestampMs);
    }

    @Override
    public void accountSignal(String account, AccountSignal signal, long timestampMs) {
        // LockstepRules rule 2 without waiting: run the market through the signal (every trade before it, and the
        // risk stage's answers to its fills), then decide
        runSink(LockstepRules.signalMicros(signal));
        topology.decide(account, signal, timestampMs);
    }

    @Override
    public void decision(String account, RiskDecision decision, long timestampMs) {
        out.record(Topics.RISK_DECISIONS, account, decision, timestampMs);
    }

    @Override
    public void order(String account, Order order, long timestampMs) {
        out.record(Topics.EXEC_ORDERS, account, order, timestampMs);
        orders.add(order);
    }

    @Override
    public void deadLetter(String source, DeadLetter deadLetter, long timestampMs) {
        out.record(Topics.DLQ_TOPOLOGY, source, deadLetter, timestampMs);
    }

    // ---- the sink's outputs: published, and taken in by the risk stage at once ----

    @Override
    public void report(ExecutionReport report) {
        long ts = report.getEventTime().toEpochMilli();
        out.record(Topics.EXEC_REPORTS, report.getAccount(), report, ts);
        topology.execution(report.getAccount(), report, ts);
    }

    @Override
    public void position(Position position) {
        long ts = position.getEventTime().toEpochMilli();
        out.record(Topics.EXEC_POSITIONS, position.getAccount(), position, ts);
        topology.execution(position.getAccount(), position, ts);
    }

    @Override
    public void control(ControlCommand command) {
        long ts = command.getEventTime().toEpochMilli();
        out.record(Topics.CONTROL_COMMANDS, command.getAccount(), command, ts);
        topology.execution(command.getAccount(), command, ts);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        long ts = deadLetter.getEventTime() == null ? 0 : deadLetter.getEventTime().toEpochMilli();
        out.record(Topics.DLQ_EXECUTION, deadLetter.getSource(), deadLetter, ts);
    }

    /**
     * Runs the sink's inputs in its event-time merge (a trade before an order of the same time) while
     * the next one is an order or a trade before {@code throughMicros}. Orders the risk stage emits on
     * the way (answers to fills) join the queue and are taken in their turn.
     */
    private void runSink(long throughMicros) {
        while (true) {
            Tick tick = ticks.peek();
            Order order = orders.peek();
            long tickMicros = tick == null ? Long.MAX_VALUE : Micros.of(tick.getEventTime());
            if (order != null && (tick == null || LockstepRules.compareSinkInputs(Micros.of(order.getEventTime()), false, tickMicros, true) < 0)) {
                orders.poll();
                sink.onOrder(order, new ExecutionSink.Origin(Topics.EXEC_ORDERS.name(), 0, ordersEmitted++), null);
            } else if (tick != null && LockstepRules.tradeMayRun(tickMicros, throughMicros)) {
                ticks.poll();
                sink.onTick(tick);
            } else {
                return;
            }
        }
    }
}
