package io.liquidityengine.ingest.sierra.scid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Layout constants and encoding of the SCID header and records. */
public final class ScidFormat {

    public static final int HEADER_SIZE = 56;
    public static final int RECORD_SIZE = 40;
    public static final int VERSION = 1;
    /** "SCID" as the first four bytes. */
    public static final byte[] MAGIC = {'S', 'C', 'I', 'D'};

    private ScidFormat() {
    }

    /** Byte offset of the record with the given zero-based index. */
    public static long offsetOf(long recordIndex) {
        return HEADER_SIZE + recordIndex * RECORD_SIZE;
    }

    /** A valid 56-byte header: magic, header size, record size, version 1, the rest zero. */
    public static byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(HEADER_SIZE).putInt(RECORD_SIZE).putShort((short) VERSION);
        return b.array();
    }

    /**
     * Null when the header is valid, else why not. {@code b} must hold at least 56 bytes from
     * {@code at} and be little-endian.
     */
    static String headerError(ByteBuffer b, int at) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(at + i) != MAGIC[i]) {
                return "magic is not 'SCID'";
            }
        }
        long headerSize = Integer.toUnsignedLong(b.getInt(at + 4));
        long recordSize = Integer.toUnsignedLong(b.getInt(at + 8));
        int version = Short.toUnsignedInt(b.getShort(at + 12));
        if (headerSize != HEADER_SIZE) {
            return "header size " + headerSize + ", expected " + HEADER_SIZE;
        }
        if (recordSize != RECORD_SIZE) {
            return "record size " + recordSize + ", expected " + RECORD_SIZE;
        }
        if (version != VERSION) {
            return "version " + version + ", expected " + VERSION;
        }
        return null;
    }

    /** Writes one record at the buffer's position (buffer must be little-endian). */
    public static void putRecord(ByteBuffer b, long scDateTimeMicros, float open, float high, float low, float close,
                                 long numTrades, long totalVolume, long bidVolume, long askVolume) {
        b.putLong(scDateTimeMicros)
                .putFloat(open).putFloat(high).putFloat(low).putFloat(close)
                .putInt(uint32(numTrades, "numTrades")).putInt(uint32(totalVolume, "totalVolume"))
                .putInt(uint32(bidVolume, "bidVolume")).putInt(uint32(askVolume, "askVolume"));
    }

    private static int uint32(long v, String name) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " out of uint32 range: " + v);
        }
        return (int) v;
    }
}
