/**
 * The plain-Java domain core of the topology: no Kafka, Avro or Quarkus in here.
 *
 * <ul>
 *   <li>{@code bars}: ticks -> base bars with footprint ({@code BarBuilder}), roll-ups ({@code BarRollup}).</li>
 *   <li>{@code indicators}: RSI, EMA, ATR (defined as ta4j 0.17's), session VWAP.</li>
 *   <li>{@code levels}: liquidity levels, fills, gaps ({@code LevelBook}), stacked imbalances.</li>
 *   <li>{@code trend}: liquidity side V1, chop periods, trend V2.</li>
 *   <li>{@code delta}: option-delta ROC15 / slope / position, as-of join by event time.</li>
 *   <li>{@code bias}: extension counter, bias and per-minute flips.</li>
 *   <li>{@code strategy}: the {@code Strategy} SPI, the reference strategy and plan lifecycle, flatten rule.</li>
 *   <li>{@code engine}: {@code ReferenceSignalEngine}, all of the above per instrument.</li>
 * </ul>
 *
 * <p>Times are UTC epoch microseconds; prices are doubles on the instrument's tick grid
 * ({@link io.liquidityengine.topology.domain.TickGrid}); state objects are fed in event-time order
 * and have {@code reset()}.
 */
package io.liquidityengine.topology.domain;
