package io.liquidityengine.topology.domain.levels;

/**
 * A stack of footprint imbalances in one bar.
 *
 * @param buy        true for buy (ask) imbalances, false for sell (bid) imbalances
 * @param levelPrice the level it draws: lowest price of a buy stack, highest of a sell stack
 * @param lowPrice   lowest price of the stack
 * @param highPrice  highest price of the stack
 * @param size       number of consecutive imbalanced prices
 */
public record Imbalance(boolean buy, double levelPrice, double lowPrice, double highPrice, int size) {
}
