package io.liquidityengine.topology.domain.levels;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.FootprintLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds stacked footprint imbalances in one bar.
 *
 * <p>Buy imbalance at p: ask(p) >= ratio x bid(p - 1 tick) and ask(p) >= minVolume. Sell imbalance
 * at p: bid(p) >= ratio x ask(p + 1 tick) and bid(p) >= minVolume. A price inside the bar's range
 * without trades has zero volume; the diagonal of the bar's lowest price (for buys) or highest
 * price (for sells) lies outside the bar and is not compared. A run of at least {@code minStack}
 * consecutive imbalanced prices is a stack: a buy stack draws a level at its lowest price, a sell
 * stack at its highest. Stateless.
 */
public final class ImbalanceDetector {

    private final ImbalanceConfig config;
    private final TickGrid grid;

    public ImbalanceDetector(ImbalanceConfig config, TickGrid grid) {
        this.config = Objects.requireNonNull(config, "config");
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    /** Stacks in a footprint (ascending by price), buy stacks first, each side ascending by price. */
    public List<Imbalance> detect(List<FootprintLevel> footprint) {
        if (footprint.isEmpty()) {
            return List.of();
        }
        long minTick = grid.ticks(footprint.get(0).price());
        long maxTick = grid.ticks(footprint.get(footprint.size() - 1).price());
        int n = (int) (maxTick - minTick + 1);
        double[] bid = new double[n];
        double[] ask = new double[n];
        for (FootprintLevel level : footprint) {
            int i = (int) (grid.ticks(level.price()) - minTick);
            bid[i] += level.bidVolume();
            ask[i] += level.askVolume();
        }
        List<Imbalance> out = new ArrayList<>(2);
        int run = 0;
        for (int i = 1; i <= n; i++) {
            boolean imbalanced = i < n && ask[i] >= config.minVolume() && ask[i] >= config.ratio() * bid[i - 1];
            if (imbalanced) {
                run++;
            } else {
                if (run >= config.minStack()) {
                    int low = i - run;
                    out.add(new Imbalance(true, grid.price(minTick + low), grid.price(minTick + low),
                            grid.price(minTick + i - 1), run));
                }
                run = 0;
            }
        }
        run = 0;
        for (int i = 0; i <= n - 1; i++) {
            boolean imbalanced = i < n - 1 && bid[i] >= config.minVolume() && bid[i] >= config.ratio() * ask[i + 1];
            if (imbalanced) {
                run++;
            } else {
                if (run >= config.minStack()) {
                    int low = i - run;
                    out.add(new Imbalance(false, grid.price(minTick + i - 1), grid.price(minTick + low),
                            grid.price(minTick + i - 1), run));
                }
                run = 0;
            }
        }
        return out;
    }

    public ImbalanceConfig config() {
        return config;
    }
}
