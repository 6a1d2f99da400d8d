package io.liquidityengine.dtc.bench;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.codec.FrameReader;
import io.liquidityengine.dtc.message.AtBidOrAsk;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Frames decoded per second against merely reading the same bytes, in one process.
 *
 * <p>The stream: 1,000,000 frames (seeded), 60% {@code MarketDataUpdateBidAsk} and 40%
 * {@code MarketDataUpdateTrade}, 40 bytes each (40 MB), handed over in 64 KiB chunks like socket
 * reads. Per round, back to back:
 * <ul>
 *   <li>baseline: walk the frames by their Size in the same 64 KiB steps, summing Size and Type, in
 *       place (no copy, no decode);</li>
 *   <li>checksum: sum the buffer as little-endian longs (memory bandwidth);</li>
 *   <li>FrameReader: feed the chunks, split into frames, sum the types (copy + split, no decode);</li>
 *   <li>FrameReader + decode: as above and decode every frame to its record, summing a price;</li>
 *   <li>DtcCodec.decode(ByteBuffer): decode frame by frame from the whole buffer (no reader).</li>
 * </ul>
 * Five warm-up rounds, then ten measured; the best round of each is reported with its ratio to the
 * best baseline round of the same run (each round's ratios are printed too).
 *
 * <pre>
 * ./mvnw -o -q -pl ingest-connectors/dtc-protocol test-compile &amp;&amp; \
 * java -cp ingest-connectors/dtc-protocol/target/test-classes:ingest-connectors/dtc-protocol/target/classes \
 *      io.liquidityengine.dtc.bench.DtcDecodeBenchmark [frames]
 * </pre>
 */
public final class DtcDecodeBenchmark {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 10;
    private static final int CHUNK = 64 * 1024;

    private static volatile long sink;

    private DtcDecodeBenchmark() {
    }

    public static void main(String[] args) throws DtcProtocolException {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[] stream = buildStream(frames);
        System.out.printf(Locale.ROOT, "stream: %,d frames, %,d bytes, chunks of %,d bytes; %s %s, %d cpus%n",
                frames, stream.length, CHUNK, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        String[] names = {"baseline: walk Size fields", "checksum over the bytes", "FrameReader split only",
                "FrameReader + decode", "DtcCodec.decode(ByteBuffer)"};
        double[] best = new double[names.length];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            double[] rates = {
                    rate(frames, () -> walkSizes(stream)),
                    rate(frames, () -> checksum(stream)),
                    rate(frames, () -> split(stream)),
                    rate(frames, () -> splitAndDecode(stream)),
                    rate(frames, () -> decodeBuffer(stream))};
            if (round < 0) {
                continue;
            }
            StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
            for (int i = 0; i < rates.length; i++) {
                best[i] = Math.max(best[i], rates[i]);
                line.append(String.format(Locale.ROOT, " %.2f", rates[i] / rates[0]));
            }
            System.out.println(line + "  (ratios to the baseline of the round)");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %16s %10s%n", "best of " + ROUNDS, "frames/s", "ratio");
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "%-30s %,16.0f %10.3f%n", names[i], best[i], best[i] / best[0]);
        }
    }

    private interface Run {
        long run() throws DtcProtocolException;
    }

    private static double rate(int frames, Run r) throws DtcProtocolException {
        long t0 = System.nanoTime();
        long v = r.run();
        long t1 = System.nanoTime();
        sink += v;
        return frames / ((t1 - t0) / 1e9);
    }

    static byte[] buildStream(int frames) {
        SplittableRandom rnd = new SplittableRandom(42);
        DtcCodec codec = new DtcCodec();
        ByteBuffer out = ByteBuffer.allocate(frames * 40);
        double price = 6000.0;
        double time = 1763130600.0;
        for (int i = 0; i < frames; i++) {
            price += (rnd.nextInt(3) - 1) * 0.25;
            time += rnd.nextInt(5) / 1000.0;
            DtcMessage m = rnd.nextInt(10) < 6
                    ? new MarketDataUpdateBidAsk(1, price - 0.25, 1 + rnd.nextInt(40), price, 1 + rnd.nextInt(40), (long) time)
                    : new MarketDataUpdateTrade(1, rnd.nextBoolean() ? AtBidOrAsk.BID : AtBidOrAsk.ASK, price,
                            1 + rnd.nextInt(10), time);
            codec.encode(m, out);
        }
        return out.array();
    }

    /** Walks the frames chunk by chunk (the same 64 KiB steps the readers get), in place. */
    static long walkSizes(byte[] s) {
        walkSum = 0;
        int at = 0;
        for (int end = 0; end < s.length; ) {
            end = Math.min(end + CHUNK, s.length);
            at = walkChunk(s, at, end);
        }
        return walkSum;
    }

    private static long walkSum;

    private static int walkChunk(byte[] s, int at, int end) {
        long sum = 0;
        while (at + 4 <= end) {
            int header = (int) INT.get(s, at); // Size in the low 16 bits, Type in the high
            int size = header & 0xFFFF;
            if (size < 4) {
                throw new IllegalStateException("bad Size at " + at);
            }
            if (at + size > end) {
                break;
            }
            sum += size + (header >>> 16);
            at += size;
        }
        walkSum += sum;
        return at;
    }

    static long checksum(byte[] s) {
        long sum = 0;
        int n = s.length & ~7;
        for (int i = 0; i < n; i += 8) {
            sum += (long) LONG.get(s, i);
        }
        return sum;
    }

    static long split(byte[] s) throws DtcProtocolException {
        FrameReader r = new FrameReader();
        long sum = 0;
        for (int at = 0; at < s.length; at += CHUNK) {
            r.feed(s, at, Math.min(CHUNK, s.length - at));
            while (r.next()) {
                sum += r.frameType();
            }
        }
        r.endOfStream();
        return sum;
    }

    static long splitAndDecode(byte[] s) throws DtcProtocolException {
        FrameReader r = new FrameReader();
        DtcCodec codec = new DtcCodec();
        long sum = 0;
        for (int at = 0; at < s.length; at += CHUNK) {
            r.feed(s, at, Math.min(CHUNK, s.length - at));
            for (DtcMessage m; (m = r.nextMessage(codec)) != null; ) {
                sum += consume(m);
            }
        }
        r.endOfStream();
        return sum;
    }

    static long decodeBuffer(byte[] s) throws DtcProtocolException {
        DtcCodec codec = new DtcCodec();
        ByteBuffer b = ByteBuffer.wrap(s);
        long sum = 0;
        while (b.hasRemaining()) {
            sum += consume(codec.decode(b));
        }
        return sum;
    }

    private static long consume(DtcMessage m) {
        if (m instanceof MarketDataUpdateTrade t) {
            return (long) t.price() + t.atBidOrAsk();
        }
        if (m instanceof MarketDataUpdateBidAsk q) {
            return (long) q.askPrice() + (long) q.bidQuantity();
        }
        return 1;
    }
}
