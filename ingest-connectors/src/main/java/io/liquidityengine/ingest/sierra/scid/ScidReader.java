package io.liquidityengine.ingest.sierra.scid;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Streams validated records from a {@code .scid} file: file channel -> direct little-endian buffer
 * read in big chunks, one {@link ParseResult} per 40-byte record.
 *
 * <p>{@link #next()} returns the next record (or the problem with it), or {@code null} when no full
 * record is available right now; {@link #status()} then says why: clean end, partial record still
 * being written (retry later), truncated (file declared complete), or rejected header. Calling
 * {@code next()} again after the file has grown picks up the new records (follow mode): the reader
 * always stays at the last full record boundary.
 *
 * <p>Validation per record: implausible timestamp, NaN/infinite prices, uint32 volume fields with
 * the top bit set and bar high &lt; low are {@code INVALID_VALUE}; prices off the tick grid (when a
 * tick size is given) are {@code OFF_TICK_GRID}; a time earlier than the previous accepted record's is
 * {@code TIMESTAMP_BACKWARDS}. A rejected record is skipped and reading carries on.
 *
 * <p>Not thread-safe.
 */
public final class ScidReader implements AutoCloseable {

    /** 1970-01-01 in SCDateTimeMS. */
    static final long MIN_PLAUSIBLE_TIME = ScidTime.SC_EPOCH_OFFSET_MICROS;
    /** 2200-01-01 in SCDateTimeMS. */
    static final long MAX_PLAUSIBLE_TIME = ScidTime.fromEpochMicros(7_258_118_400L * 1_000_000L);

    private final FileChannel channel;
    private final String origin;
    private final ScidReadOptions options;
    private final ByteBuffer buf;
    /** File offset of buf index 0. */
    private long bufStart;
    private boolean headerChecked;
    private long nextIndex;
    private long previousTime = Long.MIN_VALUE;
    private ScidReadStatus status = ScidReadStatus.READING;

    private ScidReader(FileChannel channel, String origin, ScidReadOptions options) {
        this.channel = channel;
        this.origin = origin;
        this.options = options;
        this.buf = ByteBuffer.allocateDirect(Math.max(ScidFormat.HEADER_SIZE, options.chunkRecords() * ScidFormat.RECORD_SIZE))
                .order(ByteOrder.LITTLE_ENDIAN);
        this.buf.limit(0);
        this.nextIndex = options.startRecordIndex();
    }

    /** Opens a file with the given options. */
    public static ScidReader open(Path file, ScidReadOptions options) throws IOException {
        return new ScidReader(FileChannel.open(file, StandardOpenOption.READ), file.toString(), options);
    }

    /** Opens a file from record 0, follow mode, no grid check. */
    public static ScidReader open(Path file) throws IOException {
        return open(file, ScidReadOptions.defaults());
    }

    /** Index of the record the next call to {@link #next()} will decode (the resume position). */
    public long nextRecordIndex() {
        return nextIndex;
    }

    public ScidReadStatus status() {
        return status;
    }

    public String origin() {
        return origin;
    }

    /**
     * The next record or problem, or {@code null} when no full record is available now (see
     * {@link #status()}). I/O errors are thrown; bad data never is.
     */
    public ParseResult<ScidRecord> next() throws IOException {
        if (status.isFinal()) {
            return null;
        }
        if (!headerChecked) {
            ParseResult<ScidRecord> headerProblem = checkHeader();
            if (!headerChecked) {
                return headerProblem;
            }
        }
        if (buf.remaining() < ScidFormat.RECORD_SIZE) {
            fill();
            int remaining = buf.remaining();
            if (remaining < ScidFormat.RECORD_SIZE) {
                if (remaining == 0) {
                    status = ScidReadStatus.END_OF_FILE;
                    return null;
                }
                if (!options.fileComplete()) {
                    status = ScidReadStatus.INCOMPLETE_RECORD;
                    return null;
                }
                status = ScidReadStatus.TRUNCATED;
                long offset = bufStart + buf.position();
                return ParseResult.problem(ParseProblem.atOffset(ProblemReason.TRUNCATED_RECORD,
                        "record " + nextIndex + " has " + remaining + " of " + ScidFormat.RECORD_SIZE + " bytes at end of file",
                        origin, offset, copy(buf.position(), remaining)));
            }
        }
        status = ScidReadStatus.READING;
        return decode();
    }

    /**
     * Reads every record available now, handing values and problems to the consumers in file order.
     * Returns the number of records and problems handed over; check {@link #status()} afterwards.
     */
    public long drain(Consumer<ScidRecord> records, Consumer<ParseProblem> problems) throws IOException {
        long n = 0;
        for (ParseResult<ScidRecord> r = next(); r != null; r = next()) {
            if (r instanceof ParseResult.Parsed<ScidRecord> p) {
                records.accept(p.parsedValue());
            } else {
                problems.accept(r.problem());
            }
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private ParseResult<ScidRecord> checkHeader() throws IOException {
        bufStart = 0;
        buf.clear().limit(0);
        fill();
        if (buf.remaining() < ScidFormat.HEADER_SIZE) {
            if (!options.fileComplete()) {
                status = ScidReadStatus.INCOMPLETE_HEADER;
                return null;
            }
            status = ScidReadStatus.HEADER_REJECTED;
            return ParseResult.problem(ParseProblem.atOffset(ProblemReason.BAD_HEADER,
                    "file has " + buf.remaining() + " bytes, shorter than the " + ScidFormat.HEADER_SIZE + "-byte header",
                    origin, 0, copy(0, buf.remaining())));
        }
        String error = ScidFormat.headerError(buf, 0);
        if (error != null) {
            status = ScidReadStatus.HEADER_REJECTED;
            return ParseResult.problem(ParseProblem.atOffset(ProblemReason.BAD_HEADER, error, origin, 0,
                    copy(0, ScidFormat.HEADER_SIZE)));
        }
        headerChecked = true;
        if (nextIndex > 0) {
            seedPreviousTime();
        }
        bufStart = ScidFormat.offsetOf(nextIndex);
        buf.clear().limit(0);
        return null;
    }

    /** On resume, the record before the start index sets the baseline for TIMESTAMP_BACKWARDS. */
    private void seedPreviousTime() throws IOException {
        ByteBuffer time = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long at = ScidFormat.offsetOf(nextIndex - 1);
        while (time.hasRemaining()) {
            if (channel.read(time, at + time.position()) <= 0) {
                return;
            }
        }
        long t = time.getLong(0);
        if (t >= MIN_PLAUSIBLE_TIME && t <= MAX_PLAUSIBLE_TIME) {
            previousTime = t;
        }
    }

    /** Moves unread bytes to the front and reads as much as fits; buffer left in read mode. */
    private void fill() throws IOException {
        bufStart += buf.position();
        buf.compact();
        while (buf.hasRemaining()) {
            int n = channel.read(buf, bufStart + buf.position());
            if (n <= 0) {
                break;
            }
        }
        buf.flip();
    }

    private ParseResult<ScidRecord> decode() {
        ByteBuffer b = buf;
        int p = b.position();
        long offset = bufStart + p;
        long index = nextIndex;
        b.position(p + ScidFormat.RECORD_SIZE);
        nextIndex = index + 1;

        long time = b.getLong(p);
        float open = b.getFloat(p + 8);
        float high = b.getFloat(p + 12);
        float low = b.getFloat(p + 16);
        float close = b.getFloat(p + 20);
        int numTrades = b.getInt(p + 24);
        int volume = b.getInt(p + 28);
        int bidVolume = b.getInt(p + 32);
        int askVolume = b.getInt(p + 36);

        if (time < MIN_PLAUSIBLE_TIME || time > MAX_PLAUSIBLE_TIME) {
            return problem(ProblemReason.INVALID_VALUE, index, offset, p,
                    "timestamp " + time + " is outside 1970..2200");
        }
        if (!Float.isFinite(open) || !Float.isFinite(high) || !Float.isFinite(low) || !Float.isFinite(close)) {
            return problem(ProblemReason.INVALID_VALUE, index, offset, p,
                    "non-finite price: open " + open + " high " + high + " low " + low + " close " + close);
        }
        if ((numTrades | volume | bidVolume | askVolume) < 0) {
            return problem(ProblemReason.INVALID_VALUE, index, offset, p,
                    "implausible volume field >= 2^31: trades " + Integer.toUnsignedString(numTrades)
                            + " volume " + Integer.toUnsignedString(volume) + " bid volume " + Integer.toUnsignedString(bidVolume)
                            + " ask volume " + Integer.toUnsignedString(askVolume));
        }
        ScidRecordKind kind = ScidRecordKind.ofOpen(open);
        if (kind == ScidRecordKind.BAR && high < low) {
            return problem(ProblemReason.INVALID_VALUE, index, offset, p, "bar high " + high + " < low " + low);
        }
        double tick = options.tickSize();
        if (tick > 0) {
            String off;
            if (kind.isTick()) {
                off = offGrid(tick, close, "price", high, "ask", low, "bid", true);
            } else {
                off = offGrid(tick, open, "open", high, "high", low, "low", false);
                if (off == null && !onGrid(close, tick)) {
                    off = "close " + close + " is off the " + tick + " tick grid";
                }
            }
            if (off != null) {
                return problem(ProblemReason.OFF_TICK_GRID, index, offset, p, off);
            }
        }
        if (time < previousTime) {
            return problem(ProblemReason.TIMESTAMP_BACKWARDS, index, offset, p,
                    "time " + ScidTime.toInstant(time) + " is before the previous record's " + ScidTime.toInstant(previousTime));
        }
        previousTime = time;
        return ParseResult.parsed(new ScidRecord(index, time, open, high, low, close,
                Integer.toUnsignedLong(numTrades), Integer.toUnsignedLong(volume),
                Integer.toUnsignedLong(bidVolume), Integer.toUnsignedLong(askVolume)), offset);
    }

    /** First off-grid price among the three, or null; zeros are allowed for bid/ask when {@code zeroOk}. */
    private static String offGrid(double tick, float a, String an, float b, String bn, float c, String cn, boolean zeroOk) {
        if (!onGrid(a, tick)) {
            return an + " " + a + " is off the " + tick + " tick grid";
        }
        if (!(zeroOk && b == 0f) && !onGrid(b, tick)) {
            return bn + " " + b + " is off the " + tick + " tick grid";
        }
        if (!(zeroOk && c == 0f) && !onGrid(c, tick)) {
            return cn + " " + c + " is off the " + tick + " tick grid";
        }
        return null;
    }

    /** True when {@code price} is a multiple of {@code tick} within float32 rounding (2 ulps). */
    public static boolean onGrid(float price, double tick) {
        double p = price;
        double error = Math.abs(p - Math.rint(p / tick) * tick);
        return error <= 2.0 * Math.ulp(price) + 1e-9;
    }

    private ParseResult<ScidRecord> problem(ProblemReason reason, long index, long offset, int bufPos, String detail) {
        return ParseResult.problem(ParseProblem.atOffset(reason, "record " + index + ": " + detail, origin, offset,
                copy(bufPos, ScidFormat.RECORD_SIZE)));
    }

    private byte[] copy(int from, int length) {
        byte[] out = new byte[length];
        buf.get(from, out, 0, length);
        return out;
    }
}
