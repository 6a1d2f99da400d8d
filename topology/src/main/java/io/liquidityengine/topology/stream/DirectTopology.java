package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import java.util.List;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topology's stages, the same processors {@link EngineTopology} wires into Kafka Streams, run
 * in the calling thread for a one-process backtest: no broker, no serialization, no commits.
 * Records are handed in in event-time order and every output comes back through {@link Outputs}
 * with the key and timestamp the stage gave it, so a backtest produces exactly the records the
 * topology would put on its topics.
 *
 * <p>One difference is the caller's to manage: the risk stage. Plans and bias records fan out per
 * account to {@link Outputs#accountSignal}, and the caller hands each to {@link #decide} when the
 * market has been run up to the signal's time (what the lockstep with the execution sink ensures
 * between the services); fills and positions go in with {@link #execution}. The risk stage runs
 * without the lockstep protocol, which only orders these calls across processes.
 */
public final class DirectTopology {

    /** Where the stages' outputs go, each with its record key and timestamp (epoch millis). */
    public interface Outputs {
        void bar(String instrument, Bar bar, long timestampMs);

        void level(String instrument, LiquidityLevel level, long timestampMs);

        void bias(String instrument, Bias bias, long timestampMs);

        void plan(String instrument, TradePlan plan, long timestampMs);

        /** A plan or bias record for an account's risk stage: give it to {@link #decide} once the market has caught up. */
        void accountSignal(String account, AccountSignal signal, long timestampMs);

        void decision(String account, RiskDecision decision, long timestampMs);

        void order(String account, Order order, long timestampMs);

        void deadLetter(String source, DeadLetter deadLetter, long timestampMs);

        /**
         * The stage asked Kafka Streams to commit after the record in hand (a plan or an order must not wait
         * for the commit interval); nothing to do in one process.
         */
        default void commitRequested(String stage) {
        }
    }

    /** The stage names {@link Outputs#commitRequested} gives. */
    public static final String SIGNALS_STAGE = EngineTopology.SIGNALS;
    public static final String FAN_OUT_STAGE = EngineTopology.FAN_OUT;
    public static final String RISK_STAGE = EngineTopology.RISK;

    private static final String FAN_OUT = "signals-by-account";

    private final TopologyConfig config;
    private final Outputs out;
    private final Metrics metrics = new Metrics();
    private final KeyValueStore<String, Instrument> instruments = LiveKeyValueStore.plainInMemory(EngineTopology.INSTRUMENTS_STORE);
    private final KeyValueStore<String, StrategyDefinition> strategies = LiveKeyValueStore.plainInMemory(EngineTopology.STRATEGIES_STORE);
    private final BarProcessor bars;
    private final SignalProcessor signals;
    private final RiskProcessor risk;
    private final AccountFanOut fanOut;
    private final DirectContext<Object> barContext;
    private final DirectContext<Object> signalContext;
    private final DirectContext<Object> riskContext;

    public DirectTopology(TopologyConfig config, Outputs out) {
        this.config = config.withLockstep(false);
        this.out = out;
        bars = new BarProcessor(this.config);
        signals = new SignalProcessor(this.config);
        risk = new RiskProcessor(this.config.risk(), false);
        fanOut = new AccountFanOut(this.config.accounts(), FAN_OUT);
        barContext = new DirectContext<>(metrics, this::fromBars)
                .store(EngineTopology.INSTRUMENTS_STORE, instruments)
                .store(BarProcessor.STORE, LiveKeyValueStore.plainInMemory(BarProcessor.STORE))
                .store(BarProcessor.ROLLUP_STORE, LiveKeyValueStore.plainInMemory(BarProcessor.ROLLUP_STORE));
        signalContext = new DirectContext<>(metrics, this::fromSignals)
                .store(EngineTopology.INSTRUMENTS_STORE, instruments)
                .store(EngineTopology.STRATEGIES_STORE, strategies)
                .store(SignalProcessor.ENGINE_STORE, LiveKeyValueStore.encodedInMemory(SignalProcessor.ENGINE_STORE))
                .store(SignalProcessor.STRATEGY_STORE, LiveKeyValueStore.encodedInMemory(SignalProcessor.STRATEGY_STORE))
                .onCommit(() -> out.commitRequested(SIGNALS_STAGE));
        riskContext = new DirectContext<>(metrics, this::fromRisk)
                .store(EngineTopology.INSTRUMENTS_STORE, instruments)
                .store(RiskProcessor.STORE, LiveKeyValueStore.plainInMemory(RiskProcessor.STORE))
                .onCommit(() -> out.commitRequested(RISK_STAGE));
        // the fan-out's copies per account go to the caller, which decides when the risk stage takes them
        fanOut.init(new DirectContext<AccountSignal>(metrics, (child, r) -> out.accountSignal(r.key(), (AccountSignal) r.value(), r.timestamp()))
                .onCommit(() -> out.commitRequested(FAN_OUT_STAGE)));
        bars.init(barContext);
        signals.init(signalContext);
        risk.init(riskContext);
    }

    /** The accounts the risk stage decides for (every plan and bias record fans out to each). */
    public List<String> accounts() {
        return config.accounts();
    }

    /** Reference data (ref.instruments): read by every stage from the next record on. */
    public void instrument(Instrument instrument) {
        instruments.put(instrument.getSymbol(), instrument);
    }

    /** A strategy definition (config.strategies), applied from the next bar as in the topology's global store. */
    public void strategy(StrategyDefinition definition) {
        strategies.put(definition.getStrategyId(), definition);
    }

    /**
     * Where the input record handed in next comes from (topic, partition, offset), which dead letters
     * name as their origin; without it they say "unknown" (a file backtest gives the file's name and
     * the record's index instead).
     */
    public void origin(String topic, int partition, long offset) {
        DirectContext.Origin origin = new DirectContext.Origin(topic, partition, offset);
        barContext.origin(origin);
        signalContext.origin(origin);
        riskContext.origin(origin);
    }

    /** A trade of md.ticks (keyed by its instrument, timestamped with its event time). */
    public void tick(Tick tick) {
        long ts = Math.floorDiv(Micros.of(tick.getEventTime()), 1000);
        barContext.seen(ts);
        bars.process(new Record<>(tick.getInstrument(), tick, ts));
    }

    /** A value of md.option-deltas (keyed by its underlying, timestamped with its minute). */
    public void optionDelta(OptionDelta delta) {
        toSignals(delta.getUnderlying(), delta, Math.floorDiv(Micros.of(delta.getEventTime()), 1000));
    }

    /** A level of md.levels.imported with the record timestamp the ingest gave it. */
    public void importedLevel(LiquidityLevel level, long timestampMs) {
        toSignals(level.getInstrument(), level, timestampMs);
    }

    /** A bar of md.bars.imported (timestamped with its end). */
    public void importedBar(Bar bar) {
        toSignals(bar.getInstrument(), bar, Math.floorDiv(Micros.of(bar.getEndTime()), 1000));
    }

    /** Hands a plan or bias record given to {@link Outputs#accountSignal} to the account's risk stage. */
    public void decide(String account, AccountSignal signal, long timestampMs) {
        toRisk(account, signal, timestampMs);
    }

    /** An exec.reports, exec.positions or control.commands record for the account's risk stage. */
    public void execution(String account, Object reportPositionOrCommand, long timestampMs) {
        toRisk(account, reportPositionOrCommand, timestampMs);
    }

    /** Dead letters per stage and reason so far, as the Kafka Streams metrics would count them. */
    public Metrics metrics() {
        return metrics;
    }

    private void toSignals(String key, Object value, long ts) {
        signalContext.seen(ts);
        signals.process(new Record<>(key, value, ts));
    }

    private void toRisk(String account, Object value, long ts) {
        riskContext.seen(ts);
        risk.process(new Record<>(account, value, ts));
    }

    private void fromBars(String child, Record<String, Object> record) {
        switch (child) {
            case EngineTopology.BARS_OUT -> out.bar(record.key(), (Bar) record.value(), record.timestamp());
            case EngineTopology.SIGNALS -> toSignals(record.key(), record.value(), record.timestamp());
            case EngineTopology.DLQ_OUT -> out.deadLetter(record.key(), (DeadLetter) record.value(), record.timestamp());
            default -> throw new IllegalStateException("the bar stage forwarded to unknown child " + child);
        }
    }

    private void fromSignals(String child, Record<String, Object> record) {
        switch (child) {
            case EngineTopology.LEVELS_OUT -> out.level(record.key(), (LiquidityLevel) record.value(), record.timestamp());
            case EngineTopology.BIAS_OUT -> {
                out.bias(record.key(), (Bias) record.value(), record.timestamp());
                fanOut.process(record);
            }
            case EngineTopology.PLANS_OUT -> {
                out.plan(record.key(), (TradePlan) record.value(), record.timestamp());
                fanOut.process(record);
            }
            case EngineTopology.DLQ_OUT -> out.deadLetter(record.key(), (DeadLetter) record.value(), record.timestamp());
            default -> throw new IllegalStateException("the signal stage forwarded to unknown child " + child);
        }
    }

    private void fromRisk(String child, Record<String, Object> record) {
        switch (child) {
            case EngineTopology.DECISIONS_OUT -> out.decision(record.key(), (RiskDecision) record.value(), record.timestamp());
            case EngineTopology.ORDERS_OUT -> out.order(record.key(), (Order) record.value(), record.timestamp());
            case EngineTopology.DLQ_OUT -> out.deadLetter(record.key(), (DeadLetter) record.value(), record.timestamp());
            default -> throw new IllegalStateException("the risk stage forwarded to unknown child " + child);
        }
    }
}
