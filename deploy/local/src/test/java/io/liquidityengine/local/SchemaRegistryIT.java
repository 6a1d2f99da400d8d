package io.liquidityengine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.registry.RegistryConfig;
import io.liquidityengine.schemas.registry.RestSchemaRegistry;
import io.liquidityengine.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Avro through the local stack's registry on a real broker. */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Tick tick(String instrument, int i) {
        return Tick.newBuilder().setInstrument(instrument)
                .setEventTime(Instant.parse("2024-12-05T14:30:00Z").plusMillis(250L * i))
                .setPrice(6000 + 0.25 * i).setSize(1 + i % 3).setAggressor(i % 2 == 0 ? AggressorSide.BUY : AggressorSide.SELL)
                .setBid(5999.75 + 0.25 * i).setAsk(6000 + 0.25 * i).setSourceSequence(i).build();
    }

    private static void produce(LocalStack stack, String instrument, int count) throws Exception {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Tick> producer = new KafkaProducer<>(config,
                Topics.MD_TICKS.keySerde(stack.registryConfig()).serializer(),
                Topics.MD_TICKS.valueSerde(stack.registryConfig()).serializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), null,
                        tick(instrument, i).getEventTime().toEpochMilli(), instrument, tick(instrument, i))).get();
            }
        }
    }

    /** Every record of md.ticks for one instrument key, read from the beginning. */
    private static <V> List<ConsumerRecord<String, V>> readAll(LocalStack stack, String instrument, Deserializer<V> values) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MD_TICKS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (instrument.equals(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void shouldProduceAvroThroughTheRegistryAndReadItBack(LocalStack stack) throws Exception {
        produce(stack, "IT-ROUNDTRIP", 5);

        List<ConsumerRecord<String, Tick>> records = readAll(stack, "IT-ROUNDTRIP",
                Topics.MD_TICKS.valueSerde(stack.registryConfig()).deserializer());

        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactly(tick("IT-ROUNDTRIP", 0), tick("IT-ROUNDTRIP", 1), tick("IT-ROUNDTRIP", 2),
                        tick("IT-ROUNDTRIP", 3), tick("IT-ROUNDTRIP", 4));
        assertThat(records.get(4).timestamp()).isEqualTo(Instant.parse("2024-12-05T14:30:01Z").toEpochMilli());
    }

    @Test
    void shouldDecodeARecordWithPlainAvroFromTheSchemaServedOverHttp(LocalStack stack) throws Exception {
        produce(stack, "IT-PLAIN", 1);
        byte[] bytes = readAll(stack, "IT-PLAIN", new ByteArrayDeserializer()).get(0).value();

        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.get()).isEqualTo((byte) 0);
        int id = buffer.getInt();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/schemas/ids/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Schema writer = new Schema.Parser().parse(JSON.readTree(response.body()).path("schema").asText());
        GenericRecord record = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(writer.getFullName()).isEqualTo("io.liquidityengine.schemas.marketdata.Tick");
        assertThat(record.get("instrument").toString()).isEqualTo("IT-PLAIN");
        assertThat(record.get("price")).isEqualTo(6000.0);
        assertThat(record.get("size")).isEqualTo(1.0);
        assertThat(record.get("aggressor").toString()).isEqualTo("BUY");
        assertThat(record.get("eventTime")).isEqualTo(Instant.parse("2024-12-05T14:30:00Z").toEpochMilli() * 1000);

        JsonNode subjects = JSON.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(subjects.toString()).contains("\"md.ticks-value\"");
    }

    @Test
    void shouldRejectAnIncompatibleSchemaNamingTheSubject(LocalStack stack) {
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.of(stack.registryUrl()));
        Schema v1 = SchemaBuilder.record("Probe").namespace("it").fields().requiredDouble("price").endRecord();
        Schema v2 = SchemaBuilder.record("Probe").namespace("it").fields().requiredString("price").endRecord();
        int id = client.register("it.incompatible-value", v1);
        assertThat(client.register("it.incompatible-value", v1)).isEqualTo(id);

        assertThatThrownBy(() -> client.register("it.incompatible-value", v2))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject 'it.incompatible-value'")
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("TYPE_MISMATCH");
    }

    @Test
    void shouldKeepIdsAcrossARegistryRestartAndWaitOutAShortOutage(LocalStack stack) throws Exception {
        Schema v1 = SchemaBuilder.record("Restart").namespace("it").fields().requiredLong("n").endRecord();
        Schema v2 = SchemaBuilder.record("Restart").namespace("it").fields().requiredLong("n")
                .name("note").type().stringType().stringDefault("").endRecord();
        int id1 = new RestSchemaRegistry(RegistryConfig.of(stack.registryUrl())).register("it.restart-value", v1);

        stack.stopRegistry();
        // a fresh client (empty cache) registers while the registry is down; it must wait, not fail
        RestSchemaRegistry client = new RestSchemaRegistry(RegistryConfig.from(Map.of(
                RegistryConfig.URL, stack.registryUrl(), RegistryConfig.RETRY_BACKOFF_MS, "100")));
        CompletableFuture<Integer> id2 = CompletableFuture.supplyAsync(() -> client.register("it.restart-value", v2));
        CompletableFuture.runAsync(stack::startRegistry, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS)).get(30, TimeUnit.SECONDS);

        assertThat(id2.get(30, TimeUnit.SECONDS)).isGreaterThan(id1);
        assertThat(client.lookup("it.restart-value", v1)).isEqualTo(id1);
        assertThat(client.schemaById(id1)).isEqualTo(v1);
    }
}
