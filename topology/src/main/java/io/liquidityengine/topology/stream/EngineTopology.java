package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's Kafka Streams topology, built from plain configuration so tests build exactly what
 * production runs:
 * <pre>
 * ref.instruments   ──▶ global store "instruments"
 * config.strategies ──▶ global store "strategies" (rule strategies, hot reload)
 * md.ticks ──▶ decode-ticks ──▶ bars [bar-state, rollup-state] (5 s base, final after grace; 1m/5m/15m/1h roll-ups) ──▶ sig.bars
 *                                  │ base bars
 * md.bars.imported ──▶ decode ─────┤
 * md.option-deltas ──▶ decode ─────┤
 * md.levels.imported ──▶ decode ───┴──▶ signals [signal-state, strategy-state] ──▶ sig.levels, sig.bias, sig.plans
 *          every stage ──▶ dlq.topology (undecodable, unknown instrument, off grid, late, out of order, invalid)
 * </pre>
 * Every input is keyed by instrument (md.option-deltas by underlying = instrument) and the catalog
 * gives every topic the same partition count, so one task sees all records of an instrument.
 * The bar and signal stages keep their state as live objects in {@link LiveKeyValueStore}s: state
 * changes on every tick or bar, but it is serialized, and only the latest value per key reaches the
 * changelog, once per commit (the exactly-once transaction). The risk stage's stores are cached.
 */
public final class EngineTopology {

    static final String INSTRUMENTS_STORE = "instruments";
    static final String BARS_OUT = "sig-bars-sink";
    static final String DLQ_OUT = "dlq-topology-sink";
    static final String STRATEGIES_STORE = "strategies";
    static final String SIGNALS = "signals";
    static final String LEVELS_OUT = "sig-levels-sink";
    static final String BIAS_OUT = "sig-bias-sink";
    static final String PLANS_OUT = "sig-plans-sink";
    static final String FAN_OUT = "signals-to-accounts";
    static final String RISK = "risk";
    static final String DECISIONS_OUT = "risk-decisions-sink";
    static final String ORDERS_OUT = "exec-orders-sink";
    static final String RISK_CLOCK_OUT = "risk-clock-sink";

    private EngineTopology() {
    }

