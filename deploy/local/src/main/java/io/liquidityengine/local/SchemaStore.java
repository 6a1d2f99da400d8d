package io.liquidityengine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state, kept in a compacted {@code _schemas} topic with the same record layout as
 * Confluent Schema Registry (key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}},
 * value {@code {"subject","version","id","schema"}}), so ids survive a restart of the registry.
 * One writer at a time; every write first catches up with the topic.
 */
final class SchemaStore implements AutoCloseable {

    static final String TOPIC = "_schemas";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One registered version of a subject. */
    record Version(String subject, int version, int id, Schema schema) {
    }

    /** A schema was refused: the HTTP status and Confluent error code to answer with. */
    static final class Rejected extends RuntimeException {
        final int status;
        final int errorCode;

        Rejected(int status, int errorCode, String message) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition = new TopicPartition(TOPIC, 0);
    private final Map<String, List<Version>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> byId = new TreeMap<>();
    private final Map<String, Integer> idByCanonical = new java.util.HashMap<>();

    /** @param clientConfig bootstrap servers and, on a secured stack, the admin's security settings */
    SchemaStore(Map<String, Object> clientConfig) {
        ensureTopic(clientConfig);
        Properties pp = new Properties();
        pp.putAll(clientConfig);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
        Properties cp = new Properties();
        cp.putAll(clientConfig);
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a registration reads its own write back (catchUp): without this the poll sits out the broker's
        // default 500 ms fetch wait, and every new subject took about 0.5 s (a service's first record of a topic)
        cp.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        catchUp();
    }

    private static void ensureTopic(Map<String, Object> clientConfig) {
        try (Admin admin = Admin.create(clientConfig)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the registry's " + TOPIC + " topic: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the topic up to its current end. */
    synchronized void catchUp() {
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                apply(r.value());
            }
        }
    }

    private void apply(String value) {
        if (value == null) {
            return;
        }
        try {
            JsonNode v = JSON.readTree(value);
            Schema schema = new Schema.Parser().parse(v.path("schema").asText());
            Version version = new Version(v.path("subject").asText(), v.path("version").asInt(), v.path("id").asInt(), schema);
            List<Version> versions = subjects.computeIfAbsent(version.subject(), s -> new ArrayList<>());
            versions.removeIf(x -> x.version() == version.version());
            versions.add(version);
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            byId.put(version.id(), schema);
            idByCanonical.put(schema.toString(), version.id());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable record in " + TOPIC + ": " + value, e);
        }
    }

    synchronized Version register(String subject, Schema schema) {
        catchUp();
        Optional<Version> existing = find(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        if (!versions.isEmpty()) {
            Version latest = versions.get(versions.size() - 1);
            var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest.schema()).getResult();
            if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                List<String> reasons = new ArrayList<>();
                result.getIncompatibilities().forEach(i -> reasons.add(i.getType() + " at " + i.getLocation() + ": " + i.getMessage()));
                throw new Rejected(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\" (BACKWARD, version " + latest.version() + "): " + String.join("; ", reasons));
            }
        }
        int id = idByCanonical.getOrDefault(schema.toString(), byId.isEmpty() ? 1 : ((TreeMap<Integer, Schema>) byId).lastKey() + 1);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schema.toString()).put("deleted", false);
        try {
            producer.send(new ProducerRecord<>(TOPIC, key.toString(), value.toString())).get();
        } catch (ExecutionException e) {
            throw new Rejected(500, 50001, "cannot store the schema in " + TOPIC + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected(500, 50001, "interrupted");
        }
        catchUp();
        return find(subject, schema).orElseThrow();
    }

    synchronized Optional<Version> find(String subject, Schema schema) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    synchronized Optional<Schema> byId(int id) {
        Schema s = byId.get(id);
        if (s == null) {
            catchUp();
            s = byId.get(id);
        }
        return Optional.ofNullable(s);
    }

    synchronized Collection<String> subjects() {
        catchUp();
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Version> versions(String subject) {
        catchUp();
        return List.copyOf(subjects.getOrDefault(subject, List.of()));
    }

    synchronized List<String> subjectsOf(int id) {
        List<String> out = new ArrayList<>();
        subjects.forEach((s, vs) -> vs.stream().filter(v -> v.id() == id).findFirst().ifPresent(v -> out.add(s)));
        return out;
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
