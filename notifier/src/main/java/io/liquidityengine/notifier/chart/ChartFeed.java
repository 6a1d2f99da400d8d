package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.app.CatalogDeserializer;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.signals.Bias;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The charts' own consumer: ref.instruments, sig.bars, sig.bias, sig.levels, exec.reports and (with the
 * market clock) exec.market-clock, all partitions assigned (no consumer group), read_committed, merged
 * in event-time order ({@link MergedInputs}) into the {@link ChartBook}; every chart it releases goes to
 * {@code charts}.
 *
 * <p><b>Restarts: rebuilt by re-reading.</b> Nothing of the chart state is stored. At start the feed
 * reads ref.instruments, finds the latest sig.bars record time L (the broker's max-timestamp offset) and
 * reads sig.bars, sig.bias, exec.reports and exec.market-clock from the earliest start of a session
 * containing L (the previous close, per instrument), sig.levels from its beginning (levels carry over
 * sessions until filled). Charts rebuilt that were posted before are skipped by the delivery log (they
 * have the same position, {@code charts.<instrument>} at their end time).
 *
 * <p><b>Consumed to the end.</b> An empty queue holds the merge back until its partition's position has
 * reached the end offset (the last stable offset) read after the latest fetch, so records committed in
 * the same transaction as one already fetched (the topology's levels with its bias, the sink's reports
 * with its market clock) are never overtaken.
 */
public final class ChartFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChartFeed.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where released charts go (rendered and dispatched by the service). */
    public interface ChartSink {
        void chart(ChartData chart) throws InterruptedException;
    }

    private final Map<String, Object> clientConfig;
    private final ChartBook book;
    private final ChartSink charts;
    private final boolean marketClock;
    private final Duration idleClose;
    private final LongSupplier nanos;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile long records;

    /**
     * @param clientConfig bootstrap servers, registry and security settings of the service's clients
     * @param marketClock  read exec.market-clock (the book waits for it)
     * @param idleClose    how long every input must stay consumed to its end with nothing new before {@link ChartBook#idle()}; zero: never
     */
    public ChartFeed(Map<String, Object> clientConfig, ChartBook book, ChartSink charts, boolean marketClock, Duration idleClose,
                     LongSupplier nanos) {
        this.clientConfig = clientConfig;
        this.book = book;
        this.charts = charts;
        this.marketClock = marketClock;
        this.idleClose = idleClose;
        this.nanos = nanos;
    }

    /** The feed's failure, if it stopped on one. */
    public Throwable failure() {
        return failure;
    }

    /** Records fed to the book so far. */
    public long records() {
        return records;
    }

    public void stop() {
        stopped = true;
        KafkaConsumer<?, ?> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        CatalogDeserializer values = new CatalogDeserializer();
        values.configure(clientConfig, false);
        try (KafkaConsumer<String, SpecificRecord> c = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer = c;
            if (!stopped) {
                loop(c);
            }
        } catch (WakeupException e) {
            if (!stopped) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.log(Level.SEVERE, "the chart feed stopped: " + e, e);
        }
    }

    private List<Topic<?, ?>> topics() {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.REF_INSTRUMENTS, Topics.SIG_BARS, Topics.SIG_BIAS, Topics.SIG_LEVELS,
                Topics.EXEC_REPORTS));
        if (marketClock) {
            topics.add(Topics.EXEC_MARKET_CLOCK);
        }
        return topics;
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> c, Topic<?, ?> topic) throws InterruptedException {
        while (!stopped) {
            List<PartitionInfo> infos = c.partitionsFor(topic.name(), TIMEOUT);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.info("waiting for topic " + topic.name());
            Thread.sleep(1000);
        }
        return List.of();
    }

    private void loop(KafkaConsumer<String, SpecificRecord> c) throws InterruptedException {
        Map<Topic<?, ?>, List<TopicPartition>> byTopic = new HashMap<>();
        List<TopicPartition> all = new ArrayList<>();
        for (Topic<?, ?> t : topics()) {
            List<TopicPartition> ps = partitions(c, t);
            byTopic.put(t, ps);
            all.addAll(ps);
        }
        // ref.instruments first, whole: the session closes decide where to start reading the rest
        List<TopicPartition> instruments = byTopic.get(Topics.REF_INSTRUMENTS);
        c.assign(instruments);
        c.seekToBeginning(instruments);
        Map<TopicPartition, Long> instrumentEnds = c.endOffsets(instruments, TIMEOUT);
        while (!stopped && instruments.stream().anyMatch(tp -> c.position(tp, TIMEOUT) < instrumentEnds.get(tp))) {
            for (ConsumerRecord<String, SpecificRecord> r : c.poll(Duration.ofMillis(200))) {
                if (r.value() instanceof Instrument i) {
                    book.onInstrument(i);
                }
            }
        }
        c.assign(all);
        Instant start = start(byTopic.get(Topics.SIG_BARS));
        c.seekToBeginning(byTopic.get(Topics.SIG_LEVELS));
        List<TopicPartition> fromStart = new ArrayList<>();
        for (Topic<?, ?> t : topics()) {
            if (t != Topics.REF_INSTRUMENTS && t != Topics.SIG_LEVELS) {
                fromStart.addAll(byTopic.get(t));
            }
        }
        if (start == null) {
            c.seekToBeginning(fromStart);
        } else {
            Map<TopicPartition, Long> query = new HashMap<>();
            fromStart.forEach(tp -> query.put(tp, start.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query, TIMEOUT);
            Map<TopicPartition, Long> ends = c.endOffsets(fromStart, TIMEOUT);
            for (TopicPartition tp : fromStart) {
                OffsetAndTimestamp o = found.get(tp);
                c.seek(tp, o == null ? ends.get(tp) : o.offset());
            }
        }
        LOG.info("chart feed: reading " + all.size() + " partitions, " + (start == null ? "from the beginning"
                : "from " + start + " (the session start of the latest bar; sig.levels and ref.instruments from the beginning)")
                + (marketClock ? ", charts wait for exec.market-clock" : ""));

        MergedInputs merged = new MergedInputs(all);
        Map<TopicPartition, Long> ends = new HashMap<>();
        long fetches = 0;
        long endsFor = -1;
        long lastArrival = nanos.getAsLong();
        boolean idleDone = false;
        while (!stopped) {
            var polled = c.poll(Duration.ofMillis(100));
            if (!polled.isEmpty()) {
                fetches++;
                lastArrival = nanos.getAsLong();
                idleDone = false;
                for (ConsumerRecord<String, SpecificRecord> r : polled) {
                    MergedInputs.Input in = MergedInputs.input(new TopicPartition(r.topic(), r.partition()), r.offset(), r.value());
                    if (in != null) {
                        merged.add(in);
                    }
                }
            }
            if (endsFor != fetches) { // end offsets read after the latest fetch
                ends.putAll(c.endOffsets(all, TIMEOUT));
                endsFor = fetches;
            }
            MergedInputs.Input in;
            while ((in = merged.next(tp -> c.position(tp, TIMEOUT) >= ends.getOrDefault(tp, 0L))) != null) {
                for (ChartData d : feed(in.value())) {
                    charts.chart(d);
                }
                records++;
            }
            if (!idleDone && !idleClose.isZero() && merged.isEmpty() && nanos.getAsLong() - lastArrival >= idleClose.toNanos()
                    && all.stream().allMatch(tp -> c.position(tp, TIMEOUT) >= ends.getOrDefault(tp, 0L))) {
                idleDone = true;
                ends.putAll(c.endOffsets(all, TIMEOUT));
                if (all.stream().allMatch(tp -> c.position(tp, TIMEOUT) >= ends.get(tp))) {
                    for (ChartData d : book.idle()) {
                        charts.chart(d);
                    }
                } else {
                    idleDone = false;
                }
            }
        }
    }

    /** Feeds one record to the book; returns the charts it released. */
    List<ChartData> feed(Object value) {
        if (value instanceof Instrument i) {
            book.onInstrument(i);
            return List.of();
        } else if (value instanceof Bar b) {
            return book.onBar(b);
        } else if (value instanceof Bias b) {
            return book.onBias(b);
        } else if (value instanceof LiquidityLevel l) {
            return book.onLevel(l);
        } else if (value instanceof ExecutionReport r) {
            return book.onReport(r);
        } else if (value instanceof MarketClock m) {
            return book.onMarketClock(m);
        }
        return List.of();
    }

    /** Where to read sig.bars etc. from: the earliest session start (previous close) of the latest bar time; null: from the beginning. */
    private Instant start(List<TopicPartition> bars) {
        long latest = -1;
        try (Admin admin = Admin.create(clientConfig)) {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            bars.forEach(tp -> specs.put(tp, OffsetSpec.maxTimestamp()));
            for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(specs).all().get(TIMEOUT.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS).values()) {
                if (info.offset() >= 0) {
                    latest = Math.max(latest, info.timestamp());
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warning("cannot read the latest sig.bars time (" + e + "): the charts read from the beginning");
            return null;
        }
        if (latest < 0) {
            return null;
        }
        return book.sessions().earliestSessionStart(Instant.ofEpochMilli(latest));
    }
}
