package io.liquidityengine.topology.domain.engine;

import static io.liquidityengine.topology.domain.TestBars.ES;
import static io.liquidityengine.topology.domain.TestBars.MINUTE;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.topology.domain.TestBars;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.strategy.rules.RuleSpec;
import io.liquidityengine.topology.domain.strategy.rules.RuleStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Restoring state from its bytes at any point continues exactly as the uninterrupted original. */
class EngineStateCodecTest {

    @Test
    void anEngineRestoredBeforeEveryBarShouldProduceExactlyWhatTheOriginalDoes() {
        ReferenceSignalEngine original = new ReferenceSignalEngine(EngineConfig.defaults(ES, 0.25));
        ReferenceSignalEngine restored = new ReferenceSignalEngine(EngineConfig.defaults(ES, 0.25));
        int levelEvents = 0;

        long seed = 11;
        long price = 20_000;
        for (int i = 0; i < 3_000; i++) {
            long start = T0 + 5 * SECOND * i;
            if (i % 12 == 0) {
                double delta = 100 + (i / 12) * (i / 12) % 977 - 30 * Math.cos(i / 300.0);
                original.onOptionDelta(start, delta);
                restored.onOptionDelta(start, delta);
            }
            if (i % 250 == 100) {   // imported levels: one unfilled, one with a fill time two minutes later
                ImportedLevel open = ImportedLevel.unfilled("u" + i, start - SECOND, (price + 12) * 0.25);
                ImportedLevel later = new ImportedLevel("f" + i, start - SECOND, (price - 40) * 0.25, start + 2 * MINUTE);
                assertThat(restored.onImportedLevel(open)).isEqualTo(original.onImportedLevel(open));
                assertThat(restored.onImportedLevel(later)).isEqualTo(original.onImportedLevel(later));
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 58);
            long open = price;
            price += r < 26 ? -(r % 5) : r > 37 ? r % 5 : 0;
            BarValue bar = bar(start, open, price, r);
            restored = EngineStateCodec.decode(EngineStateCodec.encode(restored), EngineConfig::defaults);
            SignalOutput a = original.onBar(bar);
            SignalOutput b = restored.onBar(bar);
            assertThat(b.levelEvents()).as("levels at bar %d", i).isEqualTo(a.levelEvents());
            assertThat(b.bias()).as("bias at bar %d", i).isEqualTo(a.bias());
            assertThat(b.plans()).as("plans at bar %d", i).isEqualTo(a.plans());
            levelEvents += a.levelEvents().size();
        }
        assertThat(EngineStateCodec.encode(restored)).isEqualTo(EngineStateCodec.encode(original));
        assertThat(levelEvents).isGreaterThan(100);
        assertThat(original.levels().unfilledCount()).isPositive();
    }

    /** A 5 s bar from open to close ticks with a footprint that sometimes stacks buy or sell imbalances. */
    private static BarValue bar(long start, long openTick, long closeTick, int r) {
        long lo = Math.min(openTick, closeTick) - (r & 1);
        long hi = Math.max(openTick, closeTick) + ((r >> 1) & 1);
        List<FootprintLevel> fp = new ArrayList<>();
        double bid = 0;
        double ask = 0;
        for (long t = lo; t <= hi; t++) {
            double b = r % 7 == 0 ? 12 : 1 + (t + r) % 3;
            double a = r % 7 == 1 ? 12 : 1 + (t * 3 + r) % 4;
            fp.add(new FootprintLevel(t * 0.25, b, a));
            bid += b;
            ask += a;
        }
        return new BarValue(ES, 5, start, start + 5 * SECOND, openTick * 0.25, hi * 0.25, lo * 0.25, closeTick * 0.25,
                bid + ask, fp.size(), bid, ask, fp, Map.of());
    }

    @Test
    void aRuleStrategyRestoredBeforeEveryBarShouldProduceExactlyWhatTheOriginalDoes() throws IOException {
        String json;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/strategies/ema-cross-patterns.json"))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RuleSpec spec = RuleSpec.parse(json);
        RuleStrategy original = new RuleStrategy("x", ES, TestBars.ES_GRID, spec);
        RuleStrategy restored = new RuleStrategy("x", ES, TestBars.ES_GRID, spec);
        int events = 0;
        for (BarValue minute : TestBars.esMinuteBars()) {
            // fed as 5 s pieces so that a partial minute is part of the captured state
            for (BarValue piece : split(minute)) {
                RuleStrategy copy = new RuleStrategy("x", ES, TestBars.ES_GRID, spec);
                copy.restore(restored.capture());
                restored = copy;
                var a = original.onBar(piece);
                assertThat(restored.onBar(piece)).isEqualTo(a);
                events += a.size();
            }
        }
        assertThat(restored.capture()).isEqualTo(original.capture());
        assertThat(events).isPositive();
    }

    private static List<BarValue> split(BarValue m) {
        List<BarValue> out = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            long s = m.startMicros() + k * 5 * SECOND;
            double o = k == 0 ? m.open() : k == 1 ? m.open() : k == 2 ? m.high() : m.low();
            double c = k == 0 ? m.open() : k == 1 ? m.high() : k == 11 ? m.close() : m.low();
            double h = Math.max(o, c);
            double l = Math.min(o, c);
            out.add(BarValue.ohlcv(ES, 5, s, o, h, l, c, k == 0 ? m.volume() : 0));
        }
        return out;
    }
}
