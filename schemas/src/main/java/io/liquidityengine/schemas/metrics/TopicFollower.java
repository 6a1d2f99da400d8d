package io.liquidityengine.schemas.metrics;

import io.liquidityengine.schemas.catalog.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed records of some catalog topics on its own thread and hands each to a handler: how
 * a service turns what it (or the engine) has published into metrics without touching the code that
 * publishes it. Every partition is assigned (no consumer group, nothing committed), from the
 * beginning for topics that hold state (a halt, a checkpoint, a position), from the end for topics
 * that are only counted, so a counter counts what was published while the service ran.
 * Undecodable records are skipped. A topic that does not exist yet is looked for again every poll.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    /** Where a topic is read from when the follower starts. */
    public enum From { BEGINNING, END }

    /** One followed topic and what to do with each of its committed records. */
    public record Follow<V extends SpecificRecord>(Topic<String, V> topic, From from, BiConsumer<String, V> handler) {
    }

    private final String name;
    private final Map<String, Object> clientConfig;
    private final List<Follow<?>> follows;
    private final Map<String, Deserializer<?>> deserializers = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread thread;

    /**
     * @param name         names the thread and the client id ({@code <name>-follower})
     * @param clientConfig Kafka client and registry settings (a {@code group.id} in it is ignored)
     */
    public TopicFollower(String name, Map<String, Object> clientConfig, List<Follow<?>> follows) {
        this.name = name;
        this.clientConfig = Map.copyOf(clientConfig);
        this.follows = List.copyOf(follows);
        follows.forEach(f -> deserializers.put(f.topic().name(), f.topic().valueSerde(clientConfig).deserializer()));
    }

    public synchronized TopicFollower start() {
        thread = new Thread(this::run, name + "-follower");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** False once the thread has died of an error (a liveness check fails on it). */
    public boolean alive() {
        return failure == null && (thread == null || thread.isAlive() || stopping);
    }

    /** The error the thread died of, or null. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG); // a follower is not worth a dashboard of its own
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-follower");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            Set<String> assigned = new TreeSet<>();
            while (!stopping) {
                if (assigned.size() < follows.size()) {
                    assign(c, assigned);
                }
                if (assigned.isEmpty()) {
                    synchronized (this) {
                        wait(1_000); // topics not created yet (service code, not a test)
                    }
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("{} follower stopped: {}", name, e.toString(), e);
        } finally {
            consumer = null;
        }
    }

    private void assign(KafkaConsumer<String, byte[]> c, Set<String> assigned) {
        List<TopicPartition> partitions = new ArrayList<>(c.assignment());
        List<TopicPartition> fromBeginning = new ArrayList<>();
        List<TopicPartition> fromEnd = new ArrayList<>();
        for (Follow<?> f : follows) {
            String topic = f.topic().name();
            if (assigned.contains(topic)) {
                continue;
            }
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                continue;
            }
            assigned.add(topic);
            for (PartitionInfo info : infos) {
                TopicPartition tp = new TopicPartition(topic, info.partition());
                partitions.add(tp);
                (f.from() == From.BEGINNING ? fromBeginning : fromEnd).add(tp);
            }
        }
        if (fromBeginning.isEmpty() && fromEnd.isEmpty()) {
            return;
        }
        c.assign(partitions);
        // an empty list would seek every assigned partition
        if (!fromBeginning.isEmpty()) {
            c.seekToBeginning(fromBeginning);
        }
        if (!fromEnd.isEmpty()) {
            c.seekToEnd(fromEnd);
            fromEnd.forEach(c::position); // resolve "the end" now, not at the first poll
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        for (Follow<?> f : follows) {
            if (f.topic().name().equals(r.topic())) {
                Object value;
                try {
                    value = deserializers.get(r.topic()).deserialize(r.topic(), r.value());
                } catch (RuntimeException e) {
                    LOG.debug("{} follower: skipping undecodable record {}-{}@{}: {}", name, r.topic(), r.partition(), r.offset(), e.toString());
                    return;
                }
                ((BiConsumer<String, Object>) (BiConsumer<String, ?>) f.handler()).accept(r.key(), value);
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (this) {
            stopping = true;
            notifyAll();
            t = thread;
        }
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            t.join(10_000);
        }
    }
}
