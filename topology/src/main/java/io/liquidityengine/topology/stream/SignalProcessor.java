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
import io.liquidityengine.topology.domain.strategy.rules.RuleSpec;
import io.liquidityengine.topology.domain.strategy.rules.RuleStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 * <p>Rule strategies come from the global {@value EngineTopology#STRATEGIES_STORE} store
 * (config.strategies) and are looked up on every bar, so a new, changed or removed definition
 * applies from the next bar without a restart. A changed version starts its state afresh; a
 * disabled or removed strategy's live plan is CANCELLED. A REFERENCE definition with id
 * {@code reference} and {@code enabled=false} mutes the reference strategy's plans.
 */
final class SignalProcessor implements Processor<String, Object, String, Object> {

    static final String ENGINE_STORE = "signal-state";
    static final String STRATEGY_STORE = "strategy-state";
    static final String STRATEGY_REMOVED = "strategy disabled or removed";
    static final String STRATEGY_CHANGED = "strategy definition changed";

    private final TopologyConfig config;
    private ProcessorContext<String, Object> context;
    private LiveKeyValueStore.Encoded engineStore;
    private LiveKeyValueStore.Encoded strategyStore;
    private KeyValueStore<String, Instrument> instruments;
    private KeyValueStore<String, StrategyDefinition> strategies;
    private DeadLetterCounter deadLetters;
    private final Map<String, ReferenceSignalEngine> engines = new HashMap<>();
    private final Map<String, LoadedRule> rules = new HashMap<>();
    private final Map<String, Object> parsedSpecs = new HashMap<>();
    /** The keys of {@value #STRATEGY_STORE} in the store's order (UTF-8 bytes); read from the store once after init, then kept with it. */
    private TreeSet<String> strategyKeys;
    private final Set<String> reportedBadSpecs = new HashSet<>();

    SignalProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.engineStore = LiveKeyValueStore.encodedStore(context.getStateStore(ENGINE_STORE));
        this.strategyStore = LiveKeyValueStore.encodedStore(context.getStateStore(STRATEGY_STORE));
        this.instruments = context.getStateStore(EngineTopology.INSTRUMENTS_STORE);
        this.strategies = context.getStateStore(EngineTopology.STRATEGIES_STORE);
        this.deadLetters = new DeadLetterCounter(context, "signals");
        engines.clear();
        rules.clear();
        strategyKeys = null;
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
        runRuleStrategies(record, instrument, grid, out, ts);
    }

    private void runRuleStrategies(Record<String, Object> record, String instrument, TickGrid grid, SignalOutput out, long ts) {
        long at = out.bias().eventMicros();
        Set<String> active = new HashSet<>();
        try (KeyValueIterator<String, StrategyDefinition> it = strategies.all()) {
            while (it.hasNext()) {
                StrategyDefinition def = it.next().value;
                if (def == null || def.getKind() != StrategyKind.RULES || !def.getEnabled() || !appliesTo(def, instrument)) {
                    continue;
                }
                RuleSpec spec = spec(record, def);
                if (spec == null) {
                    continue;
                }
                String key = strategyKey(instrument, def.getStrategyId());
                active.add(key);
                List<PlanEvent> plans = new ArrayList<>(2);
                LoadedRule loaded = load(key, instrument, grid);
                if (loaded == null || loaded.version() != def.getVersion() || !loaded.definition().equals(def.getDefinition())) {
                    if (loaded != null) {
                        plans.addAll(loaded.strategy().cancelLive(at, STRATEGY_CHANGED));
                    }
                    // a new or changed definition starts from scratch
                    loaded = new LoadedRule(def.getVersion(), def.getDefinition(),
                            new RuleStrategy(def.getStrategyId(), instrument, grid, spec));
                    rules.put(key, loaded);
                }
                plans.addAll(loaded.strategy().onBar(out.context()));
                LoadedRule saved = loaded;
                strategyStore.putLive(key, () -> encodeRule(saved));
                strategyKeys().add(key);
                for (PlanEvent p : plans) {
                    forwardPlan(instrument, p, ts);
                }
            }
        }
        // state of strategies that were removed or disabled: cancel their live plans and forget them
        List<String> stale = new ArrayList<>();
        // the keys a prefix scan of "<instrument>|" gives, in the same order
        for (String key : strategyKeys().subSet(instrument + "|", instrument + "}")) {
            if (!active.contains(key)) {
                stale.add(key);
            }
        }
        for (String key : stale) {
            LoadedRule loaded = load(key, instrument, grid);
            if (loaded != null) {
                for (PlanEvent p : loaded.strategy().cancelLive(at, STRATEGY_REMOVED)) {
                    forwardPlan(instrument, p, ts);
                }
            }
            rules.remove(key);
            strategyStore.delete(key);
            strategyKeys().remove(key);
        }
    }

    private TreeSet<String> strategyKeys() {
        if (strategyKeys == null) {
            strategyKeys = new TreeSet<>(LiveKeyValueStore::compareUtf8);
            try (KeyValueIterator<String, byte[]> it = strategyStore.all()) {
                while (it.hasNext()) {
                    strategyKeys.add(it.next().key);
                }
            }
        }
        return strategyKeys;
    }

    /** A rule strategy's state with the definition it was built from. */
    private record LoadedRule(int version, String definition, RuleStrategy strategy) {
    }

    /** The cached or stored state of a rule strategy, null when there is none. */
    private LoadedRule load(String key, String instrument, TickGrid grid) {
        LoadedRule loaded = rules.get(key);
        if (loaded != null) {
            return loaded;
        }
        byte[] stored = strategyStore.get(key);
        if (stored == null) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
        try {
            int version = in.readInt();
            String definition = in.readUTF();
            String strategyId = key.substring(instrument.length() + 1);
            RuleStrategy strategy = new RuleStrategy(strategyId, instrument, grid, RuleSpec.parse(definition));
            strategy.restore(in.readAllBytes());
            loaded = new LoadedRule(version, definition, strategy);
            rules.put(key, loaded);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encodeRule(LoadedRule loaded) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(loaded.version());
            out.writeUTF(loaded.definition());
            out.write(loaded.strategy().capture());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The parsed spec of a definition (cached per id, version and text), null when invalid (dead-lettered once). */
    private RuleSpec spec(Record<String, Object> record, StrategyDefinition def) {
        String cacheKey = def.getStrategyId() + "@" + def.getVersion() + "@" + def.getDefinition();
        Object parsed = parsedSpecs.computeIfAbsent(cacheKey, k -> {
            try {
                return RuleSpec.parse(def.getDefinition());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        if (parsed instanceof RuleSpec spec) {
            return spec;
        }
        if (reportedBadSpecs.add(cacheKey)) {
            DeadLetter letter = DeadLetter.newBuilder()
                    .setSource("topology.strategies")
                    .setOrigin("config.strategies/" + def.getStrategyId())
                    .setPosition(def.getVersion())
                    .setPositionKind(io.liquidityengine.schemas.deadletter.PositionKind.NONE)
                    .setReason(DeadLetterReason.INVALID_VALUE)
                    .setDetail("strategy " + def.getStrategyId() + " v" + def.getVersion() + ": " + parsed)
                    .setPayload(ByteBuffer.wrap(def.getDefinition().getBytes(StandardCharsets.UTF_8)))
                    .build();
            deadLetters.record(DeadLetterReason.INVALID_VALUE);
            context.forward(new Record<String, Object>(letter.getSource(), letter, record.timestamp()), EngineTopology.DLQ_OUT);
        }
        return null;
    }

    private boolean referenceEnabled(String instrument) {
        StrategyDefinition def = strategies.get(ReferenceStrategy.DEFAULT_ID);
        return def == null || def.getKind() != StrategyKind.REFERENCE || def.getEnabled() || !appliesTo(def, instrument);
    }

    private static boolean appliesTo(StrategyDefinition def, String instrument) {
        return def.getInstruments().isEmpty() || def.getInstruments().contains(instrument);
    }

    static String strategyKey(String instrument, String strategyId) {
        return instrument + "|" + strategyId;
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
