package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputSchemasTest {

    private static final String SCOPE = "output-schemas-test";
    private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        SchemaRegistries.dropMock(SCOPE);
    }

    @Test
    void shouldListExactlyTheTopicsTheTopologyWrites() {
        for (boolean lockstep : new boolean[] {false, true}) {
            TopologyConfig config = TopologyConfig.defaults(registry).withLockstep(lockstep);
            Set<String> sinks = new TreeSet<>();
            for (TopologyDescription.Subtopology sub : EngineTopology.build(config).describe().subtopologies()) {
                for (TopologyDescription.Node node : sub.nodes()) {
                    if (node instanceof TopologyDescription.Sink sink) {
                        sinks.add(sink.topic());
                    }
                }
            }
            Set<String> listed = OutputSchemas.topics(config).stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed).as("lockstep %s", lockstep).isEqualTo(sinks).hasSize(lockstep ? 9 : 8);
        }
    }

    @Test
    void shouldRegisterEveryOutputSchemaBeforeTheFirstRecord() {
        TopologyConfig config = TopologyConfig.defaults(registry).withLockstep(true);
        assertThat(OutputSchemas.register(config)).isEqualTo(9);

        SchemaRegistry schemas = SchemaRegistries.forConfig(registry);
        for (Topic<String, ?> topic : OutputSchemas.topics(config)) {
            // lookup only finds what is registered already
            int id = schemas.lookup(SchemaRegistry.subjectFor(topic.name(), false),
                    SpecificData.getForClass(topic.valueType()).getSchema(topic.valueType()));
            assertThat(id).as(topic.name()).isPositive();
        }
    }

    @Test
    void shouldStartWithoutTheSchemasWhenTheRegistryIsUnreachable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TopologyConfig config = TopologyConfig.defaults(Map.of("schema.registry.url", "http://127.0.0.1:" + port,
                "schema.registry.retry.max.ms", "300", "schema.registry.retry.backoff.ms", "50"));
        // one subject's retries, then no more calls
        assertThat(OutputSchemas.register(config)).isZero();
    }
}
