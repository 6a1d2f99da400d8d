package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.execution.sink.SinkState;
import io.liquidityengine.execution.sink.StateCodec;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.ExecutionSinkState;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.RiskClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
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
 * <p>The merge waits for a partition whose queue is empty while it still has committed records to
 * fetch (lag > 0 or unknown); a caught-up partition does not hold the others back. Records already
 * on the topics are therefore processed in the same order on every run, whatever the fetch timing.
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

    private static final int MAX_QUEUED_PER_PARTITION = 20_000;

    private final Map<String, Object> clientConfig;
    private final Settings settings;
    private final MeterRegistry metrics;
    private final Deserializer<Order> orders;
    private final Deserializer<Tick> ticks;
    private final Deserializer<Instrument> instruments;
    private final Deserializer<RiskClock> riskClocks;
    private final Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
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

    /** One producer/consumer pair, its sink and its merge queues. */
    private final class Session implements ExecutionSink.Output {

        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final ExecutionSink sink;
        private final Map<TopicPartition, ArrayDeque<InputRecord>> queues = new LinkedHashMap<>();
        private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
        private final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();
        private final List<TopicPartition> paused = new ArrayList<>();
        /** Last stable offsets at start: everything below them is merged in event time before a partition counts as caught up. */
        private final Map<TopicPartition, Long> startEnd = new HashMap<>();
        private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
        private long sequence;
        private long lastTickMicros = Long.MIN_VALUE;
        private int lateLogged;
        private long lastCommitNanos = System.nanoTime();

        /** Null unless the sink runs in lockstep with the risk stage. */
        private final Lockstep lockstep;
        private final List<TopicPartition> clockPartitions = new ArrayList<>();
        /** End offsets of md.ticks read after the risk clock {@link #ticksEndFor} arrived: every trade before it is below them. */
        private Map<TopicPartition, Long> ticksEnd = Map.of();
        private long ticksEndFor = Long.MIN_VALUE;
        private long lastGateLogNanos = System.nanoTime();
        /** Last stable offsets of the inputs, refreshed at most every 200 ms, for partitions the consumer has not fetched yet. */
        private final Map<TopicPartition, Long> knownEnd = new HashMap<>();
        private long knownEndAtNanos = Long.MIN_VALUE;
        private long lastProgressNanos = System.nanoTime();

        Session(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer) {
            this.producer = producer;
            this.consumer = consumer;
            this.lockstep = settings.lockstep() ? new Lockstep(settings.sinkId(), settings.sink().accounts()) : null;
            this.sink = new ExecutionSink(settings.sink(), settings.brokers(), this, metrics);
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
                sequence = s.getSequence();
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
                queues.put(tp, new ArrayDeque<>());
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
            // the consumer is read_committed, so these are last stable offsets
            startEnd.putAll(consumer.endOffsets(inputs, settings.startTimeout()));
            for (TopicPartition tp : inputs) {
                nextOffset.put(tp, consumer.position(tp, settings.startTimeout()));
            }
            LOG.info("Sink {}: consuming {} and {} (read_committed) from {}", settings.sinkId(),
                    Topics.EXEC_ORDERS.name(), Topics.MD_TICKS.name(),
                    fresh.isEmpty() ? "the committed offsets " + nextOffset : settings.startFrom() + " for " + fresh.size() + " partitions without committed offsets");
        }

        private List<TopicPartition> partitions(Topic<?, ?> topic) {
            return consumer.partitionsFor(topic.name(), settings.startTimeout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }

        void round() {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(settings.pollTimeout())) {
                if (r.topic().equals(Topics.REF_INSTRUMENTS.name())) {
                    instrument(r);
                } else if (r.topic().equals(Topics.RISK_CLOCK.name())) {
                    riskClock(r);
                } else {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    InputRecord in = decode(r);
                    queues.get(tp).add(in);
                    if (lockstep != null && in.kind() == InputRecord.ORDER) {
                        lockstep.orderQueued(account(r));
                    }
                }
            }
            // the fetch position, not the last record's offset + 1: it also moves past transaction markers
            for (TopicPartition tp : queues.keySet()) {
                nextOffset.put(tp, consumer.position(tp, settings.startTimeout()));
            }
            // events brokers received on their own threads since the last round: booked in this round's transaction
            sink.drainBrokerEvents();
            int count = drain();
            if (!inputCaughtUp && processedEverythingOfTheStart()) {
                inputCaughtUp = true;
                sink.inputCaughtUp();
            }
            if (lockstep != null) {
                publishMarketClocks();
            }
            flowControl();
            if (System.nanoTime() - lastProgressNanos > 10_000_000_000L) {
                lastProgressNanos = System.nanoTime();
                Map<String, String> heads = new TreeMap<>();
                queues.forEach((tp, q) -> heads.put(tp.toString(), q.size() + (q.isEmpty() ? "" : " from " + q.peek().eventMicros() + " us")
                        + " next offset " + nextOffset.get(tp) + " start end " + startEnd.get(tp)));
                LOG.info("Sink {}: market at {} us{}, queued {}", settings.sinkId(), lastTickMicros,
                        lockstep == null ? "" : ", " + lockstep.describe(), heads);
            }
            boolean idleDue = System.nanoTime() - lastCommitNanos > settings.idleCommitInterval().toNanos();
            if (sink.dirty() || (lockstep != null && lockstep.dirty()) || !pending.isEmpty() || (!processed.isEmpty() && idleDue) || count >= settings.maxRecordsPerTransaction()) {
                commit();
            }
        }

        private boolean inputCaughtUp;

        /** Every record that was on an input partition at start has been processed (fetched and not queued any more). */
        private boolean processedEverythingOfTheStart() {
            for (Map.Entry<TopicPartition, ArrayDeque<InputRecord>> e : queues.entrySet()) {
                long end = startEnd.getOrDefault(e.getKey(), 0L);
                ArrayDeque<InputRecord> queue = e.getValue();
                long next = queue.isEmpty() ? nextOffset.get(e.getKey()) : queue.peek().record().offset();
                if (next < end) {
                    return false;
                }
            }
            return true;
        }

        /** Processes queued records in event-time order while no partition with unfetched records has an empty queue. */
        private int drain() {
            int count = 0;
            while (count < settings.maxRecordsPerTransaction()) {
                ArrayDeque<InputRecord> next = null;
                for (Map.Entry<TopicPartition, ArrayDeque<InputRecord>> e : queues.entrySet()) {
                    ArrayDeque<InputRecord> queue = e.getValue();
                    if (queue.isEmpty()) {
                        if (nextOffset.get(e.getKey()) < startEnd.get(e.getKey())) {
                            return count; // records that were already there at start: never skip past them
                        }
                        if (!caughtUp(e.getKey())) {
                            return count; // records to fetch here may come before everything queued
                        }
                    } else if (next == null || queue.peek().compareTo(next.peek()) < 0) {
                        next = queue;
                    }
                }
                if (next == null) {
                    return count;
                }
                if (lockstep != null && next.peek().kind() == InputRecord.TICK && lockstep.gate(next.peek().eventMicros()) != Lockstep.Gate.OPEN) {
                    return count; // the risk stage has not decided up to this trade yet, or not answered our last reports
                }
                InputRecord in = next.poll();
                process(in);
                if (lockstep != null && in.kind() == InputRecord.ORDER) {
                    lockstep.orderProcessed(account(in.record()));
                }
                processed.put(new TopicPartition(in.record().topic(), in.record().partition()), new OffsetAndMetadata(in.record().offset() + 1));
                count++;
            }
            return count;
        }

        /**
         * Lockstep: once every trade before the risk stage's decided-through time has been run (each tick queue
         * is at or after it, or empty and fetched to the end offsets read after that clock arrived) and
         * nothing else holds the market, tell the risk stage so; it then decides the signals waiting there.
         */
        private void publishMarketClocks() {
            long through = lockstep.decidedThrough();
            if (through == Long.MIN_VALUE || lockstep.settled() != Lockstep.Gate.OPEN) {
                logGate();
                return;
            }
            List<TopicPartition> tickPartitions = queues.keySet().stream().filter(tp -> tp.topic().equals(Topics.MD_TICKS.name())).toList();
            for (TopicPartition tp : tickPartitions) {
                ArrayDeque<InputRecord> queue = queues.get(tp);
                if (!queue.isEmpty() && queue.peek().eventMicros() < through) {
                    return; // trades before the clock still to run (the round's record budget ran out)
                }
            }
            if (through != ticksEndFor) {
                ticksEnd = consumer.endOffsets(tickPartitions, settings.startTimeout());
                ticksEndFor = through;
            }
            for (TopicPartition tp : tickPartitions) {
                if (queues.get(tp).isEmpty() && nextOffset.get(tp) < ticksEnd.getOrDefault(tp, 0L)) {
                    return; // trades committed before the clock not fetched yet
                }
            }
            for (MarketClock clock : lockstep.marks(through)) {
                pending.add(record(Topics.EXEC_MARKET_CLOCK, clock.getAccount(), clock, Math.floorDiv(through, 1_000L)));
            }
        }

        private void logGate() {
            if (System.nanoTime() - lastGateLogNanos > 30_000_000_000L && lockstep.settled() == Lockstep.Gate.NO_CLOCK) {
                lastGateLogNanos = System.nanoTime();
                LOG.info("Sink {}: lockstep is on and no risk clock has arrived on {} yet; the topology must run with engine.risk.lockstep=true",
                        settings.sinkId(), Topics.RISK_CLOCK.name());
            }
        }

        private void riskClock(ConsumerRecord<byte[], byte[]> r) {
            processed.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                lockstep.riskClock(account(r), riskClocks.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping undecodable risk clock at {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }

        private String account(ConsumerRecord<byte[], byte[]> r) {
            return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        }

        /**
         * True when nothing is left to fetch on a partition. The consumer only knows the lag of partitions
         * it has fetched from; for the others (an empty partition, say) ask the broker, at most every 200 ms.
         */
        private boolean caughtUp(TopicPartition tp) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                return lag.getAsLong() == 0;
            }
            long now = System.nanoTime();
            if (knownEndAtNanos == Long.MIN_VALUE || now - knownEndAtNanos > 200_000_000L) {
                knownEnd.putAll(consumer.endOffsets(queues.keySet(), settings.startTimeout()));
                knownEndAtNanos = now;
            }
            return nextOffset.get(tp) >= knownEnd.getOrDefault(tp, Long.MAX_VALUE);
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

        private InputRecord decode(ConsumerRecord<byte[], byte[]> r) {
            boolean isTick = r.topic().equals(Topics.MD_TICKS.name());
            int kind = isTick ? InputRecord.TICK : InputRecord.ORDER;
            long fallback = r.timestamp() * 1_000L;
            try {
                if (r.value() == null) {
                    return new InputRecord(fallback, kind, r, null, "record without a value (tombstone)");
                }
                if (isTick) {
                    Tick tick = ticks.deserialize(r.topic(), r.value());
                    return new InputRecord(Micros.of(tick.getEventTime()), kind, r, tick, null);
                }
                Order order = orders.deserialize(r.topic(), r.value());
                return new InputRecord(Micros.of(order.getEventTime()), kind, r, order, null);
            } catch (RuntimeException e) {
                if (isTick) {
                    metrics.counter("execution.ticks.undecodable").increment();
                }
                return new InputRecord(fallback, kind, r, null, "cannot decode: " + e.getMessage());
            }
        }

        private void instrument(ConsumerRecord<byte[], byte[]> r) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            try {
                sink.onInstrument(key, r.value() == null ? null : instruments.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping undecodable instrument at {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }

        /** Pauses partitions whose queues are long so one busy partition cannot fill the heap while another is fetched. */
        private void flowControl() {
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            queues.forEach((tp, q) -> {
                if (q.size() > MAX_QUEUED_PER_PARTITION && !paused.contains(tp)) {
                    pause.add(tp);
                } else if (q.size() < MAX_QUEUED_PER_PARTITION / 2 && paused.contains(tp)) {
                    resume.add(tp);
                }
            });
            if (!pause.isEmpty()) {
                consumer.pause(pause);
                paused.addAll(pause);
            }
            if (!resume.isEmpty()) {
                consumer.resume(resume);
                paused.removeAll(resume);
            }
        }

        /** One transaction: outputs, the snapshot when the state changed, and the processed offsets. */
        private void commit() {
            producer.beginTransaction();
            pending.forEach(producer::send);
            pending.clear();
            if (sink.dirty() || (lockstep != null && lockstep.dirty())) {
                SinkState state = sink.snapshot();
                if (lockstep != null) {
                    state = state.withLockstep(lockstep.snapshot());
                }
                sequence++;
                ExecutionSinkState snapshot = ExecutionSinkState.newBuilder().setSinkId(settings.sinkId())
                        .setFormatVersion(SinkState.FORMAT_VERSION).setState(StateCodec.encode(state)).setSequence(sequence)
                        .setEventTime(state.lastEventMicros() == Long.MIN_VALUE ? null : Micros.instant(state.lastEventMicros()))
                        .build();
                producer.send(record(Topics.EXEC_SINK_STATE, settings.sinkId(), snapshot,
                        state.lastEventMicros() == Long.MIN_VALUE ? System.currentTimeMillis() : state.lastEventMicros() / 1_000));
            }
            if (!processed.isEmpty()) {
                producer.sendOffsetsToTransaction(Map.copyOf(processed), new ConsumerGroupMetadata(groupId()));
                processed.clear();
            }
            producer.commitTransaction();
            lastCommitNanos = System.nanoTime();
            metrics.counter("execution.transactions").increment();
        }

        @Override
        public void report(ExecutionReport report) {
            pending.add(record(Topics.EXEC_REPORTS, report.getAccount(), report, report.getEventTime().toEpochMilli()));
            if (lockstep != null) {
                lockstep.reportPublished(report.getAccount());
            }
        }

        @Override
        public void position(Position position) {
            pending.add(record(Topics.EXEC_POSITIONS, position.getAccount(), position, position.getEventTime().toEpochMilli()));
            if (lockstep != null) {
                lockstep.positionPublished(position.getAccount());
            }
        }

        @Override
        public void control(io.liquidityengine.schemas.control.ControlCommand command) {
            pending.add(record(Topics.CONTROL_COMMANDS, command.getAccount(), command, command.getEventTime().toEpochMilli()));
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            long ts = deadLetter.getEventTime() == null ? System.currentTimeMillis() : deadLetter.getEventTime().toEpochMilli();
            pending.add(record(Topics.DLQ_EXECUTION, deadLetter.getSource(), deadLetter, ts));
        }
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, String key, V value, long timestampMillis) {
        Serializer<SpecificRecord> serializer = serializers.computeIfAbsent(topic.name(),
                n -> (Serializer<SpecificRecord>) (Serializer<?>) topic.valueSerde(clientConfig).serializer());
        return new ProducerRecord<>(topic.name(), null, timestampMillis, key.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topic.name(), value));
    }

}
