package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static io.liquidityengine.topology.domain.TestBars.footprintBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarRollupTest {

    private final TickGrid grid = new TickGrid(0.25);

    @Test
    void shouldMergeBaseBarsIntoOneMinuteBarWithMergedFootprint() {
        BarValue a = footprintBar(0, 5000.00, 5000.50, 5000.00, 5000.25,
                5000.00, 1, 2, 5000.25, 0, 3, 5000.50, 4, 0);
        BarValue b = footprintBar(5, 5000.25, 5000.25, 4999.50, 4999.75,
                4999.50, 5, 0, 5000.25, 2, 1);
        BarValue c = footprintBar(55, 4999.75, 5001.00, 4999.75, 5000.75,
                5001.00, 0, 7);

        BarValue minute = BarRollup.merge(List.of(a, b, c), 60, grid);

        assertThat(minute.intervalSeconds()).isEqualTo(60);
        assertThat(minute.startMicros()).isEqualTo(T0);
        assertThat(minute.endMicros()).isEqualTo(T0 + 60 * SECOND);
        assertThat(minute.open()).isEqualTo(5000.00);
        assertThat(minute.high()).isEqualTo(5001.00);
        assertThat(minute.low()).isEqualTo(4999.50);
        assertThat(minute.close()).isEqualTo(5000.75);
        assertThat(minute.volume()).isEqualTo(25);
        assertThat(minute.trades()).isEqualTo(6);
        assertThat(minute.bidVolume()).isEqualTo(12);
        assertThat(minute.askVolume()).isEqualTo(13);
        assertThat(minute.footprint()).containsExactly(
                new FootprintLevel(4999.50, 5, 0),
                new FootprintLevel(5000.00, 1, 2),
                new FootprintLevel(5000.25, 2, 4),
                new FootprintLevel(5000.50, 4, 0),
                new FootprintLevel(5001.00, 0, 7));
    }

    @Test
    void shouldEmitRollupWhenBarOfNextWindowArrives() {
        BarRollup rollup = new BarRollup("ES", 60, grid);
        assertThat(rollup.onBar(footprintBar(50, 1, 1, 1, 1, 1.0, 1, 1))).isNull();
        assertThat(rollup.onBar(footprintBar(55, 1, 2, 1, 2, 2.0, 0, 1))).isNull();

        BarValue completed = rollup.onBar(footprintBar(60, 2, 2, 2, 2, 2.0, 1, 0));

        assertThat(completed.startMicros()).isEqualTo(T0);
        assertThat(completed.close()).isEqualTo(2);
        assertThat(completed.volume()).isEqualTo(3);
        BarValue open = rollup.flush();
        assertThat(open.startMicros()).isEqualTo(T0 + 60 * SECOND);
        assertThat(open.volume()).isEqualTo(1);
    }

    @Test
    void shouldRejectBaseIntervalThatDoesNotDivideTarget() {
        BarRollup rollup = new BarRollup("ES", 60, grid);
        BarValue sevenSeconds = BarValue.ohlcv("ES", 7, T0, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> rollup.onBar(sevenSeconds)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectMergeSpanningTwoWindows() {
        assertThatThrownBy(() -> BarRollup.merge(List.of(footprintBar(0, 1, 1, 1, 1, 1.0, 1, 1),
                footprintBar(60, 1, 1, 1, 1, 1.0, 1, 1)), 60, grid)).isInstanceOf(IllegalArgumentException.class);
    }
}
