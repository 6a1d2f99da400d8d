package io.liquidityengine.ingest.sierra.scid;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/** Hand-made SCID bytes, built field by field independently of {@link ScidFormat} and {@link ScidWriter}. */
final class ScidFixtures {

    /** 2024-12-05T14:30:00Z as SCDateTimeMS, computed by hand: (45631 days since 1899-12-30) x 86400 s + 14.5 h. */
    static final long T0 = (45_631L * 86_400L + 14L * 3_600L + 30L * 60L) * 1_000_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ScidFixtures withHeader() {
        return new ScidFixtures().header("SCID", 56, 40, 1);
    }

    ScidFixtures header(String magic, int headerSize, int recordSize, int version) {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(headerSize).putInt(recordSize)
                .putShort((short) version);
        out.writeBytes(b.array());
        return this;
    }

    ScidFixtures record(long time, float open, float high, float low, float close, int trades, int volume, int bidVolume, int askVolume) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(time).putFloat(open).putFloat(high).putFloat(low).putFloat(close)
                .putInt(trades).putInt(volume).putInt(bidVolume).putInt(askVolume);
        out.writeBytes(b.array());
        return this;
    }

    /** A single buy trade at {@code price}, bid one tick (0.25) below, size {@code size}. */
    ScidFixtures buyTick(long time, float price, int size) {
        return record(time, 0f, price, price - 0.25f, price, 1, size, 0, size);
    }

    ScidFixtures sellTick(long time, float price, int size) {
        return record(time, 0f, price + 0.25f, price, price, 1, size, size, 0);
    }

    ScidFixtures bytes(byte[] raw) {
        out.writeBytes(raw);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    static Instant instantOf(long scMicros) {
        return Instant.parse("1899-12-30T00:00:00Z").plusNanos(scMicros * 1_000L);
    }
}
