package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Scale-out and failover of the topology (issue 14, part 4): two instruments (ES on partition 1, NQ on
 * partition 0) through one topology instance on one local stack, then through two instances with a
 * standby replica each on a second stack, one of them SIGKILLed mid-run; the survivor takes over its tasks
 * and every record on sig.bars, sig.levels, sig.bias and sig.plans is the same in both runs, partition by
 * partition, in order (key, timestamp and Avro payload; the 4-byte schema id after the magic byte is the
 * registry's own numbering and may differ between the two stacks). The takeover time (SIGKILL until the
 * survivor is ready again with all tasks) is printed for BENCHMARKS.md.
 */
class FailoverIT {

    private static final List<Topic<String, ?>> OUTPUTS = List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS);
    /** Two trades the next day per instrument: the second closes the first one's 5 s bar, which marks the end of each run. */
    private static final Instant SENTINEL_1 = Instant.parse("2024-12-06T12:00:00Z");
    private static final Instant SENTINEL_2 = Instant.parse("2024-12-06T12:00:10Z");

    private final Path repo = Tools.repo();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();

    @Test
    void shouldShareTheWorkAndTakeOverAKilledInstancesTasksWithTheSameOutputs() throws Exception {
        Path work = Files.createDirectories(repo.resolve("deploy/checks/target/failover-it"));
        SampleDayFiles es = new SampleDayGenerator(42, LocalDate.parse("2024-12-05")).writeTo(Files.createDirectories(work.resolve("es")));
        SampleDayFiles nq = new SampleDayGenerator(7, LocalDate.parse("2024-12-05")).writeTo(Files.createDirectories(work.resolve("nq")));

        Map<TopicPartition, List<String>> single;
        try (LocalStack stack = LocalStack.temporary().start()) {
            ingest(stack, es, nq, work.resolve("single"));
            Process topology = topology(stack, work.resolve("single"), "single", freePort());
            awaitSentinelBars(stack);
            single = outputs(stack);
            stop(topology);
        }
        Map<TopicPartition, List<String>> twoInstances;
        long takeoverMillis;
        try (LocalStack stack = LocalStack.temporary().start()) {
            ingest(stack, es, nq, work.resolve("two"));
            int portA = freePort();
            int portB = freePort();
            Process a = topology(stack, work.resolve("two"), "a", portA);
            Process b = topology(stack, work.resolve("two"), "b", portB);
            awaitReady(portA, a);
            awaitReady(portB, b);
            // mid-run: once a quarter of the single run's output records are committed, SIGKILL instance b
            long quarter = single.values().stream().mapToLong(List::size).sum() / 4;
            awaitOutputs(stack, quarter);
            // both instances work: each one's stream thread has partitions assigned
            assertThat(assignedPartitions(portA)).as("partitions of instance a").isPositive();
            assertThat(assignedPartitions(portB)).as("partitions of instance b").isPositive();
            long killed = System.nanoTime();
            b.destroyForcibly();
            b.waitFor();
            awaitNotReady(portA, a);
            awaitReady(portA, a);
            takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            awaitSentinelBars(stack);
            twoInstances = outputs(stack);
            stop(a);
        }
        System.out.printf("FailoverIT: takeover after SIGKILL (session.timeout.ms=6000, 1 standby replica): %d ms%n", takeoverMillis);
        assertThat(single.keySet()).isEqualTo(twoInstances.keySet());
        for (TopicPartition tp : single.keySet()) {
            assertThat(twoInstances.get(tp)).as("records of %s", tp).containsExactlyElementsOf(single.get(tp));
        }
        long bars = single.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.SIG_BARS.name())).mapToLong(e -> e.getValue().size()).sum();
        assertThat(bars).isGreaterThan(9_000);
    }

    private void ingest(LocalStack stack, SampleDayFiles es, SampleDayFiles nq, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> p = common(stack);
        p.put("ingest.exit-when-done", "true");
        p.put("quarkus.http.port", "0");
        p.put("ingest.sources.es-ticks.type", "scid");
        p.put("ingest.sources.es-ticks.path", es.scid().toString());
        p.put("ingest.sources.es-ticks.instrument", "ES");
        p.put("ingest.sources.nq-ticks.type", "scid");
        p.put("ingest.sources.nq-ticks.path", nq.scid().toString());
        p.put("ingest.sources.nq-ticks.instrument", "NQ");
        p.put("ingest.sources.es-deltas.type", "option-delta");
        p.put("ingest.sources.es-deltas.path", es.optionDelta().toString());
        p.put("ingest.sources.es-deltas.instrument", "ES");
        p.put("ingest.sources.nq-deltas.type", "option-delta");
        p.put("ingest.sources.nq-deltas.path", nq.optionDelta().toString());
        p.put("ingest.sources.nq-deltas.instrument", "NQ");
        Process ingest = start("ingest-connectors", p, dir.resolve("ingest.log"));
        assertThat(ingest.waitFor(5, TimeUnit.MINUTES)).as("ingest finished; see %s", dir).isTrue();
        assertThat(ingest.exitValue()).as("ingest exit code; see %s", dir).isZero();
        try (KafkaProducer<String, Tick> producer = new KafkaProducer<>(stack.clientConfig(), Topics.MD_TICKS.keySerde(stack.registryConfig()).serializer(),
                Topics.MD_TICKS.valueSerde(stack.registryConfig()).serializer())) {
            for (String instrument : List.of("ES", "NQ")) {
                for (Instant t : List.of(SENTINEL_1, SENTINEL_2)) {
                    Tick tick = Tick.newBuilder().setInstrument(instrument).setEventTime(t).setPrice(6000.0).setSize(1).setAggressor(AggressorSide.BUY)
                            .setSource("failover-it").build();
                    producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), null, t.toEpochMilli(), instrument, tick)).get();
                }
            }
        }
    }

    private Process topology(LocalStack stack, Path dir, String name, int port) throws IOException {
        Map<String, String> p = common(stack);
        p.put("quarkus.http.port", String.valueOf(port));
        p.put("kafka-streams.state.dir", dir.resolve("state-" + name).toString());
        p.put("kafka-streams.num.standby.replicas", "1");
        p.put("kafka-streams.session.timeout.ms", "6000");
        p.put("kafka-streams.heartbeat.interval.ms", "1000");
        return start("topology", p, dir.resolve("topology-" + name + ".log"));
    }

    private static Map<String, String> common(LocalStack stack) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", stack.bootstrapServers());
        p.put("schema.registry.url", stack.registryUrl());
        return p;
    }

    private Process start(String service, Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", repo.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile())).start();
        processes.add(process);
        return process;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** Waits until sig.bars holds, for ES and NQ, the committed 5 s bar of the first sentinel trade. */
    private void awaitSentinelBars(LocalStack stack) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        Map<String, Boolean> seen = new TreeMap<>(Map.of("ES", false, "NQ", false));
        try (KafkaConsumer<String, Bar> consumer = consumer(stack, Topics.SIG_BARS)) {
            while (seen.containsValue(false)) {
                assertThat(System.nanoTime()).as("waiting for the sentinel bars %s", seen).isLessThan(deadline);
                for (Process p : processes) {
                    assertThat(p.isAlive() || p.exitValue() == 0 || p.exitValue() == 137 || p.exitValue() == 143).isTrue();
                }
                for (ConsumerRecord<String, Bar> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().getIntervalSeconds() == 5 && r.value().getStartTime().equals(SENTINEL_1)) {
                        seen.put(r.key(), true);
                    }
                }
            }
        }
    }

    /** Waits until the output topics hold at least {@code count} committed records. */
    private void awaitOutputs(LocalStack stack, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(stack)) {
            while (seen < count) {
                assertThat(System.nanoTime()).as("waiting for %d output records (%d)", count, seen).isLessThan(deadline);
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }

    /** Every committed record of the outputs, per partition, as "key | timestamp | payload without the schema id". */
    private static Map<TopicPartition, List<String>> outputs(LocalStack stack) {
        Map<TopicPartition, List<String>> out = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(stack)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            Map<TopicPartition, Long> position = new HashMap<>();
            consumer.assignment().forEach(tp -> out.put(tp, new ArrayList<>()));
            while (consumer.assignment().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    byte[] v = r.value();
                    assertThat(v[0]).isEqualTo((byte) 0); // Confluent wire format: magic byte, 4-byte schema id, Avro
                    out.get(new TopicPartition(r.topic(), r.partition())).add(new String(r.key()) + " | " + r.timestamp() + " | "
                            + Arrays.toString(Arrays.copyOfRange(v, 5, v.length)));
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer(LocalStack stack) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<String, ?> t : OUTPUTS) {
            for (PartitionInfo info : consumer.partitionsFor(t.name())) {
                partitions.add(new TopicPartition(t.name(), info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<String, V> consumer(LocalStack stack, Topic<String, V> topic) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde(stack.registryConfig()).deserializer(),
                topic.valueSerde(stack.registryConfig()).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream().map(i -> new TopicPartition(topic.name(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private void awaitReady(int port, Process process) throws Exception {
        awaitHealth(port, process, 200);
    }

    private void awaitNotReady(int port, Process process) throws Exception {
        awaitHealth(port, process, 503);
    }

    private void awaitHealth(int port, Process process, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(process.isAlive()).as("the topology on port %d exited", port).isTrue();
            assertThat(System.nanoTime()).as("waiting for readiness %d on port %d", status, port).isLessThan(deadline);
            synchronized (this) {
                wait(20);
            }
        }
    }

    /** Partitions assigned to the instance's stream thread consumer, from its /q/metrics. */
    private double assignedPartitions(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("kafka_consumer_coordinator_assigned_partitions{") && l.contains("StreamThread-1-consumer"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
