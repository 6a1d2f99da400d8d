package io.liquidityengine.ingest.sample;

import io.liquidityengine.ingest.sierra.scid.Aggressor;

/**
 * One synthetic trade.
 *
 * @param epochMicros trade time, microseconds since the Unix epoch
 * @param price       trade price (the ask for a BUY, the bid for a SELL)
 * @param bid         best bid at the trade
 * @param ask         best ask at the trade (bid + one tick)
 * @param volume      contracts
 * @param aggressor   BUY or SELL
 */
public record SampleTick(long epochMicros, double price, double bid, double ask, long volume, Aggressor aggressor) {
}
