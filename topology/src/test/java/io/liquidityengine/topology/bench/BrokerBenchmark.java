package io.liquidityengine.topology.bench;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.topology.stream.EngineTopology;
import io.liquidityengine.topology.stream.TopologyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The topology on the local KRaft broker against plain consume-and-produce baselines on the same
 * broker, in the same run, over the same pre-produced md.ticks (three instruments, one per
 * partition):
 * <ul>
 *   <li>baseline "plain": one consumer + one producer copying every record's bytes to a scratch
 *       topic, at-least-once;</li>
 *   <li>baseline "transactional": the same copy with exactly-once (transactional producer, input
 *       offsets committed in the transaction every 100 ms, read_committed);</li>
 *   <li>the production topology in KafkaStreams, exactly-once v2, with the Kafka Streams settings
 *       of application.properties: decode, bars, signals, strategies, risk, all outputs.</li>
 * </ul>
 * A first plain copy warms up the JVM and is not reported. Each is timed from its first poll (for Kafka Streams: from state RUNNING) until it has consumed
 * every tick (Kafka Streams: committed offsets at the end). A documentation benchmark, not a test;
 * see BENCHMARKS.md.
 *
 * <p>Arguments: the number of ticks (default 600,000) and the number of rounds (default 1). Each
 * round runs everything on a fresh local stack; the first round runs the topology in a JVM that
 * has not run it before (its JIT compilation lands in the timed window, the copies had a warm-up
 * copy), later rounds in a JVM that has. Before the runs the topology's output schemas are
 * registered (see {@link #registerOutputSchemas}). For the topology it also prints the stream
 * threads' CPU time, what Kafka Streams' metrics say they waited for, and the CPU of every thread
 * of the process (JIT compiler and GC threads included).
 */
public final class BrokerBenchmark {

    private BrokerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchTicks.quietLogs();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String[] instruments = onePerPartition();
        BenchTicks ticks = new BenchTicks(n, instruments);
        for (int round = 0; round < rounds; round++) {
            System.out.printf("=== round %d of %d (%s JVM; a fresh local stack) ===%n", round + 1, rounds, round == 0 ? "cold" : "warm");
            round(n, instruments, ticks);
        }
    }

    /**
     * One round on a fresh local stack: publish, warm-up copy, plain copy, transactional copy,
     * topology. In the first round the topology's code runs for the first time in this JVM (the
     * copies had a warm-up copy before them); later rounds run everything in a JVM that has run
     * it all before.
     */
    private static void round(int n, String[] instruments, BenchTicks ticks) throws Exception {
        try (LocalStack stack = LocalStack.temporary().start(); Admin admin = stack.admin()) {
            String scratch = Topics.MD_TICKS.name() + ".baseline-copy";   // benchmark-only, derived from the catalog name
            admin.createTopics(List.of(new NewTopic(scratch, Topics.MD_TICKS.partitions(), (short) 1))).all().get();
            publishInstruments(stack, instruments);
            if (!"false".equals(System.getProperty("bench.preregister"))) {
                registerOutputSchemas(stack);
            }
            long produceStart = System.nanoTime();
            publishTicks(stack, ticks);
            System.out.printf("produced %,d ticks for %s in %.1f s%n", n, String.join(",", instruments),
                    (System.nanoTime() - produceStart) / 1e9);

            copy(stack, scratch, n, false);   // warm-up: JIT and broker page cache, not reported
            double plain = copy(stack, scratch, n, false);
            double transactional = copy(stack, scratch, n, true);
            double topology = topology(stack, admin, n);
            System.out.printf("baseline plain copy:          %,12.0f ticks/s%n", plain);
            System.out.printf("baseline transactional copy:  %,12.0f ticks/s%n", transactional);
            System.out.printf("topology (EOS v2):            %,12.0f ticks/s%n", topology);
            System.out.printf("ratio topology / plain = %.2f, topology / transactional = %.2f%n", topology / plain, topology / transactional);
        }
    }

    /** Three symbols whose keys land on three different partitions of md.ticks. */
    private static String[] onePerPartition() {
        Map<Integer, String> byPartition = new HashMap<>();
        for (String s : new String[] {"ES", "NQ", "YM", "RTY", "CL", "GC", "ZN", "ZB", "6E", "MES", "MNQ"}) {
            int p = Utils.toPositive(Utils.murmur2(s.getBytes(StandardCharsets.UTF_8))) % Topics.MD_TICKS.partitions();
            byPartition.putIfAbsent(p, s);
        }
        return byPartition.values().stream().sorted().toArray(String[]::new);
    }

    private static void publishInstruments(LocalStack stack, String[] instruments) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(stack, null)) {
            var serializer = Topics.REF_INSTRUMENTS.valueSerde(stack.registryConfig()).serializer();
            for (String s : instruments) {
                producer.send(new ProducerRecord<>(Topics.REF_INSTRUMENTS.name(), s,
                        serializer.serialize(Topics.REF_INSTRUMENTS.name(), TopologyDriverBenchmark.instrument(s)))).get();
            }
        }
    }

    /**
     * Registers the value schemas of the topics the topology writes, as a deployment that has run
     * before (or registers its schemas up front) has them, through a client of its own so the
     * topology still asks the registry for every id itself. The local registry takes about 0.5 s to
     * register a new subject (its store waits on a poll of its _schemas topic), and the topology
     * registers on the first record of each output, so without this a run on a fresh stack spends
     * about 2 s of its timed window with the stream thread waiting for the registry, once.
     * {@code -Dbench.preregister=false} leaves them to the topology.
     */
    private static void registerOutputSchemas(LocalStack stack) {
        var registry = new io.liquidityengine.schemas.registry.RestSchemaRegistry(
                io.liquidityengine.schemas.registry.RegistryConfig.of(stack.registryUrl()));
        long start = System.nanoTime();
        for (var topic : List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS, Topics.RISK_SIGNALS_BY_ACCOUNT,
                Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.DLQ_TOPOLOGY)) {
            registry.register(topic.name() + "-value", org.apache.avro.specific.SpecificData.getForClass(topic.valueType())
                    .getSchema(topic.valueType()));
        }
        System.out.printf("registered the topology's output schemas in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void publishTicks(LocalStack stack, BenchTicks ticks) {
        var serializer = Topics.MD_TICKS.valueSerde(stack.registryConfig()).serializer();
        try (KafkaProducer<String, byte[]> producer = producer(stack, null)) {
            for (int i = 0; i < ticks.size(); i++) {
                Tick tick = TopologyDriverBenchmark.tick(ticks, i);
                producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), null, ticks.timeMicros[i] / 1000, ticks.instrument[i],
                        serializer.serialize(Topics.MD_TICKS.name(), tick)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, byte[]> producer(LocalStack stack, String transactionalId) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Copies md.ticks to the scratch topic; returns ticks/s. */
    private static double copy(LocalStack stack, String scratch, int n, boolean exactlyOnce) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "baseline-" + (exactlyOnce ? "eos" : "plain") + "-" + System.nanoTime());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        if (exactlyOnce) {
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = producer(stack, exactlyOnce ? "baseline-eos" : null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MD_TICKS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (exactlyOnce) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            long copied = 0;
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long lastCommit = start;
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            while (copied < n) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> r : records) {
                    producer.send(new ProducerRecord<>(scratch, r.partition(), r.timestamp(), r.key(), r.value()));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    copied++;
                }
                if (exactlyOnce && (System.nanoTime() - lastCommit > 100_000_000L || copied >= n)) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    producer.beginTransaction();
                    lastCommit = System.nanoTime();
                }
            }
            if (exactlyOnce) {
                producer.commitTransaction();
            } else {
                producer.flush();
                consumer.commitSync(offsets);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("baseline %s: %,d ticks in %.2f s, %.2f CPU-us per tick (whole JVM, broker included)%n",
                    exactlyOnce ? "transactional" : "plain", copied, seconds, (processCpuNanos() - cpuStart) / 1e3 / copied);
            return copied / seconds;
        }
    }

    /** Runs the production topology until it has committed every tick; returns ticks/s. */
    private static double topology(LocalStack stack, Admin admin, int n) throws Exception {
        String applicationId = "bench-topology";
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-state").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(productionStreamsSettings());
        if (Integer.getInteger("commit.interval.ms") != null) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.getInteger("commit.interval.ms"));
        }
        System.out.println("topology settings: " + new java.util.TreeMap<>(props));
        AtomicLong runningAt = new AtomicLong();
        AtomicLong cpuAtRunning = new AtomicLong();
        AtomicLong streamCpuAtRunning = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Map<String, Double>> metricsAtRunning = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        java.util.concurrent.atomic.AtomicReference<KafkaStreams> streamsRef = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Map<String, Long>> threadsAtRunning = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        try (KafkaStreams streams = new KafkaStreams(EngineTopology.build(TopologyConfig.defaults(stack.registryConfig())), props)) {
            streamsRef.set(streams);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    if (runningAt.compareAndSet(0, System.nanoTime())) {
                        cpuAtRunning.set(processCpuNanos());
                        streamCpuAtRunning.set(streamThreadCpuNanos(applicationId));
                        metricsAtRunning.set(threadMetrics(streamsRef.get()));
                        threadsAtRunning.set(threadCpuByName());
                    }
                }
            });
            streams.start();
            Set<TopicPartition> partitions = admin.describeTopics(List.of(Topics.MD_TICKS.name())).allTopicNames().get()
                    .get(Topics.MD_TICKS.name()).partitions().stream()
                    .map(p -> new TopicPartition(Topics.MD_TICKS.name(), p.partition())).collect(Collectors.toSet());
            var ends = consumerEnds(stack, partitions);
            long end;
            long cpuEnd;
            long streamCpuEnd;
            while (true) {
                var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                long done = 0;
                long total = 0;
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata o = committed.get(tp);
                    done += o == null ? 0 : o.offset();
                    total += ends.get(tp);
                }
                if (done >= total) {
                    end = System.nanoTime();
                    cpuEnd = processCpuNanos();
                    streamCpuEnd = streamThreadCpuNanos(applicationId);
                    break;
                }
                Thread.sleep(50);
            }
            double seconds = (end - runningAt.get()) / 1e9;
            printMetricsDelta(metricsAtRunning.get(), threadMetrics(streams));
            printThreadCpu(threadsAtRunning.get(), threadCpuByName(), end - runningAt.get());
            double streamSeconds = (streamCpuEnd - streamCpuAtRunning.get()) / 1e9;
            System.out.printf("topology: %,d ticks in %.2f s (from RUNNING to all input offsets committed), %.2f CPU-us per tick (whole JVM), "
                            + "stream threads %.2f CPU-us per tick (busy %.0f %% of the wall time)%n",
                    n, seconds, (cpuEnd - cpuAtRunning.get()) / 1e3 / n, streamSeconds * 1e6 / n, 100 * streamSeconds / seconds);
            return n / seconds;
        }
    }

    /**
     * The Kafka Streams settings production runs with: every {@code kafka-streams.*} entry of the
     * topology's application.properties (as Quarkus passes them on), except the processing
     * guarantee and state directory set here; a system property of the same name overrides one
     * (sensitivity runs, for example {@code -Dkafka-streams.num.stream.threads=2}).
     */
    static Map<String, String> productionStreamsSettings() throws java.io.IOException {
        Properties file = new Properties();
        try (var in = BrokerBenchmark.class.getResourceAsStream("/application.properties")) {
            file.load(in);
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        String prefix = "kafka-streams.";
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(prefix) && !key.equals(prefix + StreamsConfig.PROCESSING_GUARANTEE_CONFIG)) {
                String value = expand(file.getProperty(key));
                if (!value.isEmpty()) { // as in Quarkus: an empty value is no value (the security settings without a secured cluster)
                    settings.put(key.substring(prefix.length()), value);
                }
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> settings.put(k.substring(prefix.length()), System.getProperty(k)));
        return settings;
    }

    /** Expands {@code ${name}} and {@code ${name:default}} from system properties, as Quarkus's config does for these entries. */
    static String expand(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = System.getProperty(m.group(1), m.group(2));
            if (resolved == null) {
                throw new IllegalArgumentException("application.properties: " + value + " needs -D" + m.group(1) + "=...");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(resolved));
        }
        return m.appendTail(out).toString();
    }

    /** CPU time of this JVM (all threads, the in-JVM broker included): less sensitive than wall time to other load on the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Where the stream threads' wall time went, from Kafka Streams' own thread metrics and the
     * main consumer's and producer's wait times (the parts of blocked-time-ns-total).
     */
    private static Map<String, Double> threadMetrics(KafkaStreams streams) {
        Map<String, Double> values = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            String client = name.tags().getOrDefault("client-id", "");
            boolean thread = name.group().equals("stream-thread-metrics") && (name.name().endsWith("-total") || name.name().endsWith("-latency-max"));
            boolean consumer = name.group().equals("consumer-metrics") && client.matches(".*-StreamThread-\\d+-consumer")
                    && (name.name().equals("io-wait-time-ns-total") || name.name().equals("committed-time-ns-total"));
            boolean producer = name.group().equals("producer-metrics") && name.name().endsWith("time-ns-total") && !name.name().startsWith("io-");
            if ((thread || consumer || producer) && metric.metricValue() instanceof Number number) {
                String who = (thread ? name.tags().getOrDefault("thread-id", "?") : client).replaceAll(".*-StreamThread-", "thread-");
                values.merge(who + " " + name.name(), number.doubleValue(), Double::sum);
            }
        });
        return values;
    }

    /** The metrics' change between two snapshots; times in ms, counts as they are. */
    private static void printMetricsDelta(Map<String, Double> before, Map<String, Double> after) {
        after.forEach((k, v) -> {
            double d = v - (k.endsWith("-max") ? 0 : before.getOrDefault(k, 0.0));
            if (k.endsWith("-ns-total")) {
                System.out.printf("  %s: %.0f ms%n", k.replace("-ns-total", ""), d / 1e6);
            } else if (d != 0 && !Double.isNaN(d)) {
                System.out.printf("  %s: %.0f%n", k, d);
            }
        });
    }

    /**
     * CPU time of every thread of this process (JVM-internal ones too: GC, JIT compiler), summed by
     * name with digits dropped, from /proc (Linux; empty elsewhere). In clock ticks.
     */
    private static Map<String, Long> threadCpuByName() {
        Map<String, Long> cpu = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return cpu;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);   // utime + stime
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended
            }
        }
        return cpu;
    }

    /** The threads' CPU between two snapshots, as cores used on average over {@code wallNanos}, largest first. */
    private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after, long wallNanos) {
        double ticksPerSecond = 100;   // USER_HZ
        StringBuilder line = new StringBuilder("  cores used by thread (from /proc, whole JVM):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / ticksPerSecond / (wallNanos / 1e9)))
                .filter(e -> e.getValue() >= 0.01)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> line.append(String.format(" %s %.2f,", e.getKey(), e.getValue())));
        System.out.println(line);
    }

    /** CPU time of the application's stream threads (all of them, summed). */
    private static long streamThreadCpuNanos(String applicationId) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(applicationId) && info.getThreadName().matches(".*-StreamThread-\\d+")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static Map<TopicPartition, Long> consumerEnds(LocalStack stack, Set<TopicPartition> partitions) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(stack.clientConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return new HashMap<>(consumer.endOffsets(new ArrayList<>(partitions)));
        }
    }
}
