package io.liquidityengine.topology.domain.indicators;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.FootprintLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IndicatorsTest {

    @Test
    void rsiShouldFollowWilderSmoothingByHand() {
        Rsi rsi = new Rsi(2);
        assertThat(rsi.onBar(10)).isEqualTo(0);        // no gain, no loss
        assertThat(rsi.onBar(12)).isEqualTo(100);      // gain avg 1, loss avg 0
        // gain avg = 1 + (0 - 1) / 2 = 0.5; loss avg = 0 + (3 - 0) / 2 = 1.5; RS = 1/3 -> 25
        assertThat(rsi.onBar(9)).isCloseTo(25.0, within(1e-12));
        assertThat(rsi.isReady()).isTrue();
    }

    @Test
    void rsiShouldNotBeReadyDuringWarmUp() {
        Rsi rsi = new Rsi(14);
        for (int i = 0; i < 14; i++) {
            rsi.onBar(100 + i);
            assertThat(rsi.isReady()).isFalse();
        }
        rsi.onBar(120);
        assertThat(rsi.isReady()).isTrue();
        rsi.reset();
        assertThat(rsi.isReady()).isFalse();
        assertThat(rsi.value()).isNaN();
    }

    @Test
    void emaShouldSeedWithFirstValue() {
        Ema ema = new Ema(3);
        assertThat(ema.onValue(10)).isEqualTo(10);
        assertThat(ema.onValue(20)).isEqualTo(15);     // 10 + (20 - 10) * 0.5
        assertThat(ema.onValue(20)).isEqualTo(17.5);
        assertThat(ema.isReady()).isTrue();
    }

    @Test
    void atrShouldUseTrueRangeWithPreviousClose() {
        Atr atr = new Atr(2);
        assertThat(atr.onBar(11, 9, 10)).isEqualTo(2);             // first TR = high - low
        assertThat(atr.onBar(15, 14, 14.5)).isEqualTo(3.5);        // TR = 15 - 10 = 5 -> 2 + (5 - 2) / 2
        assertThatThrownBy(() -> atr.onBar(1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionVwapShouldWeightFootprintAndResetAtSessionStart() {
        ZoneId ny = ZoneId.of("America/New_York");
        SessionVwap vwap = new SessionVwap(ny, LocalTime.of(9, 30));
        // T0 = 09:30 New York (14:30 UTC)
        BarValue first = new BarValue("ES", 5, T0, T0 + 5 * SECOND, 100, 101, 100, 101, 4, 2, 1, 3,
                List.of(new FootprintLevel(100, 1, 0), new FootprintLevel(101, 0, 3)), Map.of());
        assertThat(vwap.onBar(first)).isEqualTo(100.75);
        BarValue noFootprint = BarValue.ohlcv("ES", 5, T0 + 5 * SECOND, 102, 103, 102, 102.5, 4);
        // (100 + 303 + 4 * 102.5) / 8
        assertThat(vwap.onBar(noFootprint)).isCloseTo((100 + 303 + 410) / 8.0, within(1e-12));
        BarValue nextDay = BarValue.ohlcv("ES", 5, T0 + 24 * 3600 * SECOND, 90, 93, 90, 90, 2);
        assertThat(vwap.onBar(nextDay)).isEqualTo(91);
        BarValue beforeOpen = BarValue.ohlcv("ES", 5, T0 - 5 * SECOND, 1, 1, 1, 1, 1);
        assertThat(vwap.sessionKeyOf(beforeOpen.startMicros())).isEqualTo(vwap.sessionKeyOf(T0) - 1);
    }
}
