package io.liquidityengine.ingest.bench;

import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidFormat;
import io.liquidityengine.ingest.sierra.scid.ScidReadOptions;
import io.liquidityengine.ingest.sierra.scid.ScidReader;
import io.liquidityengine.ingest.sierra.scid.ScidWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Times full reads of a large generated {@code .scid} file with {@link ScidReader} (decode + validate,
 * tick-grid check on) against a baseline that only reads the raw bytes with the same chunking and
 * touches one long per record. Both run back to back on the same warm file (page cache).
 *
 * <p>Run: {@code ./mvnw -o -q -pl ingest-connectors test-compile && java -cp
 * ingest-connectors/target/test-classes:ingest-connectors/target/classes
 * io.liquidityengine.ingest.bench.ScidReadBenchmark [records] [rounds]} (defaults 5,000,000 and 5).
 */
public final class ScidReadBenchmark {

    private ScidReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("scid-bench");
        Path file = dir.resolve("bench.scid");
        try {
            long t0 = System.nanoTime();
            generate(file, records);
            System.out.printf(Locale.ROOT, "generated %,d records (%,d bytes) in %.2f s%n", records, Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
            ScidReadOptions options = ScidReadOptions.defaults().withTickSize(0.25).complete(true);
            int chunkBytes = options.chunkRecords() * ScidFormat.RECORD_SIZE;

            // warm-up: JIT and page cache
            readWithScidReader(file, options);
            readRawBytes(file, chunkBytes);

            double bestReader = 0;
            double bestRaw = 0;
            for (int round = 1; round <= rounds; round++) {
                long s = System.nanoTime();
                long n = readWithScidReader(file, options);
                double readerRate = n / ((System.nanoTime() - s) / 1e9);
                s = System.nanoTime();
                long m = readRawBytes(file, chunkBytes);
                double rawRate = m / ((System.nanoTime() - s) / 1e9);
                if (n != records || m != records) {
                    throw new IllegalStateException("read " + n + " / " + m + " records, expected " + records);
                }
                bestReader = Math.max(bestReader, readerRate);
                bestRaw = Math.max(bestRaw, rawRate);
                System.out.printf(Locale.ROOT, "round %d: ScidReader %,.0f records/s, raw bytes %,.0f records/s, ratio %.2f%n",
                        round, readerRate, rawRate, readerRate / rawRate);
            }
            System.out.printf(Locale.ROOT, "best: ScidReader %,.0f records/s, raw-byte baseline %,.0f records/s, "
                    + "ScidReader at %.0f%% of baseline%n", bestReader, bestRaw, 100 * bestReader / bestRaw);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void generate(Path file, long records) throws IOException {
        long t = 1_733_409_000_000_000L;
        int bid = 24_000;
        try (ScidWriter w = ScidWriter.create(file)) {
            for (long i = 0; i < records; i++) {
                t += 1 + (i * 7919 % 5000);
                bid += (int) (i * 31 % 3) - 1;
                boolean buy = (i & 1) == 0;
                float b = bid * 0.25f;
                w.writeTick(t, buy ? b + 0.25f : b, b, b + 0.25f, 1 + i % 9, buy ? Aggressor.BUY : Aggressor.SELL);
            }
        }
    }

    private static long readWithScidReader(Path file, ScidReadOptions options) throws IOException {
        long[] count = new long[1];
        long[] volume = new long[1];
        try (ScidReader reader = ScidReader.open(file, options)) {
            reader.drain(r -> {
                count[0]++;
                volume[0] += r.totalVolume();
            }, p -> {
                throw new IllegalStateException(p.toString());
            });
        }
        if (volume[0] == 0) {
            throw new IllegalStateException("no volume");
        }
        return count[0];
    }

    /** Baseline: same channel, same direct buffer size, one long read per record, no decoding or objects. */
    private static long readRawBytes(Path file, int chunkBytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(chunkBytes).order(ByteOrder.LITTLE_ENDIAN);
        long records = 0;
        long checksum = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = ScidFormat.HEADER_SIZE;
            while (true) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                int whole = n / ScidFormat.RECORD_SIZE * ScidFormat.RECORD_SIZE;
                for (int p = 0; p < whole; p += ScidFormat.RECORD_SIZE) {
                    checksum += buf.getLong(p);
                    records++;
                }
                pos += whole;
            }
        }
        if (checksum == 42) {
            System.out.print("");
        }
        return records;
    }
}