    public static Topology build(TopologyConfig config) {
        var registry = config.registryConfig();
        Topology topology = new Topology();

        // reference data: every instance holds every instrument, decoded once per record (read on every bar)
        topology.addGlobalStore(
                DecodedStore.builder(INSTRUMENTS_STORE, Topics.REF_INSTRUMENTS.valueSerde(registry).deserializer()),
                "ref-instruments-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.REF_INSTRUMENTS.name(), "instruments-updater",
                () -> new GlobalUpdater<>(INSTRUMENTS_STORE, Topics.REF_INSTRUMENTS.valueSerde(registry).deserializer()));

        // ticks -> bars
        topology.addSource("md-ticks-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.MD_TICKS.name());
        topology.addProcessor("decode-ticks", () -> new DecodeProcessor<>("ticks", new TickDeserializer(registry), "bars"),
                "md-ticks-source");
        topology.addProcessor("bars", () -> new BarProcessor(config), "decode-ticks");
        topology.addStateStore(LiveKeyValueStore.inMemory(BarProcessor.STORE, BarState.OPEN_SERDE), "bars");
        topology.addStateStore(LiveKeyValueStore.inMemory(BarProcessor.ROLLUP_STORE, BarState.ROLLUP_SERDE), "bars");

        // strategy definitions: every instance holds every definition
        topology.addGlobalStore(
                DecodedStore.builder(STRATEGIES_STORE, Topics.CONFIG_STRATEGIES.valueSerde(registry).deserializer()),
                "config-strategies-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.CONFIG_STRATEGIES.name(), "strategies-updater",
                () -> new GlobalUpdater<>(STRATEGIES_STORE, Topics.CONFIG_STRATEGIES.valueSerde(registry).deserializer()));

        // imported bars, option deltas and imported levels feed the signals stage next to the built base bars
        topology.addSource("md-bars-imported-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.MD_BARS_IMPORTED.name());
        topology.addProcessor("decode-imported-bars",
                () -> new DecodeProcessor<>("imported-bars", Topics.MD_BARS_IMPORTED.valueSerde(registry).deserializer(), SIGNALS),
                "md-bars-imported-source");
        topology.addSource("md-option-deltas-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.MD_OPTION_DELTAS.name());
        topology.addProcessor("decode-option-deltas",
                () -> new DecodeProcessor<>("option-deltas", Topics.MD_OPTION_DELTAS.valueSerde(registry).deserializer(), SIGNALS),
                "md-option-deltas-source");
        topology.addSource("md-levels-imported-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.MD_LEVELS_IMPORTED.name());
        topology.addProcessor("decode-imported-levels",
                () -> new DecodeProcessor<>("imported-levels", Topics.MD_LEVELS_IMPORTED.valueSerde(registry).deserializer(), SIGNALS),
                "md-levels-imported-source");

        topology.addProcessor(SIGNALS, () -> new SignalProcessor(config),
                "bars", "decode-imported-bars", "decode-option-deltas", "decode-imported-levels");
        topology.addStateStore(LiveKeyValueStore.encoded(SignalProcessor.ENGINE_STORE), SIGNALS);
        topology.addStateStore(LiveKeyValueStore.encoded(SignalProcessor.STRATEGY_STORE), SIGNALS);

        // the two outputs written on every bar: serialized field by field (the same bytes as the catalog's serde, see AvroMapping)
        topology.addSink(BARS_OUT, Topics.SIG_BARS.name(), Serdes.String().serializer(), AvroMapping.barSerializer(registry), "bars");
        topology.addSink(LEVELS_OUT, Topics.SIG_LEVELS.name(), Serdes.String().serializer(),
                Topics.SIG_LEVELS.valueSerde(registry).serializer(), SIGNALS);
        topology.addSink(BIAS_OUT, Topics.SIG_BIAS.name(), Serdes.String().serializer(), AvroMapping.biasSerializer(registry), SIGNALS);
        topology.addSink(PLANS_OUT, Topics.SIG_PLANS.name(), Serdes.String().serializer(),
                Topics.SIG_PLANS.valueSerde(registry).serializer(), SIGNALS);
        addRiskStage(topology, config);
        topology.addSink(DLQ_OUT, Topics.DLQ_TOPOLOGY.name(), Serdes.String().serializer(), Topics.DLQ_TOPOLOGY.valueSerde(registry).serializer(),
                dlqParents(config));
        return topology;
    }

    /**
     * sig.plans, sig.bias ──▶ fan-out per account ──▶ risk.signals-by-account ───────────────────────┐
     * exec.reports, exec.positions, control.commands (keyed by account) ────────────────────────────┴▶ risk [account-risk]
     *      ──▶ risk.decisions, exec.orders
     * lockstep (backtests): exec.market-clock ──▶ risk [risk-lockstep] ──▶ risk.clock (see RiskLockstep)
     * The fan-out goes through topics (as a DSL repartition would) so that all of an account's inputs
     * meet in one task; every account-keyed topic has the catalog's partition count.
     */
    private static void addRiskStage(Topology topology, TopologyConfig config) {
        var registry = config.registryConfig();
        // one processor over both topics: they are co-partitioned, so one task forwards plans and bias records in
        // event-time order into one account-keyed stream; the risk stage reads them in exactly that order, and its
        // committed offset on that stream tells downstream (the execution sink) how far in event time it has decided
        topology.addSource("sig-plans-source", Serdes.String().deserializer(), Topics.SIG_PLANS.valueSerde(registry).deserializer(),
                Topics.SIG_PLANS.name());
        topology.addSource("sig-bias-source", Serdes.String().deserializer(), Topics.SIG_BIAS.valueSerde(registry).deserializer(),
                Topics.SIG_BIAS.name());
        topology.addProcessor(FAN_OUT, () -> new AccountFanOut(config.accounts(), "signals-by-account-sink"),
                "sig-plans-source", "sig-bias-source");
        topology.addSink("signals-by-account-sink", Topics.RISK_SIGNALS_BY_ACCOUNT.name(), Serdes.String().serializer(),
                Topics.RISK_SIGNALS_BY_ACCOUNT.valueSerde(registry).serializer(), FAN_OUT);

        List<String> decoders = new ArrayList<>();
        decoders.add(riskInput(topology, "signals-by-account", Topics.RISK_SIGNALS_BY_ACCOUNT, registry));
        decoders.add(riskInput(topology, "exec-reports", Topics.EXEC_REPORTS, registry));
        decoders.add(riskInput(topology, "exec-positions", Topics.EXEC_POSITIONS, registry));
        decoders.add(riskInput(topology, "control-commands", Topics.CONTROL_COMMANDS, registry));
        if (config.lockstep()) {
            decoders.add(riskInput(topology, "exec-market-clock", Topics.EXEC_MARKET_CLOCK, registry));
        }
        topology.addProcessor(RISK, () -> new RiskProcessor(config.risk(), config.lockstep()), decoders.toArray(String[]::new));
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RiskProcessor.STORE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled(), RISK);
        if (config.lockstep()) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RiskProcessor.LOCKSTEP_STORE), Serdes.String(),
                    Serdes.ByteArray()).withCachingEnabled(), RISK);
            topology.addSink(RISK_CLOCK_OUT, Topics.RISK_CLOCK.name(), Serdes.String().serializer(),
                    Topics.RISK_CLOCK.valueSerde(registry).serializer(), RISK);
        }
        topology.addSink(DECISIONS_OUT, Topics.RISK_DECISIONS.name(), Serdes.String().serializer(),
                Topics.RISK_DECISIONS.valueSerde(registry).serializer(), RISK);
        topology.addSink(ORDERS_OUT, Topics.EXEC_ORDERS.name(), Serdes.String().serializer(),
                Topics.EXEC_ORDERS.valueSerde(registry).serializer(), RISK);
    }

    private static String[] dlqParents(TopologyConfig config) {
        List<String> parents = new ArrayList<>(List.of("decode-ticks", "bars", "decode-imported-bars", "decode-option-deltas",
                "decode-imported-levels", SIGNALS, "decode-signals-by-account", "decode-exec-reports", "decode-exec-positions",
                "decode-control-commands", RISK));
        if (config.lockstep()) {
            parents.add("decode-exec-market-clock");
        }
        return parents.toArray(String[]::new);
    }

    /** A byte source plus its decoder for one input of the risk stage; returns the decoder's name. */
    private static <V extends SpecificRecord> String riskInput(Topology topology, String name, Topic<String, V> topic, Map<String, ?> registry) {
        topology.addSource(name + "-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
        topology.addProcessor("decode-" + name, () -> new DecodeProcessor<>(name, topic.valueSerde(registry).deserializer(), RISK),
                name + "-source");
        return "decode-" + name;
    }

    /**
     * Keeps a global store equal to its compacted topic (tombstones delete). Values are decoded here
     * rather than by the source so that an undecodable record is skipped with a warning (global
     * stores cannot forward to a dead-letter topic) instead of stopping the application.
     */
    private static final class GlobalUpdater<V> implements Processor<String, byte[], Void, Void> {
        private static final Logger LOG = LoggerFactory.getLogger(GlobalUpdater.class);
        private final String storeName;
        private final Deserializer<V> deserializer;
        private KeyValueStore<String, V> store;

        GlobalUpdater(String storeName, Deserializer<V> deserializer) {
            this.storeName = storeName;
            this.deserializer = deserializer;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                return;
            }
            V value;
            try {
                value = deserializer.deserialize(storeName, record.value());
            } catch (RuntimeException e) {
                LOG.warn("skipping undecodable record for key {} of global store {}: {}", record.key(), storeName, e.getMessage());
                return;
            }
            store.put(record.key(), value);
        }
    }
}
