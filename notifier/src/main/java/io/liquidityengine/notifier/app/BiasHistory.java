package io.liquidityengine.notifier.app;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back sig.bias for the record of an instrument before a position (read_committed, by assignment, no
 * group): the state {@link io.liquidityengine.notifier.message.BiasChanges} needs after a restart is on the topic
 * already, so it is rebuilt from there, not stored. Reads windows of offsets backwards from the position (the
 * previous record of an instrument is usually a few offsets back; the key is the instrument, so only the match is
 * decoded) until a record of the instrument or the partition's beginning.
 */
final class BiasHistory implements AutoCloseable {

    private static final int WINDOW = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private KafkaConsumer<String, byte[]> consumer;

    BiasHistory(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    /** The bias of the last record of {@code instrument} before {@code offset} on the partition, null when there is none. */
    synchronized BiasValue lastBefore(String topic, int partition, long offset, String instrument) {
        KafkaConsumer<String, byte[]> c = consumer();
        TopicPartition tp = new TopicPartition(topic, partition);
        c.assign(List.of(tp));
        long beginning = c.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
        long to = offset;
        long window = WINDOW;
        while (to > beginning) {
            long from = Math.max(beginning, to - window);
            ConsumerRecord<String, byte[]> found = null;
            c.seek(tp, from);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (c.position(tp, TIMEOUT) < to) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + tp + " from " + from + " to " + to + " within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < to && instrument.equals(r.key()) && r.value() != null) {
                        found = r;
                    }
                }
            }
            if (found != null) {
                Bias bias = Topics.SIG_BIAS.valueSerde(clientConfig).deserializer().deserialize(topic, found.value());
                return bias.getBias();
            }
            to = from;
            window *= 2;
        }
        return null;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notifier-bias-history");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
