package io.liquidityengine.backtest;

import io.liquidityengine.schemas.catalog.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A run's records onto topics named {@code <prefix><catalog topic>} (for instance {@code bt-0412.sig.bias}),
 * keyed and timestamped as the services would write them and in the catalog's Avro, so an analytics
 * consumer reads a backtest like live signals. Topics are created with the catalog's partition count
 * when missing; an existing topic with records from another run is refused (a prefix names one run).
 * Records are sent with an idempotent producer and flushed at {@link #close}.
 */
public final class TopicPublisher implements ClosedLoop.Records, AutoCloseable {

    private final String prefix;
    private final Map<String, ?> registryConfig;
    private final Set<String> topics;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;
    private final Map<String, Serializer<Object>> serializers = new HashMap<>();
    private final Set<String> ready = new TreeSet<>();
    private final Serializer<String> keys = new org.apache.kafka.common.serialization.StringSerializer();
    private long sent;
    private volatile Exception failure;
    private boolean closed;

    /** @param topics the catalog topics to publish (others are ignored) */
    public TopicPublisher(Map<String, ?> clientConfig, Map<String, ?> registryConfig, String prefix, Set<Topic<String, ?>> topics) {
        if (prefix == null || prefix.isBlank() || !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a run prefix is letters, digits, '.', '_' or '-', for instance 'bt-2024-12-05.': " + prefix);
        }
        this.prefix = prefix;
        this.registryConfig = registryConfig;
        this.topics = new TreeSet<>();
        topics.forEach(t -> this.topics.add(t.name()));
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // one request in flight per connection: the topics are created just before their first records, and a fresh
        // partition's first batches once came back out of order (OutOfOrderSequenceException, retried for ever, the run
        // failed); with one in flight the idempotent producer cannot reorder them. A backtest's output is small.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(new HashMap<>(clientConfig));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <V extends SpecificRecord> void record(Topic<String, V> topic, String key, V value, long timestampMs) {
        if (!topics.contains(topic.name())) {
            return;
        }
        String name = prefix + topic.name();
        if (ready.add(name)) {
            create(name, topic.partitions());
            producer.partitionsFor(name); // the new topic's leaders known before its first record is sent
        }
        Serializer<Object> values = serializers.computeIfAbsent(topic.name(),
                n -> (Serializer<Object>) (Serializer<?>) topic.valueSerde(registryConfig).serializer());
        // serialized under the catalog topic's subject: the prefixed topic carries the catalog's schema
        producer.send(new ProducerRecord<>(name, null, timestampMs, keys.serialize(name, key), values.serialize(topic.name(), value)),
                (metadata, e) -> {
                    if (e != null && failure == null) {
                        failure = e;
                    }
                });
        sent++;
    }

    private void create(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) -1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
            requireEmpty(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + name, e);
        }
    }

    private void requireEmpty(String name) {
        try {
            var description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(name, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            long records = 0;
            for (var info : admin.listOffsets(latest).all().get().values()) {
                records += info.offset();
            }
            if (records > 0) {
                throw new IllegalStateException("topic " + name + " already holds " + records + " records: use a new --publish-prefix per run");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + name, e);
        }
    }

    /** Records sent so far. */
    public long sent() {
        return sent;
    }

    /** The topics written, prefixed. */
    public List<String> topicsWritten() {
        return new ArrayList<>(ready);
    }

    /** Flushes and closes; fails when any record was not written (nothing is dropped silently). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.flush();
        } finally {
            producer.close();
            admin.close();
        }
        if (failure != null) {
            throw new IllegalStateException("publishing the run's records failed: " + failure.getMessage(), failure);
        }
    }
}
