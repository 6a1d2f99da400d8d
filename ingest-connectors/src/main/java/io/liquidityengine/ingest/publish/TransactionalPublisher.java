package io.liquidityengine.ingest.publish;

import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One transactional producer for every topic a source writes (records, dead letters, checkpoint),
 * so each batch lands atomically with the checkpoint that covers it. Values are serialized with the
 * catalog's serdes; a restarted publisher with the same transactional id fences the old one.
 */
public final class TransactionalPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Object> registryConfig;
    private final Map<String, Serializer<?>> valueSerializers = new HashMap<>();
    private final Serializer<String> keySerializer = new org.apache.kafka.common.serialization.StringSerializer();
    private boolean inTransaction;

    /**
     * @param clientConfig bootstrap servers, registry settings and any other producer settings
     * @param transactionalId stable id per source, e.g. {@code ingest-es-ticks}
     */
    public TransactionalPublisher(Map<String, Object> clientConfig, String transactionalId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.registryConfig = clientConfig;
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value, long timestampMillis) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        Serializer<V> serializer = (Serializer<V>) valueSerializers.computeIfAbsent(topic.name(),
                n -> topic.valueSerde(registryConfig).serializer());
        byte[] bytes = serializer.serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, timestampMillis, keySerializer.serialize(topic.name(), key), bytes));
        } catch (KafkaException e) {
            throw refused(e);
        }
    }

    public <V extends SpecificRecord> void send(OutRecord<V> record) {
        send(record.topic(), record.key(), record.value(), record.timestampMillis());
    }

    /** Commits everything sent since the last commit; a no-op when nothing was sent. */
    public void commit() {
        if (inTransaction) {
            try {
                producer.commitTransaction();
            } catch (KafkaException e) {
                throw refused(e);
            }
            inTransaction = false;
        }
    }

    /**
     * A write the cluster refused for lack of an ACL fails the next send or the commit with Kafka's own words for it
     * ({@code Not authorized to access topics: [md.option-deltas]}) instead of the producer's "error state", after
     * aborting the transaction: none of its records becomes visible to read_committed consumers, its checkpoint does
     * not move, and closing the producer does not wait for a transaction that cannot complete.
     */
    private KafkaException refused(KafkaException e) {
        AuthorizationException denied = authorizationCause(e);
        if (denied == null) {
            return e;
        }
        if (inTransaction) {
            inTransaction = false;
            try {
                producer.abortTransaction();
            } catch (KafkaException fatal) {
                e.addSuppressed(fatal);
            }
        }
        return new AuthorizationException(denied.getMessage(), e);
    }

    private static AuthorizationException authorizationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException a) {
                return a;
            }
        }
        return null;
    }

    public void abort() {
        if (inTransaction) {
            producer.abortTransaction();
            inTransaction = false;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
