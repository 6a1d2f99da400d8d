package io.liquidityengine.ingest.sample;

/**
 * Facts about a generated day, for tests and the demo to assert on.
 *
 * @param tickCount        number of ticks (SCID records)
 * @param firstEpochMicros time of the first tick
 * @param lastEpochMicros  time of the last tick
 * @param open             first trade price
 * @param close            last trade price
 * @param high             highest trade price
 * @param low              lowest trade price
 * @param totalVolume      sum of trade sizes
 * @param buyVolume        volume of BUY-aggressor trades
 * @param sellVolume       volume of SELL-aggressor trades
 * @param deltaRows        number of option-delta rows (one per minute)
 */
public record SampleDaySummary(
        long tickCount,
        long firstEpochMicros,
        long lastEpochMicros,
        double open,
        double close,
        double high,
        double low,
        long totalVolume,
        long buyVolume,
        long sellVolume,
        int deltaRows) {
}
