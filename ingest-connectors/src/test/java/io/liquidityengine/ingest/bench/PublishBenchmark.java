package io.liquidityengine.ingest.bench;

import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.publish.SourceRunner;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidWriter;
import io.liquidityengine.ingest.sources.ScidTickSource;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.AssetClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publish throughput to the local stack's broker: a {@code .scid} file through {@link SourceRunner}
 * (read, validate, Avro-serialize, transactional batches of 5,000 with a checkpoint each) against a
 * plain idempotent {@link KafkaProducer} sending the very same serialized tick bytes (serialized
 * before the clock starts) with the same producer settings. Back to back in one JVM, each on a fresh key.
 *
 * <p>Run: {@code ./mvnw -o -q -pl ingest-connectors test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * && java -cp "ingest-connectors/target/test-classes:ingest-connectors/target/classes:$(cat ingest-connectors/target/cp.txt)"
 * io.liquidityengine.ingest.bench.PublishBenchmark [records] [rounds]} (defaults 500,000 and 3).
 */
public final class PublishBenchmark {

    private PublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("publish-bench");
        Path file = dir.resolve("bench.scid");
        long t0 = 1_733_409_000_000_000L;
        try (ScidWriter w = ScidWriter.create(file)) {
            for (int i = 0; i < records; i++) {
                float price = 6000f + 0.25f * (i % 40);
                w.writeTick(t0 + i * 10_000L, price, price - 0.25f, price, 1 + i % 5, i % 2 == 0 ? Aggressor.BUY : Aggressor.SELL);
            }
        }
        try (LocalStack stack = LocalStack.temporary().start()) {
            double bestRunner = 0;
            double bestPlain = 0;
            for (int round = 0; round <= rounds; round++) {
                String symbol = "BENCH" + round;
                InstrumentSpec spec = new InstrumentSpec(symbol, "", AssetClass.FUTURE, 0.25, new BigDecimal("12.50"), "USD", 1,
                        ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
                long s = System.nanoTime();
                SourceRunner.Result result = new SourceRunner(new ScidTickSource("bench-" + round, file, spec, true, 5),
                        stack.clientConfig(), SourceRunner.Settings.backfill(), new SimpleMeterRegistry()).run(() -> false);
                double runnerRate = result.published() / ((System.nanoTime() - s) / 1e9);

                List<byte[]> values = serializedTicks(stack, file, spec);
                byte[] key = ("PLAIN" + round).getBytes(StandardCharsets.UTF_8);
                Map<String, Object> config = new HashMap<>(stack.clientConfig());
                config.put(ProducerConfig.ACKS_CONFIG, "all");
                config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
                config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                s = System.nanoTime();
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
                    long ts = t0 / 1000;
                    for (byte[] v : values) {
                        producer.send(new ProducerRecord<>(Topics.MD_TICKS.name(), null, ts, key, v));
                    }
                    producer.flush();
                }
                double plainRate = values.size() / ((System.nanoTime() - s) / 1e9);
                if (round == 0) {
                    System.out.printf(Locale.ROOT, "warm-up: SourceRunner %,.0f records/s, plain producer %,.0f records/s%n", runnerRate, plainRate);
                    continue;
                }
                System.out.printf(Locale.ROOT, "round %d: SourceRunner %,.0f records/s, plain producer %,.0f records/s, ratio %.2f%n",
                        round, runnerRate, plainRate, runnerRate / plainRate);
                bestRunner = Math.max(bestRunner, runnerRate);
                bestPlain = Math.max(bestPlain, plainRate);
            }
            System.out.printf(Locale.ROOT, "best: SourceRunner %,.0f records/s, plain producer %,.0f records/s, SourceRunner at %.0f%% of the plain producer%n",
                    bestRunner, bestPlain, 100 * bestRunner / bestPlain);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The exact value bytes SourceRunner sends for the file's ticks. */
    @SuppressWarnings("unchecked")
    private static List<byte[]> serializedTicks(LocalStack stack, Path file, InstrumentSpec spec) throws Exception {
        Serializer<Tick> serializer = Topics.MD_TICKS.valueSerde(stack.registryConfig()).serializer();
        List<byte[]> out = new ArrayList<>();
        try (ScidTickSource source = new ScidTickSource("serialize", file, spec, true, 5)) {
            source.open(0);
            for (SourceBatch b = source.poll(10_000); !b.records().isEmpty(); b = source.poll(10_000)) {
                for (OutRecord<?> r : b.records()) {
                    out.add(serializer.serialize(Topics.MD_TICKS.name(), (Tick) r.value()));
                }
            }
        }
        return out;
    }
}
