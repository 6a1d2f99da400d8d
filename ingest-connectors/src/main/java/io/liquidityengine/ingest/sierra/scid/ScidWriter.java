package io.liquidityengine.ingest.sierra.scid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code .scid} files: a valid header and 40-byte records, buffered. Used by tests and the
 * sample generator. Values are written as given (no validation beyond uint32 ranges), so tests can
 * also produce bad data with it.
 */
public final class ScidWriter implements AutoCloseable {

    private static final int BUFFER_RECORDS = 16_384;

    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_RECORDS * ScidFormat.RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private long recordCount;

    private ScidWriter(FileChannel channel, long existingRecords) {
        this.channel = channel;
        this.recordCount = existingRecords;
    }

    /** Creates (or truncates) the file and writes the header. */
    public static ScidWriter create(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        writeFully(ch, ByteBuffer.wrap(ScidFormat.header()));
        return new ScidWriter(ch, 0);
    }

    /**
     * Opens a file for appending; creates it when absent. The existing header must be valid
     * ({@link IOException} otherwise). A partial trailing record is overwritten, so appends always
     * start at a full record boundary.
     */
    public static ScidWriter append(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return create(file);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(ScidFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && ch.read(header, header.position()) > 0) {
                // keep reading
            }
            String error = header.hasRemaining() ? "file shorter than the header" : ScidFormat.headerError(header, 0);
            if (error != null) {
                throw new IOException("cannot append to " + file + ": " + error);
            }
            long records = (ch.size() - ScidFormat.HEADER_SIZE) / ScidFormat.RECORD_SIZE;
            ch.truncate(ScidFormat.offsetOf(records));
            ch.position(ScidFormat.offsetOf(records));
            return new ScidWriter(ch, records);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes one record with every field as stored. */
    public void write(long scDateTimeMicros, float open, float high, float low, float close,
                      long numTrades, long totalVolume, long bidVolume, long askVolume) throws IOException {
        if (buf.remaining() < ScidFormat.RECORD_SIZE) {
            flushBuffer();
        }
        ScidFormat.putRecord(buf, scDateTimeMicros, open, high, low, close, numTrades, totalVolume, bidVolume, askVolume);
        recordCount++;
    }

    /** Writes a record's fields (its index is ignored: records are appended in order). */
    public void write(ScidRecord r) throws IOException {
        write(r.scDateTimeMicros(), r.open(), r.high(), r.low(), r.close(),
                r.numTrades(), r.totalVolume(), r.bidVolume(), r.askVolume());
    }

    /**
     * Writes a single-trade tick record (open 0): trade price in close, ask in high, bid in low,
     * one trade, the volume on the ask side for a BUY aggressor and on the bid side for a SELL.
     */
    public void writeTick(long epochMicros, float price, float bid, float ask, long volume, Aggressor aggressor)
            throws IOException {
        long bidVolume = aggressor == Aggressor.SELL ? volume : 0;
        long askVolume = aggressor == Aggressor.BUY ? volume : 0;
        write(ScidTime.fromEpochMicros(epochMicros), 0f, ask, bid, price, 1, volume, bidVolume, askVolume);
    }

    /** Records in the file so far, including those present before an append. */
    public long recordCount() {
        return recordCount;
    }

    /** Writes buffered records to the file (not forced to disk). */
    public void flush() throws IOException {
        flushBuffer();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            channel.close();
        }
    }

    private void flushBuffer() throws IOException {
        buf.flip();
        writeFully(channel, buf);
        buf.clear();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
