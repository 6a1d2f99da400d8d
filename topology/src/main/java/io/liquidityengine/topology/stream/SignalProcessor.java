package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.engine.EngineConfig;
import io.liquidityengine.topology.domain.engine.EngineStateCodec;
import io.liquidityengine.topology.domain.engine.ReferenceSignalEngine;
import io.liquidityengine.topology.domain.engine.SignalOutput;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.ReferenceStrategy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * base bars (built from ticks or imported) + option deltas + imported levels -> per instrument the
 * reference signal engine -> level CREATED/FILLED events (sig.levels), bias on every base bar
 * (sig.bias), plans of the reference strategy and of every enabled rule strategy (sig.plans).
 *
 * <p>State, per instrument: the engine in {@value #ENGINE_STORE} (its codec is
 * {@link EngineStateCodec}); per instrument and rule strategy, the strategy in
 * {@value #STRATEGY_STORE}. Both are changelogged byte stores of live state
 * ({@link LiveKeyValueStore.Encoded}): the processor keeps the decoded engines and strategies and
 * they are encoded once per commit, when Kafka Streams flushes the stores, instead of on every
 * bar. The decoded state is dropped in {@link #init}, which Kafka Streams calls again whenever a
 * task is (re)initialized after a restore, so the stores stay the source of truth.
 *
 * <p>Option deltas are joined as of event time: the engine keeps the per-minute history and a bar
 * reads the last minute completed before its end, never a later one. md.option-deltas is keyed by
 * underlying, which equals the instrument key, so both arrive at the same task (co-partitioned,
 * same partition count in the catalog); Kafka Streams hands a task its records in timestamp order
 * across input partitions, and a delta stamped with its minute start precedes the ticks that close
 * the bars needing it.
 *
 * <p>Rule strategies ({@link RuleStrategies}) come from the global {@value EngineTopology#STRATEGIES_STORE} store
 * (config.strategies) and are looked up on every bar, so a new, changed or removed definition
 * applies from the next bar without a restart. A changed version starts its state afresh; a
 * disabled or removed strategy's live plan is CANCELLED. A REFERENCE definition with id
 * {@code reference} and {@code enabled=false} mutes the reference strategy's plans.
 */
final class SignalProcessor implements Processor<String, Object, String, Object> {

    static final String ENGINE_STORE = "signal-state";
    static final String STRATEGY_STORE = "strategy-state";

    private final TopologyConfig config;
    private ProcessorContext<String, Object> context;
    private LiveKeyValueStore.Encoded engineStore;
    private KeyValueStore<String, Instrument> instruments;
    private KeyValueStore<String, StrategyDefinition> strategies;
    private DeadLetterCounter deadLetters;
    private final Map<String, ReferenceSignalEngine> engines = new HashMap<>();
    private final RuleStrategies rules = new RuleStrategies(new RuleStrategies.Output() {
        @Override
        public void plan(String instrument, PlanEvent plan, long timestamp) {
            forwardPlan(instrument, plan, timestamp);
        }

        @Override
        public void invalidDefinition(DeadLetter letter, long timestamp) {
            deadLetters.record(letter.getReason());
            context.forward(new Record<String, Object>(letter.getSource(), letter, timestamp), EngineTopology.DLQ_OUT);
        }
    });

    SignalProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.engineStore = LiveKeyValueStore.encodedStore(context.getStateStore(ENGINE_STORE));
        this.instruments = context.getStateStore(EngineTopology.INSTRUMENTS_STORE);
        this.strategies = context.getStateStore(EngineTopology.STRATEGIES_STORE);
        this.deadLetters = new DeadLetterCounter(context, "signals");
        engines.clear();
        rules.init(strategies, LiveKeyValueStore.encodedStore(context.getStateStore(STRATEGY_STORE)));
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof Bar bar) {
            onBar(record, bar);
        } else if (value instanceof OptionDelta delta) {
            onOptionDelta(record, delta);
        } else if (value instanceof LiquidityLevel level) {
            onImportedLevel(record, level);
        } else {
            throw new IllegalStateException("unexpected record type " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    /**
     * Reference data of the record's instrument, or null when the record is keyed by another instrument
     * or the instrument is unknown (both dead-lettered by the checks).
     */
    private Instrument checkedInstrument(Record<String, Object> record, String instrument) {
        return keyMatches(record, instrument) ? instrument(record, instrument) : null;
    }

    private void onBar(Record<String, Object> record, Bar avro) {
        String instrument = avro.getInstrument();
        Instrument ref = checkedInstrument(record, instrument);
        if (ref == null) {
            return;
        }
        TickGrid grid = new TickGrid(ref.getTickSize());
        BarValue bar;
        try {
            bar = AvroMapping.barValue(avro);
        } catch (IllegalArgumentException e) {
            reject(record, DeadLetterReason.INVALID_VALUE, e.getMessage(), null);
            return;
        }
        String offGrid = offGrid(avro, grid);
        if (offGrid != null) {
            reject(record, DeadLetterReason.OFF_TICK_GRID, offGrid, bar.startMicros());
            return;
        }
        ReferenceSignalEngine engine = engine(instrument, ref);
        if (bar.startMicros() <= engine.lastBarStartMicros()) {
            reject(record, DeadLetterReason.TIMESTAMP_BACKWARDS, "bar at " + avro.getStartTime()
                    + " is not after the previous bar at " + Micros.instant(engine.lastBarStartMicros()), bar.startMicros());
            return;
        }
        SignalOutput out = engine.onBar(bar);
        saveEngine(instrument, engine);
        long ts = Math.floorDiv(bar.endMicros(), 1000);
        for (var e : out.levelEvents()) {
            forward(instrument, AvroMapping.level(instrument, e), ts, EngineTopology.LEVELS_OUT);
        }
        forward(instrument, AvroMapping.bias(out.bias(), out.longSetup(), out.shortSetup()), ts, EngineTopology.BIAS_OUT);
        if (referenceEnabled(instrument)) {
            for (PlanEvent p : out.plans()) {
                forwardPlan(instrument, p, ts);
            }
        }
        rules.onBar(instrument, grid, out, ts, record.timestamp());
    }

    private void onOptionDelta(Record<String, Object> record, OptionDelta delta) {
        String instrument = delta.getUnderlying();
        Instrument ref = checkedInstrument(record, instrument);
        if (ref == null) {
            return;
        }
        long micros = Micros.of(delta.getEventTime());
        if (!Double.isFinite(delta.getValue())) {
            reject(record, DeadLetterReason.INVALID_VALUE, "option delta " + delta.getValue() + " is not finite", micros);
            return;
        }
        ReferenceSignalEngine engine = engine(instrument, ref);
        // the first value of a minute is kept; a repeat of the minute or one older than the history is ignored
        if (engine.onOptionDelta(micros, delta.getValue())) {
            saveEngine(instrument, engine);
        }
    }

    private void onImportedLevel(Record<String, Object> record, LiquidityLevel level) {
        String instrument = level.getInstrument();
        Instrument ref = checkedInstrument(record, instrument);
        if (ref == null) {
            return;
        }
        TickGrid grid = new TickGrid(ref.getTickSize());
        long created = Micros.of(level.getCreatedTime());
        if (!grid.isOnGrid(level.getPrice())) {
            reject(record, DeadLetterReason.OFF_TICK_GRID, "level price " + level.getPrice() + " is off the "
                    + ref.getTickSize() + " tick grid", created);
            return;
        }
        String sourceId = level.getSourceId() == null ? level.getLevelId() : level.getSourceId();
        Long filled = level.getFilledTime() == null ? null : Micros.of(level.getFilledTime());
        ImportedLevel imported;
        try {
            imported = new ImportedLevel(sourceId, created, level.getPrice(),
                    filled == null ? io.liquidityengine.topology.domain.levels.LiquidityLevel.NOT_FILLED : filled);
        } catch (IllegalArgumentException e) {
            reject(record, DeadLetterReason.INVALID_VALUE, e.getMessage(), created);
            return;
        }
        ReferenceSignalEngine engine = engine(instrument, ref);
        if (level.getEvent() == LevelEvent.FILLED && filled != null) {
            // the export's fill of a level imported earlier: applied by the first bar at or after it
            if (engine.onImportedFill(ImportedLevel.unfilled(sourceId, created, level.getPrice()), filled)) {
                saveEngine(instrument, engine);
            }
            return;
        }
        var events = engine.onImportedLevel(imported);
        saveEngine(instrument, engine);
        for (var e : events) {
            forward(instrument, AvroMapping.level(instrument, e), record.timestamp(), EngineTopology.LEVELS_OUT);
        }
    }

    /** The engine's state is encoded when Kafka Streams flushes before a commit, not on every change (see LiveKeyValueStore.Encoded). */
    private void saveEngine(String instrument, ReferenceSignalEngine engine) {
        engineStore.putLive(instrument, () -> EngineStateCodec.encode(engine));
    }

    private ReferenceSignalEngine engine(String instrument, Instrument ref) {
        ReferenceSignalEngine engine = engines.get(instrument);
        if (engine == null) {
            byte[] stored = engineStore.get(instrument);
            engine = stored == null ? new ReferenceSignalEngine(engineConfig(instrument, ref.getTickSize()))
                    : EngineStateCodec.decode(stored, SignalProcessor::engineConfig);
            engines.put(instrument, engine);
        }
        return engine;
    }

    static EngineConfig engineConfig(String instrument, double tickSize) {
        return EngineConfig.defaults(instrument, tickSize);
    }

    private boolean referenceEnabled(String instrument) {
        StrategyDefinition def = strategies.get(ReferenceStrategy.DEFAULT_ID);
        return def == null || def.getKind() != StrategyKind.REFERENCE || def.getEnabled() || !RuleStrategies.appliesTo(def, instrument);
    }

    private static String offGrid(Bar bar, TickGrid grid) {
        for (double p : new double[] {bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose()}) {
            if (!grid.isOnGrid(p)) {
                return "bar price " + p + " is off the " + grid.tickSize() + " tick grid";
            }
        }
        for (FootprintLevel level : bar.getFootprint()) {
            if (!grid.isOnGrid(level.getPrice())) {
                return "footprint price " + level.getPrice() + " is off the " + grid.tickSize() + " tick grid";
            }
        }
        return null;
    }

    private boolean keyMatches(Record<String, Object> record, String instrument) {
        if (record.key() != null && record.key().equals(instrument)) {
            return true;
        }
        reject(record, DeadLetterReason.INVALID_VALUE, "record key " + record.key() + " is not the instrument " + instrument
                + " (instrument-keyed topics must be keyed by symbol to stay co-partitioned)", null);
        return false;
    }

    private Instrument instrument(Record<String, Object> record, String symbol) {
        Instrument ref = instruments.get(symbol);
        if (ref == null) {
            reject(record, DeadLetterReason.UNKNOWN_INSTRUMENT, "instrument " + symbol + " is not in ref.instruments", null);
        }
        return ref;
    }

    private void forward(String key, Object value, long timestamp, String sink) {
        context.forward(new Record<>(key, value, timestamp), sink);
    }

    /**
     * A plan revision, and a request to commit after this record: under exactly-once the risk stage
     * sees the plan only once the transaction commits, and waiting for the commit interval (100 ms)
     * would be most of the order's latency. Plans are rare (tens a day), so the extra commits cost nothing.
     */
    private void forwardPlan(String instrument, PlanEvent plan, long timestamp) {
        forward(instrument, AvroMapping.plan(plan), timestamp, EngineTopology.PLANS_OUT);
        context.commit();
    }

    private void reject(Record<String, Object> record, DeadLetterReason reason, String detail, Long eventMicros) {
        DeadLetter letter = DeadLetterRecords.of("signals", context.recordMetadata().orElse(null), reason, detail,
                String.valueOf(record.value()).getBytes(StandardCharsets.UTF_8),
                eventMicros == null ? null : Micros.instant(eventMicros));
        deadLetters.record(reason);
        context.forward(new Record<String, Object>(letter.getSource(), letter, record.timestamp()), EngineTopology.DLQ_OUT);
    }
}
