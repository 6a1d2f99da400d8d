package io.liquidityengine.topology.domain.indicators;

import io.liquidityengine.topology.domain.TestBars;
import io.liquidityengine.topology.domain.bars.BarValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ta4j 0.17 (DecimalNum) is the oracle for RSI, EMA and ATR over 300 real ES minute bars. */
class IndicatorsMatchTa4jTest {

    private static List<BarValue> bars;
    private static BarSeries series;

    @BeforeAll
    static void loadSeries() {
        bars = TestBars.esMinuteBars();
        series = new BaseBarSeriesBuilder().withName("ES").build();
        for (BarValue bar : bars) {
            series.addBar(Instant.ofEpochSecond(bar.endMicros() / 1_000_000L).atZone(ZoneOffset.UTC),
                    bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        }
    }

    @Test
    void seriesShouldHoldThreeHundredBars() {
        assertThat(bars).hasSize(300);
        assertThat(series.getBarCount()).isEqualTo(300);
    }

    @Test
    void rsiShouldEqualTa4jOnEveryBar() {
        RSIIndicator oracle = new RSIIndicator(new ClosePriceIndicator(series), 14);
        Rsi rsi = new Rsi(14);
        for (int i = 0; i < bars.size(); i++) {
            double value = rsi.onBar(bars.get(i).close());
            assertThat(value).as("RSI at bar %d", i).isCloseTo(oracle.getValue(i).doubleValue(), within(1e-9));
            assertThat(rsi.isReady()).as("ready at bar %d", i).isEqualTo(i >= 14);
        }
    }

    @Test
    void emaShouldEqualTa4jOnEveryBar() {
        EMAIndicator oracle = new EMAIndicator(new ClosePriceIndicator(series), 20);
        Ema ema = new Ema(20);
        for (int i = 0; i < bars.size(); i++) {
            double value = ema.onValue(bars.get(i).close());
            assertThat(value).as("EMA at bar %d", i).isCloseTo(oracle.getValue(i).doubleValue(), within(1e-9));
        }
    }

    @Test
    void atrShouldEqualTa4jOnEveryBar() {
        ATRIndicator oracle = new ATRIndicator(series, 14);
        Atr atr = new Atr(14);
        for (int i = 0; i < bars.size(); i++) {
            BarValue bar = bars.get(i);
            double value = atr.onBar(bar.high(), bar.low(), bar.close());
            assertThat(value).as("ATR at bar %d", i).isCloseTo(oracle.getValue(i).doubleValue(), within(1e-9));
        }
    }
}
