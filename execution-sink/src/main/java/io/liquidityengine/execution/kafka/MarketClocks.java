package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.risk.RiskClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the {@link Lockstep} in a sink session: risk clocks read from risk.clock into it, and
 * exec.market-clock records published once every trade before the risk stage's decided-through time has
 * been run.
 */
final class MarketClocks {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    private final String sinkId;
    private final Lockstep lockstep;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final InputMerge merge;
    private final TransactionalOutput output;
    private final Duration timeout;
    private final Deserializer<RiskClock> riskClocks;
    /** End offsets of md.ticks read after the risk clock {@link #ticksEndFor} arrived: every trade before it is below them. */
    private Map<TopicPartition, Long> ticksEnd = Map.of();
    private long ticksEndFor = Long.MIN_VALUE;
    private long lastGateLogNanos = System.nanoTime();

    MarketClocks(String sinkId, Lockstep lockstep, KafkaConsumer<byte[], byte[]> consumer, InputMerge merge, TransactionalOutput output,
                 Duration timeout, Deserializer<RiskClock> riskClocks) {
        this.sinkId = sinkId;
        this.lockstep = lockstep;
        this.consumer = consumer;
        this.merge = merge;
        this.output = output;
        this.timeout = timeout;
        this.riskClocks = riskClocks;
    }

    /**
     * Once every trade before the risk stage's decided-through time has been run (each tick queue is at or
     * after it, or empty and fetched to the end offsets read after that clock arrived) and nothing else holds
     * the market, tell the risk stage so; it then decides the signals waiting there.
     */
    void publish() {
        long through = lockstep.decidedThrough();
        if (through == Long.MIN_VALUE || lockstep.settled() != Lockstep.Gate.OPEN) {
            logGate();
            return;
        }
        List<TopicPartition> tickPartitions = merge.tickPartitions();
        for (TopicPartition tp : tickPartitions) {
            InputRecord head = merge.head(tp);
            if (head != null && head.eventMicros() < through) {
                return; // trades before the clock still to run (the round's record budget ran out)
            }
        }
        if (through != ticksEndFor) {
            ticksEnd = consumer.endOffsets(tickPartitions, timeout);
            ticksEndFor = through;
        }
        for (TopicPartition tp : tickPartitions) {
            if (merge.unfetchedBelow(tp, ticksEnd.getOrDefault(tp, 0L))) {
                return; // trades committed before the clock not fetched yet
            }
        }
        for (MarketClock clock : lockstep.marks(through)) {
            output.add(Topics.EXEC_MARKET_CLOCK, clock.getAccount(), clock, Math.floorDiv(through, 1_000L));
        }
    }

    private void logGate() {
        if (System.nanoTime() - lastGateLogNanos > 30_000_000_000L && lockstep.settled() == Lockstep.Gate.NO_CLOCK) {
            lastGateLogNanos = System.nanoTime();
            LOG.info("Sink {}: lockstep is on and no risk clock has arrived on {} yet; the topology must run with engine.risk.lockstep=true",
                    sinkId, Topics.RISK_CLOCK.name());
        }
    }

    /** A risk clock record: into the lockstep, its offset committed with the next transaction. */
    void riskClock(ConsumerRecord<byte[], byte[]> r) {
        output.processed(r.topic(), r.partition(), r.offset());
        try {
            String account = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            lockstep.riskClock(account, riskClocks.deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipping undecodable risk clock at {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }
}
