/**
 * The paper broker: fills brackets against trades from {@code md.ticks}, in event time.
 * <ul>
 *   <li>An entry fills only on trades at or after the order's event time: in a replay a trade printed
 *       before the signal can reach the broker after the order, and must not fill it.</li>
 *   <li>MARKET entry: at the next such trade, plus slippage.</li>
 *   <li>LIMIT (entry or target): when a trade prints strictly through the limit (a buy limit fills
 *       when a trade prints below it) — a print at the limit may be someone else's queue; with
 *       {@link io.liquidityengine.execution.paper.PaperBroker.LimitFill#TOUCH} a print at the limit
 *       is enough. Filled at the limit price, never with slippage.</li>
 *   <li>STOP (entry or leg stop): when a trade touches the stop; filled at that trade's price plus
 *       slippage against the order (a gap fills at the gapped price).</li>
 *   <li>Exit legs become working on the trade after the entry fill; a leg's target and stop are
 *       OCO: the fill of one cancels the other. When both would fill on one trade the stop wins.</li>
 *   <li>FLATTEN: cancels the working exits and closes the open quantity at the next trade, plus slippage.</li>
 * </ul>
 * Prices are handled as whole ticks, commission per contract as an exact decimal.
 */
package io.liquidityengine.execution.paper;
