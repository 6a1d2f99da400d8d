package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;

/**
 * Throughput of ticks -> 5 s bars on one thread (a documentation benchmark, not a test).
 * Run after {@code ./mvnw -o -q -pl topology test-compile}:
 * {@code java -cp topology/target/classes:topology/target/test-classes
 * io.liquidityengine.topology.domain.bars.BarBuilderBenchmark [ticks]}.
 * Ticks are pre-generated (a random walk on the ES grid, ~50 ticks per bar) so only the builder is timed.
 */
public final class BarBuilderBenchmark {

    private BarBuilderBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        TradeEvent[] ticks = new TradeEvent[n];
        long seed = 42;
        long priceTicks = 20_000;
        long time = 1_733_495_400_000_000L;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 59);
            priceTicks += r < 12 ? -1 : r > 19 ? 1 : 0;
            time += 100_000;
            Aggressor side = (r & 1) == 0 ? Aggressor.BUY : Aggressor.SELL;
            ticks[i] = new TradeEvent("ES", time, priceTicks * 0.25, 1 + (r & 3), side);
        }
        TickGrid grid = new TickGrid(0.25);
        for (int round = 0; round < 5; round++) {
            BarBuilder builder = new BarBuilder("ES", 5, grid);
            long bars = 0;
            long start = System.nanoTime();
            for (TradeEvent t : ticks) {
                if (builder.onTick(t) != null) {
                    bars++;
                }
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("round %d: %,d ticks -> %,d bars in %.1f ms = %,.0f ticks/s%n",
                    round, n, bars, elapsed / 1e6, n / (elapsed / 1e9));
        }
    }
}
