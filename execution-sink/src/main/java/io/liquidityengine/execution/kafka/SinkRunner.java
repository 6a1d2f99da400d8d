package io.liquidityengine.execution.kafka;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.execution.sink.SinkState;
import io.liquidityengine.execution.sink.StateCodec;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionSinkState;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.RiskClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's consume-transform-produce loop, exactly once. exec.orders and md.ticks are merged in
 * event time (see {@link InputRecord}) and fed to an {@link ExecutionSink}; every round's reports,
 * positions and dead letters, the sink's state snapshot (exec.sink-state) and the offsets of the
 * records processed go into one Kafka transaction. On start (or after any Kafka error) a session
 * fences its predecessor ({@code initTransactions}), restores the last committed snapshot and
 * resumes at the offsets committed with it, so an order is handed to the broker once and a fill is
 * reported once whatever happens to the process.
 *
 * <p>The merge ({@link InputMerge}) waits for a partition whose queue is empty while it still has committed
 * records to fetch (lag > 0 or unknown); a caught-up partition does not hold the others back. Records
 * already on the topics are therefore processed in the same order on every run, whatever the fetch
 * timing. The outputs and transactions are {@link TransactionalOutput}'s.
 */
public final class SinkRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    public enum StartFrom { EARLIEST, LATEST }

    /**
     * @param sinkId names the snapshot key, the consumer group ({@code execution-sink-<id>}) and the transactional id
     * @param brokers each account's broker (a session makes its own instances)
     * @param maxRecordsPerTransaction processed records after which a round commits even if more are ready
     * @param idleCommitInterval how often offsets are committed when records were processed without any output
     */
    public record Settings(String sinkId, ExecutionSink.Config sink, AccountBrokers brokers, StartFrom startFrom,
                           Duration pollTimeout, int maxRecordsPerTransaction, Duration idleCommitInterval, Duration startTimeout,
                           boolean lockstep) {

        public static Settings of(String sinkId, ExecutionSink.Config sink, AccountBrokers brokers) {
            return new Settings(sinkId, sink, brokers, StartFrom.EARLIEST, Duration.ofMillis(100), 5_000, Duration.ofSeconds(1),
                    Duration.ofSeconds(60), false);
        }

        public Settings withMaxRecordsPerTransaction(int max) {
            return new Settings(sinkId, sink, brokers, startFrom, pollTimeout, max, idleCommitInterval, startTimeout, lockstep);
        }

        public Settings withStartFrom(StartFrom from) {
            return new Settings(sinkId, sink, brokers, from, pollTimeout, maxRecordsPerTransaction, idleCommitInterval, startTimeout, lockstep);
        }

        /**
         * Backtests: run in lockstep with the topology's risk stage (which must run with engine.risk.lockstep), so
         * a replay of the closed loop gives the same fills on every run (see {@link Lockstep}).
         */
        public Settings withLockstep(boolean on) {
            return new Settings(sinkId, sink, brokers, startFrom, pollTimeout, maxRecordsPerTransaction, idleCommitInterval, startTimeout, on);
        }
    }

    private final Map<String, Object> clientConfig;
    private final Settings settings;
    private final MeterRegistry metrics;
    private final Deserializer<Order> orders;
    private final Deserializer<Tick> ticks;
    private final Deserializer<Instrument> instruments;
    private final Deserializer<RiskClock> riskClocks;
    private volatile boolean running;

    public SinkRunner(Map<String, Object> clientConfig, Settings settings, MeterRegistry metrics) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.settings = settings;
        this.metrics = metrics;
        this.orders = Topics.EXEC_ORDERS.valueSerde(clientConfig).deserializer();
        this.ticks = Topics.MD_TICKS.valueSerde(clientConfig).deserializer();
        this.instruments = Topics.REF_INSTRUMENTS.valueSerde(clientConfig).deserializer();
        this.riskClocks = Topics.RISK_CLOCK.valueSerde(clientConfig).deserializer();
    }

    public String groupId() {
        return "execution-sink-" + settings.sinkId();
    }

    /** True once a session has restored its state and is consuming. */
    public boolean running() {
        return running;
    }

    /** Runs sessions until {@code stop} says so; a Kafka error ends a session and starts a fresh one from the committed state. */
    public void run(BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            try {
                session(stop);
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw new IllegalStateException("another execution sink with id " + settings.sinkId() + " took over: " + e.getMessage(), e);
            } catch (KafkaException e) {
                running = false;
                LOG.warn("Kafka error, restarting from the last committed state: {}", e.toString());
                metrics.counter("execution.sessions.restarted").increment();
                Thread.sleep(1_000); // back off before reconnecting (service code, not a test)
            }
        }
    }

    private void session(BooleanSupplier stop) {
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId());
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // fences a predecessor and settles its open transaction before the snapshot is read
            producer.initTransactions();
            Session session = new Session(producer, consumer);
            try {
                session.start();
                running = true;
                while (!stop.getAsBoolean()) {
                    session.round();
                }
            } finally {
                session.close();
            }
        } finally {
            running = false;
        }
    }

    /** One producer/consumer pair, its sink, its merge ({@link InputMerge}) and its transactions ({@link TransactionalOutput}). */
    private final class Session {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final TransactionalOutput output;
        private final InputMerge merge;
        private final ExecutionSink sink;
        private long lastTickMicros = Long.MIN_VALUE;
        private int lateLogged;
        private boolean inputCaughtUp;

        /** Null unless the sink runs in lockstep with the risk stage; then {@link #clocks} too. */
        private final Lockstep lockstep;
        private final MarketClocks clocks;
        private final LockstepWaits waits;
        private final List<TopicPartition> clockPartitions = new ArrayList<>();
        private long lastProgressNanos = System.nanoTime();

        Session(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
            this.lockstep = settings.lockstep() ? new Lockstep(settings.sinkId(), settings.sink().accounts()) : null;
            this.output = new TransactionalOutput(clientConfig, settings.sinkId(), groupId(), producer, metrics, lockstep);
            this.merge = new InputMerge(consumer, settings.startTimeout(), metrics, orders, ticks);
            this.sink = new ExecutionSink(settings.sink(), settings.brokers(), output, metrics);
            this.clocks = lockstep == null ? null : new MarketClocks(settings.sinkId(), lockstep, consumer, merge, output, settings.startTimeout(), riskClocks);
            this.waits = lockstep == null ? null : new LockstepWaits(metrics, System::nanoTime);
        }

        void start() {
            ExecutionSinkState[] last = new ExecutionSinkState[1];
            Tables.readToEnd(clientConfig, Topics.EXEC_SINK_STATE, settings.startTimeout(), true, (key, value) -> {
                if (settings.sinkId().equals(key)) {
                    last[0] = value;
                }
            });
            Optional.ofNullable(last[0]).ifPresent(s -> {
                SinkState state = StateCodec.decode(s.getState());
                sink.restore(state);
                if (lockstep != null) {
                    lockstep.restore(state.lockstep());
                }
                output.restoredSequence(s.getSequence());
                LOG.info("Sink {}: restored snapshot {} ({} executed order ids, {} active brackets, broker state of {} accounts)",
                        settings.sinkId(), s.getSequence(), state.executedOrderIds().size(), state.brackets().size(), state.brokers().size());
            });
            sink.start();
            Map<TopicPartition, Long> instrumentEnd = Tables.readToEnd(clientConfig, Topics.REF_INSTRUMENTS, settings.startTimeout(), false,
                    sink::onInstrument);

            List<TopicPartition> inputs = new ArrayList<>(partitions(Topics.EXEC_ORDERS));
            inputs.addAll(partitions(Topics.MD_TICKS));
            List<TopicPartition> all = new ArrayList<>(inputs);
            if (lockstep != null) {
                clockPartitions.addAll(partitions(Topics.RISK_CLOCK));
                all.addAll(clockPartitions);
            }
            all.addAll(instrumentEnd.keySet());
            consumer.assign(all);
            instrumentEnd.forEach(consumer::seek);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(inputs), settings.startTimeout());
            if (!clockPartitions.isEmpty()) {
                // the risk clocks are read whole: their latest values are in the restored snapshot up to the committed offsets
                Map<TopicPartition, OffsetAndMetadata> clocksAt = consumer.committed(Set.copyOf(clockPartitions), settings.startTimeout());
                List<TopicPartition> unread = new ArrayList<>();
                for (TopicPartition tp : clockPartitions) {
                    if (clocksAt.get(tp) != null) {
                        consumer.seek(tp, clocksAt.get(tp));
                    } else {
                        unread.add(tp);
                    }
                }
                if (!unread.isEmpty()) {
                    consumer.seekToBeginning(unread);
                }
            }
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition tp : inputs) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    consumer.seek(tp, at);
                } else {
                    fresh.add(tp);
                }
            }
            // careful: seekToBeginning/seekToEnd of an empty collection seek every assigned partition
            if (!fresh.isEmpty() && settings.startFrom() == StartFrom.EARLIEST) {
                consumer.seekToBeginning(fresh);
            } else if (!fresh.isEmpty()) {
                consumer.seekToEnd(fresh);
            }
            merge.start(inputs);
            LOG.info("Sink {}: consuming {} and {} (read_committed) from {}", settings.sinkId(),
                    Topics.EXEC_ORDERS.name(), Topics.MD_TICKS.name(),
                    fresh.isEmpty() ? "the committed offsets " + merge.nextOffsets() : settings.startFrom() + " for " + fresh.size() + " partitions without committed offsets");
        }

        private List<TopicPartition> partitions(Topic<?, ?> topic) {
            return consumer.partitionsFor(topic.name(), settings.startTimeout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }

        void round() {
            // while a broker holds the input (its reconciliation, or a matching clock, is answered through the inbox), the
            // answer is all the loop waits for: wait on the inbox itself (bounded), then take what the consumer has at once
            boolean held = sink.holdsInput();
            if (held) {
                sink.drainBrokerEvents(settings.pollTimeout());
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(held ? Duration.ZERO : settings.pollTimeout())) {
                if (r.topic().equals(Topics.REF_INSTRUMENTS.name())) {
                    instrument(r);
                } else if (r.topic().equals(Topics.RISK_CLOCK.name())) {
                    clocks.riskClock(r);
                } else {
                    InputRecord in = merge.add(r);
                    if (lockstep != null && in.kind() == InputRecord.ORDER) {
                        lockstep.orderQueued(account(r));
                    }
                }
            }
            merge.positions();
            // events brokers received on their own threads since the last round: booked in this round's transaction
            sink.drainBrokerEvents();
            int count = drain();
            if (!inputCaughtUp && merge.processedEverythingOfTheStart()) {
                inputCaughtUp = true;
                sink.inputCaughtUp();
            }
            // not while a broker holds the input: the trades run so far may still bring fills (a matching clock's answer),
            // and a market clock tells the risk stage every report before its time is out
            if (clocks != null && !sink.holdsInput()) {
                clocks.publish();
            }
            merge.flowControl();
            if (System.nanoTime() - lastProgressNanos > 10_000_000_000L) {
                lastProgressNanos = System.nanoTime();
                LOG.info("Sink {}: market at {} us{}, queued {}", settings.sinkId(), lastTickMicros,
                        lockstep == null ? "" : ", " + lockstep.describe(), merge.describe());
            }
            boolean idleDue = output.nanosSinceCommit() > settings.idleCommitInterval().toNanos();
            boolean snapshot = sink.dirty() || (lockstep != null && lockstep.dirty());
            if (snapshot || output.hasPending() || (output.hasProcessed() && idleDue) || count >= settings.maxRecordsPerTransaction()) {
                commit(snapshot);
            }
        }

        /** Processes queued records in event-time order while the merge allows (and, in lockstep, the risk stage). */
        private int drain() {
            int count = 0;
            while (count < settings.maxRecordsPerTransaction()) {
                InputRecord head = merge.peek();
                if (head == null) {
                    return count;
                }
                if (head.kind() == InputRecord.ORDER ? !sink.readyFor((Order) head.value()) : sink.holdsInput()) {
                    return count; // a broker's reconciliation is answered through the inbox: nothing before it is done
                }
                if (lockstep != null && head.kind() == InputRecord.TICK) {
                    Lockstep.Gate gate = lockstep.gate(head.eventMicros());
                    waits.gate(gate);
                    if (gate != Lockstep.Gate.OPEN) {
                        return count; // the risk stage has not decided up to this trade yet, or not answered our last reports
                    }
                }
                InputRecord in = merge.poll(head);
                process(in);
                if (lockstep != null && in.kind() == InputRecord.ORDER) {
                    lockstep.orderProcessed(account(in.record()));
                }
                output.processed(in.record().topic(), in.record().partition(), in.record().offset());
                count++;
            }
            return count;
        }

        private void commit(boolean snapshot) {
            SinkState state = null;
            if (snapshot) {
                state = sink.snapshot();
                if (lockstep != null) {
                    state = state.withLockstep(lockstep.snapshot());
                }
            }
            output.commit(state);
        }

        private String account(ConsumerRecord<byte[], byte[]> r) {
            return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        }

        void close() {
            // the clients are closed by the session; the brokers here
            sink.close();
        }

        private void process(InputRecord in) {
            ConsumerRecord<byte[], byte[]> r = in.record();
            if (in.kind() == InputRecord.TICK) {
                lastTickMicros = Math.max(lastTickMicros, in.eventMicros());
            } else if (in.eventMicros() < lastTickMicros) {
                metrics.counter("execution.orders.late").increment();
                if (lateLogged++ < 5) {
                    LOG.info("Order at {}-{} offset {} ({} us) is behind the trades already processed ({} us); it works from the next trade",
                            r.topic(), r.partition(), r.offset(), in.eventMicros(), lastTickMicros);
                }
            }
            ExecutionSink.Origin origin = new ExecutionSink.Origin(r.topic(), r.partition(), r.offset());
            if (in.kind() == InputRecord.TICK) {
                if (in.value() != null) {
                    sink.onTick((Tick) in.value());
                }
                return;
            }
            if (in.value() == null) {
                String account = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                if (!settings.sink().accounts().isEmpty() && !settings.sink().accounts().contains(account)) {
                    return; // another sink's account (exec.orders is keyed by account)
                }
                sink.onUndecodableOrder(origin, r.value(), in.decodeError(), in.eventMicros());
                return;
            }
            sink.onOrder((Order) in.value(), origin, r.value());
        }

        private void instrument(ConsumerRecord<byte[], byte[]> r) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            try {
                sink.onInstrument(key, r.value() == null ? null : instruments.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping undecodable instrument at {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
    }
}
