package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.reference.Instrument;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The engine's Kafka Streams topology, built from plain configuration so tests build exactly what
 * production runs:
 * <pre>
 * ref.instruments ──▶ global store "instruments"
 * md.ticks ──▶ decode ──▶ bars (5 s base, final after grace; 1m/5m/15m/1h roll-ups) ──▶ sig.bars
 *                 └──────────────┴──▶ dlq.topology (undecodable, unknown instrument, off grid, late)
 * </pre>
 */
public final class EngineTopology {

    static final String INSTRUMENTS_STORE = "instruments";
    static final String BARS_OUT = "sig-bars-sink";
    static final String DLQ_OUT = "dlq-topology-sink";

    private EngineTopology() {
    }

    public static Topology build(TopologyConfig config) {
        var registry = config.registryConfig();
        Topology topology = new Topology();

        // reference data: every instance holds every instrument
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(INSTRUMENTS_STORE), Serdes.String(),
                        Topics.REF_INSTRUMENTS.valueSerde(registry)).withLoggingDisabled(),
                "ref-instruments-source", Serdes.String().deserializer(), Topics.REF_INSTRUMENTS.valueSerde(registry).deserializer(),
                Topics.REF_INSTRUMENTS.name(), "instruments-updater", InstrumentsUpdater::new);

        // ticks -> bars
        topology.addSource("md-ticks-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.MD_TICKS.name());
        topology.addProcessor("decode-ticks", () -> new DecodeProcessor<>("ticks", Topics.MD_TICKS.valueSerde(registry).deserializer(), "bars"),
                "md-ticks-source");
        topology.addProcessor("bars", () -> new BarProcessor(config), "decode-ticks");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BarProcessor.STORE), Serdes.String(), BarState.SERDE),
                "bars");

        topology.addSink(BARS_OUT, Topics.SIG_BARS.name(), Serdes.String().serializer(), Topics.SIG_BARS.valueSerde(registry).serializer(), "bars");
        topology.addSink(DLQ_OUT, Topics.DLQ_TOPOLOGY.name(), Serdes.String().serializer(), Topics.DLQ_TOPOLOGY.valueSerde(registry).serializer(),
                "decode-ticks", "bars");
        return topology;
    }

    /** Keeps the global instruments store equal to the compacted topic (tombstones delete). */
    private static final class InstrumentsUpdater implements Processor<String, Instrument, Void, Void> {
        private KeyValueStore<String, Instrument> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(INSTRUMENTS_STORE);
        }

        @Override
        public void process(Record<String, Instrument> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
