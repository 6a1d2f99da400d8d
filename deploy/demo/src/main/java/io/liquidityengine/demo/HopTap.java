package io.liquidityengine.demo;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The latency benchmark's per-hop view: when records first become visible to a read_committed
 * consumer (what the next stage sees), on a thread of its own with short fetch waits. md.ticks by
 * record timestamp (the tick's event time in milliseconds: the first tick of each millisecond),
 * sig.plans and the fan-out's risk.signals-by-account by plan id and revision (the first account's
 * copy), exec.orders by client order id. The tap's own poll adds a few
 * milliseconds to every hop alike.
 */
final class HopTap implements AutoCloseable {

    private final Map<String, Object> clientConfig;
    private final Deserializer<TradePlan> plans;
    private final Deserializer<AccountSignal> accountSignals;
    private final Deserializer<Order> orders;
    private final Map<Long, Long> tickSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> planSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> fannedOutSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> orderSeen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    HopTap(Map<String, Object> clientConfig, Map<String, Object> registryConfig) {
        this.clientConfig = clientConfig;
        this.plans = Topics.SIG_PLANS.valueSerde(registryConfig).deserializer();
        this.accountSignals = Topics.RISK_SIGNALS_BY_ACCOUNT.valueSerde(registryConfig).deserializer();
        this.orders = Topics.EXEC_ORDERS.valueSerde(registryConfig).deserializer();
        this.thread = new Thread(this::run, "benchmark-hop-tap");
        this.thread.setDaemon(true);
    }

    HopTap start() {
        thread.start();
        return this;
    }

    private void run() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.MD_TICKS, Topics.SIG_PLANS, Topics.RISK_SIGNALS_BY_ACCOUNT, Topics.EXEC_ORDERS)) {
                for (int p = 0; p < topic.partitions(); p++) {
                    partitions.add(new TopicPartition(topic.name(), p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    if (r.topic().equals(Topics.MD_TICKS.name())) {
                        tickSeen.putIfAbsent(r.timestamp(), now);
                    } else if (r.topic().equals(Topics.SIG_PLANS.name())) {
                        TradePlan plan = plans.deserialize(r.topic(), r.value());
                        planSeen.putIfAbsent(plan.getPlanId() + "#" + plan.getRevision(), now);
                    } else if (r.topic().equals(Topics.RISK_SIGNALS_BY_ACCOUNT.name())) {
                        if (accountSignals.deserialize(r.topic(), r.value()).getEvent() instanceof TradePlan plan) {
                            fannedOutSeen.putIfAbsent(plan.getPlanId() + "#" + plan.getRevision(), now);
                        }
                    } else {
                        orderSeen.putIfAbsent(orders.deserialize(r.topic(), r.value()).getClientOrderId(), now);
                    }
                }
            }
        }
    }

    /** When the first md.ticks record of event-time millisecond {@code epochMillis} became visible, null if never. */
    Long tick(long epochMillis) {
        return tickSeen.get(epochMillis);
    }

    /** When revision {@code revision} of plan {@code planId} became visible on sig.plans, null if never. */
    Long plan(String planId, int revision) {
        return planSeen.get(planId + "#" + revision);
    }

    /** When revision {@code revision} of plan {@code planId} became visible on risk.signals-by-account, null if never. */
    Long fannedOut(String planId, int revision) {
        return fannedOutSeen.get(planId + "#" + revision);
    }

    /** When the order with {@code clientOrderId} became visible on exec.orders, null if never. */
    Long order(String clientOrderId) {
        return orderSeen.get(clientOrderId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
