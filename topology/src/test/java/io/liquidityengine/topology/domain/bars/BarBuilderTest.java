package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;
import org.junit.jupiter.api.Test;

import static io.liquidityengine.topology.domain.TestBars.ES;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarBuilderTest {

    private final BarBuilder builder = new BarBuilder(ES, 5, new TickGrid(0.25));

    private static TradeEvent trade(long micros, double price, double size, Aggressor side) {
        return new TradeEvent(ES, micros, price, size, side);
    }

    @Test
    void shouldBuildOhlcvAndFootprintFromTicks() {
        assertThat(builder.onTick(trade(T0 + 100, 5000.00, 2, Aggressor.BUY))).isNull();
        assertThat(builder.onTick(trade(T0 + 1 * SECOND, 5000.50, 3, Aggressor.BUY))).isNull();
        assertThat(builder.onTick(trade(T0 + 2 * SECOND, 4999.75, 4, Aggressor.SELL))).isNull();
        assertThat(builder.onTick(trade(T0 + 3 * SECOND, 5000.00, 1, Aggressor.SELL))).isNull();
        assertThat(builder.onTick(trade(T0 + 4 * SECOND, 5000.25, 5, Aggressor.UNKNOWN))).isNull();

        BarValue bar = builder.flush();

        assertThat(bar.startMicros()).isEqualTo(T0);
        assertThat(bar.endMicros()).isEqualTo(T0 + 5 * SECOND);
        assertThat(bar.intervalSeconds()).isEqualTo(5);
        assertThat(bar.open()).isEqualTo(5000.00);
        assertThat(bar.high()).isEqualTo(5000.50);
        assertThat(bar.low()).isEqualTo(4999.75);
        assertThat(bar.close()).isEqualTo(5000.25);
        assertThat(bar.volume()).isEqualTo(15);
        assertThat(bar.trades()).isEqualTo(5);
        assertThat(bar.askVolume()).isEqualTo(5);
        assertThat(bar.bidVolume()).isEqualTo(5);
        assertThat(bar.footprint()).containsExactly(
                new FootprintLevel(4999.75, 4, 0),
                new FootprintLevel(5000.00, 1, 2),
                new FootprintLevel(5000.25, 0, 0),
                new FootprintLevel(5000.50, 0, 3));
        assertThat(builder.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitCompletedBarWhenTickOpensNextWindow() {
        builder.onTick(trade(T0 + 1 * SECOND, 5000.00, 1, Aggressor.BUY));
        BarValue completed = builder.onTick(trade(T0 + 7 * SECOND, 5001.00, 2, Aggressor.SELL));

        assertThat(completed.startMicros()).isEqualTo(T0);
        assertThat(completed.close()).isEqualTo(5000.00);
        assertThat(builder.windowStartMicros()).isEqualTo(T0 + 5 * SECOND);
        BarValue next = builder.flush();
        assertThat(next.open()).isEqualTo(5001.00);
        assertThat(next.bidVolume()).isEqualTo(2);
    }

    @Test
    void shouldInferAggressorFromQuoteWhenUnknown() {
        builder.onTick(new TradeEvent(ES, T0, 5000.25, 3, Aggressor.UNKNOWN, 5000.00, 5000.25));
        builder.onTick(new TradeEvent(ES, T0 + 1, 5000.00, 4, Aggressor.UNKNOWN, 5000.00, 5000.25));

        BarValue bar = builder.flush();

        assertThat(bar.askVolume()).isEqualTo(3);
        assertThat(bar.bidVolume()).isEqualTo(4);
        assertThat(bar.footprint()).containsExactly(new FootprintLevel(5000.00, 4, 0), new FootprintLevel(5000.25, 0, 3));
    }

    @Test
    void shouldRejectLateTick() {
        builder.onTick(trade(T0 + 5 * SECOND, 5000.00, 1, Aggressor.BUY));
        assertThatThrownBy(() -> builder.onTick(trade(T0 + 4 * SECOND, 5000.00, 1, Aggressor.BUY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late trade");
    }

    @Test
    void shouldRejectOffGridTick() {
        assertThatThrownBy(() -> builder.onTick(trade(T0, 5000.10, 1, Aggressor.BUY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off the tick grid");
    }

    @Test
    void shouldRejectNonPositiveSizeAndNaNPrice() {
        assertThatThrownBy(() -> trade(T0, 5000, 0, Aggressor.BUY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trade(T0, Double.NaN, 1, Aggressor.BUY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGrowFootprintOverWideRange() {
        for (int i = 0; i < 200; i++) {
            builder.onTick(trade(T0 + i, 5000.00 + (i % 2 == 0 ? i : -i) * 0.25, 1, Aggressor.BUY));
        }
        BarValue bar = builder.flush();
        assertThat(bar.footprint()).hasSize(200);
        assertThat(bar.high()).isEqualTo(5000.00 + 198 * 0.25);
        assertThat(bar.low()).isEqualTo(5000.00 - 199 * 0.25);
        assertThat(bar.footprint().get(0)).isEqualTo(new FootprintLevel(5000.00 - 199 * 0.25, 0, 1));
    }

    @Test
    void shouldStartCleanAfterReset() {
        builder.onTick(trade(T0, 5000.00, 1, Aggressor.BUY));
        builder.reset();
        builder.onTick(trade(T0 + 20 * SECOND, 4000.00, 1, Aggressor.SELL));
        BarValue bar = builder.flush();
        assertThat(bar.footprint()).containsExactly(new FootprintLevel(4000.00, 1, 0));
        assertThat(bar.volume()).isEqualTo(1);
    }

    @Test
    void shouldAlignWindowsToEpoch() {
        assertThat(BarWindows.windowStart(T0 + 7 * SECOND + 3, 5)).isEqualTo(T0 + 5 * SECOND);
        assertThat(BarWindows.windowStart(T0 + 59 * SECOND, 60)).isEqualTo(T0);
        assertThat(BarWindows.windowEnd(T0, 300)).isEqualTo(T0 + 300 * SECOND);
        assertThat(BarWindows.windowStart(-1, 5)).isEqualTo(-5 * SECOND);
    }
}
