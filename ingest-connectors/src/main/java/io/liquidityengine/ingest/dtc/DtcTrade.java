package io.liquidityengine.ingest.dtc;

/**
 * One trade of a DTC symbol as received, live or from historical tick data, before it is checked
 * against the instrument. DTC trades carry no trade id: a trade is identified by its place in the
 * stream, and two trades are the same print when time, price, volume and side agree.
 *
 * @param timeMicros exchange time, UTC microseconds (DTC sends seconds as a double; rounded to the microsecond)
 * @param price      trade price as sent
 * @param volume     traded quantity as sent
 * @param atBidOrAsk DTC {@code AtBidOrAsk}: 1 at the bid (a seller hit it), 2 at the ask (a buyer lifted it), 0 unknown
 * @param bid        best bid of the last bid/ask update before a live trade; NaN when unknown (historical ticks carry none)
 * @param ask        best ask likewise
 */
public record DtcTrade(long timeMicros, double price, double volume, int atBidOrAsk, double bid, double ask) {

    /** A trade without a quote (a historical tick). */
    public DtcTrade(long timeMicros, double price, double volume, int atBidOrAsk) {
        this(timeMicros, price, volume, atBidOrAsk, Double.NaN, Double.NaN);
    }

    /** DTC time (seconds with a fraction, as a double) to microseconds; exact for microsecond times of this century. */
    public static long micros(double dtcSeconds) {
        return Math.round(dtcSeconds * 1_000_000d);
    }

    /** Microseconds to DTC time (seconds with a fraction). */
    public static double seconds(long micros) {
        return micros / 1_000_000d;
    }

    /** Same print: time, price, volume and side agree (the quote is not part of the print). */
    boolean samePrint(DtcTrade other) {
        return timeMicros == other.timeMicros && atBidOrAsk == other.atBidOrAsk
                && Double.compare(price, other.price) == 0 && Double.compare(volume, other.volume) == 0;
    }
}
