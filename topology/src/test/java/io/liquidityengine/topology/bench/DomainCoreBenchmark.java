package io.liquidityengine.topology.bench;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.Aggressor;
import io.liquidityengine.topology.domain.bars.BarBuilder;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.TradeEvent;
import io.liquidityengine.topology.domain.engine.EngineConfig;
import io.liquidityengine.topology.domain.engine.ReferenceSignalEngine;

/**
 * Domain core alone, one thread: ticks -> 5 s bars with footprint -> the reference signal engine
 * (levels, trend, RSI, option-delta position, bias, plans), one option-delta value per minute.
 * Ticks are pre-built so only the core is timed. A documentation benchmark, not a test; see
 * BENCHMARKS.md for the command.
 */
public final class DomainCoreBenchmark {

    private DomainCoreBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BenchTicks source = new BenchTicks(n, "ES");
        TradeEvent[] ticks = new TradeEvent[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = new TradeEvent("ES", source.timeMicros[i], source.price[i], source.size[i],
                    source.buy[i] ? Aggressor.BUY : Aggressor.SELL);
        }
        TickGrid grid = new TickGrid(0.25);
        for (int round = 0; round < rounds; round++) {
            BarBuilder builder = new BarBuilder("ES", 5, grid);
            ReferenceSignalEngine engine = new ReferenceSignalEngine(EngineConfig.defaults("ES", 0.25));
            long bars = 0;
            long levelEvents = 0;
            long flips = 0;
            long nextMinute = Long.MIN_VALUE;
            long start = System.nanoTime();
            for (TradeEvent t : ticks) {
                if (t.timeMicros() >= nextMinute) {
                    long minute = t.timeMicros() / 60_000_000L;
                    engine.onOptionDelta(t.timeMicros(), 5000 + 37 * Math.sin(minute / 5.0) * (minute % 50));
                    nextMinute = (minute + 1) * 60_000_000L;
                }
                BarValue bar = builder.onTick(t);
                if (bar != null) {
                    var out = engine.onBar(bar);
                    bars++;
                    levelEvents += out.levelEvents().size();
                    flips += out.bias().flip() ? 1 : 0;
                }
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("round %d: %,d ticks -> %,d bars, %,d level events, %,d bias flips in %.1f ms = %,.0f ticks/s%n",
                    round, n, bars, levelEvents, flips, elapsed / 1e6, n / (elapsed / 1e9));
        }
    }
}
