package io.liquidityengine.ingest.sierra.scid;

import java.time.Instant;

/**
 * One 40-byte SCID record as stored, plus its zero-based index in the file (the resume position).
 * Volumes are the unsigned 32-bit fields widened to {@code long}.
 *
 * @param index            zero-based record index (byte offset = 56 + 40 x index)
 * @param scDateTimeMicros SCDateTimeMS: microseconds since 1899-12-30 00:00 UTC
 * @param open             0 for a tick, a sentinel for an unbundled sub-trade, else the bar open
 * @param high             bar high, or the ask for a tick
 * @param low              bar low, or the bid for a tick
 * @param close            bar close, or the trade price for a tick
 * @param numTrades        number of trades
 * @param totalVolume      total volume
 * @param bidVolume        volume traded at the bid (sellers aggressing)
 * @param askVolume        volume traded at the ask (buyers aggressing)
 */
public record ScidRecord(
        long index,
        long scDateTimeMicros,
        float open,
        float high,
        float low,
        float close,
        long numTrades,
        long totalVolume,
        long bidVolume,
        long askVolume) {

    public ScidRecordKind kind() {
        return ScidRecordKind.ofOpen(open);
    }

    public boolean isTick() {
        return kind().isTick();
    }

    /** Event time as microseconds since the Unix epoch (UTC). */
    public long epochMicros() {
        return ScidTime.toEpochMicros(scDateTimeMicros);
    }

    public Instant instant() {
        return ScidTime.toInstant(scDateTimeMicros);
    }

    /** Trade price of a tick (the close field). */
    public float price() {
        return close;
    }

    /** Ask of a tick (the high field). */
    public float ask() {
        return high;
    }

    /** Bid of a tick (the low field). */
    public float bid() {
        return low;
    }

    /** BUY when only ask volume is set, SELL when only bid volume is set, else UNKNOWN. */
    public Aggressor aggressor() {
        if (askVolume > 0 && bidVolume == 0) {
            return Aggressor.BUY;
        }
        if (bidVolume > 0 && askVolume == 0) {
            return Aggressor.SELL;
        }
        return Aggressor.UNKNOWN;
    }
}
