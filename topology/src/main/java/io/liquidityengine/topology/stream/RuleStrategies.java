package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.engine.SignalOutput;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
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
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The signal stage's rule strategies: the enabled RULES definitions of the global strategies store,
 * looked up on every base bar, and each one's state per instrument in the strategy store (key
 * {@code <instrument>|<strategy id>}, value version, definition and {@link RuleStrategy#capture}). A new
 * or changed definition starts afresh (a changed one cancels its live plan first); a removed or disabled
 * one cancels its live plan and is forgotten. An invalid definition is reported once and skipped.
 */
final class RuleStrategies {

    static final String STRATEGY_REMOVED = "strategy disabled or removed";
    static final String STRATEGY_CHANGED = "strategy definition changed";

    /** Where the rule strategies' plans and the reports of invalid definitions go. */
    interface Output {
        void plan(String instrument, PlanEvent plan, long timestamp);

        void invalidDefinition(DeadLetter letter, long timestamp);
    }

    private final Output out;
    private final Map<String, Object> parsedSpecs = new HashMap<>();
    private final Set<String> reportedBadSpecs = new HashSet<>();
    private final Map<String, LoadedRule> rules = new HashMap<>();
    private KeyValueStore<String, StrategyDefinition> definitions;
    private LiveKeyValueStore.Encoded store;
    /** The strategy store's keys (UTF-8 order), read once per initialization; null until needed. */
    private TreeSet<String> keys;

    RuleStrategies(Output out) {
        this.out = out;
    }

    /** (Re)binds the stores and drops the decoded state, as the processor's {@code init} does. */
    void init(KeyValueStore<String, StrategyDefinition> definitions, LiveKeyValueStore.Encoded store) {
        this.definitions = definitions;
        this.store = store;
        rules.clear();
        keys = null;
    }

    /** A base bar of {@code instrument}: every applicable strategy's plans, stamped {@code timestamp}. */
    void onBar(String instrument, TickGrid grid, SignalOutput bar, long timestamp, long recordTimestamp) {
        long at = bar.bias().eventMicros();
        Set<String> active = new HashSet<>();
        try (KeyValueIterator<String, StrategyDefinition> it = definitions.all()) {
            while (it.hasNext()) {
                StrategyDefinition def = it.next().value;
                if (def == null || def.getKind() != StrategyKind.RULES || !def.getEnabled() || !appliesTo(def, instrument)) {
                    continue;
                }
                RuleSpec spec = spec(def, recordTimestamp);
                if (spec == null) {
                    continue;
                }
                String key = key(instrument, def.getStrategyId());
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
                plans.addAll(loaded.strategy().onBar(bar.context()));
                LoadedRule saved = loaded;
                store.putLive(key, () -> encode(saved));
                keys().add(key);
                for (PlanEvent p : plans) {
                    out.plan(instrument, p, timestamp);
                }
            }
        }
        // state of strategies that were removed or disabled: cancel their live plans and forget them
        List<String> stale = new ArrayList<>();
        // the keys a prefix scan of "<instrument>|" gives, in the same order
        for (String key : keys().subSet(instrument + "|", instrument + "}")) {
            if (!active.contains(key)) {
                stale.add(key);
            }
        }
        for (String key : stale) {
            LoadedRule loaded = load(key, instrument, grid);
            if (loaded != null) {
                for (PlanEvent p : loaded.strategy().cancelLive(at, STRATEGY_REMOVED)) {
                    out.plan(instrument, p, timestamp);
                }
            }
            rules.remove(key);
            store.delete(key);
            keys().remove(key);
        }
    }

    static boolean appliesTo(StrategyDefinition def, String instrument) {
        return def.getInstruments().isEmpty() || def.getInstruments().contains(instrument);
    }

    static String key(String instrument, String strategyId) {
        return instrument + "|" + strategyId;
    }

    private TreeSet<String> keys() {
        if (keys == null) {
            keys = new TreeSet<>(LiveKeyValueStore::compareUtf8);
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    keys.add(it.next().key);
                }
            }
        }
        return keys;
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
        byte[] stored = store.get(key);
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

    private static byte[] encode(LoadedRule loaded) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(loaded.version());
            data.writeUTF(loaded.definition());
            data.write(loaded.strategy().capture());
            data.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed spec of a definition (cached per id, version and text), null when invalid (reported once). */
    private RuleSpec spec(StrategyDefinition def, long recordTimestamp) {
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
            out.invalidDefinition(DeadLetter.newBuilder()
                    .setSource("topology.strategies")
                    .setOrigin("config.strategies/" + def.getStrategyId())
                    .setPosition(def.getVersion())
                    .setPositionKind(PositionKind.NONE)
                    .setReason(DeadLetterReason.INVALID_VALUE)
                    .setDetail("strategy " + def.getStrategyId() + " v" + def.getVersion() + ": " + parsed)
                    .setPayload(ByteBuffer.wrap(def.getDefinition().getBytes(StandardCharsets.UTF_8)))
                    .build(), recordTimestamp);
        }
        return null;
    }
}
