package io.liquidityengine.dtc.server;

/**
 * One trade the server will print, with the best bid and ask at that moment (0 when unknown).
 *
 * @param timeMicros exchange time, UTC microseconds
 * @param atBidOrAsk DTC AtBidOrAsk: 1 at the bid, 2 at the ask, 0 unknown
 */
public record TapeTrade(long timeMicros, double price, double volume, int atBidOrAsk, double bid, double ask) {
}
