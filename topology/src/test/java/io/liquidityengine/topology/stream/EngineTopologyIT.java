package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production topology in KafkaStreams (exactly-once v2) on the local KRaft broker: a synthetic
 * session in two halves with the application stopped in between and restarted on an empty state
 * directory (so its stores come back from the changelogs) gives exactly the records the test
 * driver gives for the same input.
 */
@ExtendWith(LocalStackExtension.class)
class EngineTopologyIT {

    private static final List<Topic<String, ? extends SpecificRecord>> OUTPUTS = List.of(Topics.SIG_BARS, Topics.SIG_LEVELS,
            Topics.SIG_BIAS, Topics.SIG_PLANS, Topics.DLQ_TOPOLOGY);

    @Test
    void shouldProduceWhatTheTestDriverProducesAcrossARestartFromChangelogs(LocalStack stack) throws Exception {
        List<SyntheticSession.Input> input = SyntheticSession.records(12_000, 3);
        Map<String, List<Object>> expected = new LinkedHashMap<>();
        try (TopologyFixture f = new TopologyFixture(Duration.ofSeconds(2))) {
            SyntheticSession.pipe(f, new SyntheticSession.Input(Topics.REF_INSTRUMENTS, "ES", TopologyFixture.es(), 0));
            input.forEach(in -> SyntheticSession.pipe(f, in));
            for (Topic<String, ? extends SpecificRecord> t : OUTPUTS) {
                expected.put(t.name(), new ArrayList<>(f.output(t).readValuesToList()));
            }
        }
        assertThat(expected.get(Topics.SIG_LEVELS.name())).isNotEmpty();
        assertThat(expected.get(Topics.SIG_PLANS.name())).isNotEmpty();

        produce(stack, List.of(new SyntheticSession.Input(Topics.REF_INSTRUMENTS, "ES", TopologyFixture.es(), 0)));
        int half = input.size() / 2;
        String applicationId = "engine-it-" + UUID.randomUUID();
        produce(stack, input.subList(0, half));
        try (KafkaStreams streams = start(stack, applicationId)) {
            // the first half's last bars stay open until later ticks close them: wait for most of its bias records
            awaitCount(stack, Topics.SIG_BIAS, expected.get(Topics.SIG_BIAS.name()).size() / 3);
        }
        produce(stack, input.subList(half, input.size()));
        try (KafkaStreams streams = start(stack, applicationId)) {
            awaitCount(stack, Topics.SIG_BIAS, expected.get(Topics.SIG_BIAS.name()).size());
            awaitCount(stack, Topics.SIG_BARS, expected.get(Topics.SIG_BARS.name()).size());
        }
        for (Topic<String, ? extends SpecificRecord> t : OUTPUTS) {
            assertThat(readAll(stack, t)).as(t.name()).containsExactlyElementsOf(expected.get(t.name()));
        }
    }

    private static KafkaStreams start(LocalStack stack, String applicationId) throws Exception {
        Path stateDir = Files.createTempDirectory("engine-it-state");   // empty: stores are restored from their changelogs
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(EngineTopology.build(TopologyConfig.defaults(stack.registryConfig())
                .withGrace(Duration.ofSeconds(2))), props);
        streams.start();
        return streams;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void produce(LocalStack stack, List<SyntheticSession.Input> records) throws Exception {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Map<String, org.apache.kafka.common.serialization.Serializer> serializers = new LinkedHashMap<>();
            for (SyntheticSession.Input in : records) {
                var serializer = serializers.computeIfAbsent(in.topic().name(), n -> in.topic().valueSerde(stack.registryConfig()).serializer());
                producer.send(new ProducerRecord<>(in.topic().name(), null, in.timestamp(), in.key(),
                        serializer.serialize(in.topic().name(), in.value())));
            }
            producer.flush();
        }
    }

    /** Polls committed records until the topic holds {@code count} of them (fails after two minutes). */
    private static void awaitCount(LocalStack stack, Topic<String, ?> topic, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int seen = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            while (seen < count) {
                assertThat(System.nanoTime()).as("waiting for %d records on %s, saw %d", count, topic, seen).isLessThan(deadline);
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }

    private static List<Object> readAll(LocalStack stack, Topic<String, ? extends SpecificRecord> topic) {
        var deserializer = topic.valueSerde(stack.registryConfig()).deserializer();
        List<Object> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            var end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(deserializer.deserialize(topic.name(), r.value()));
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<String, byte[]> consumer(LocalStack stack, Topic<String, ?> topic) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
