package io.liquidityengine.topology.domain.delta;

import org.junit.jupiter.api.Test;

import static io.liquidityengine.topology.domain.TestBars.MINUTE;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OptionDeltaSeriesTest {

    private static final long M0 = T0 / MINUTE;

    private static OptionDeltaSeries series(java.util.function.LongToDoubleFunction v, int minutes) {
        OptionDeltaSeries s = new OptionDeltaSeries();
        for (int m = 0; m < minutes; m++) {
            s.onValue(T0 + m * MINUTE + 3 * SECOND, v.applyAsDouble(m));
        }
        return s;
    }

    @Test
    void shouldComputeRoc15AndSlopeOnKnownSeries() {
        OptionDeltaSeries s = series(m -> 100 + m * m, 24);       // v[m] = 100 + m^2

        assertThat(s.roc(M0 + 15)).isEqualTo(2.25);               // (325 - 100) / 100
        assertThat(s.roc(M0 + 23)).isCloseTo(465.0 / 164.0, within(1e-15)); // (629 - 164) / 164
        assertThat(s.slope(M0 + 23)).isCloseTo(465.0 / 164.0 - 2.25, within(1e-15));
        assertThat(s.reading(M0 + 23).position()).isEqualTo(DeltaPosition.LONG);
    }

    @Test
    void shouldBeShortWhenRocAndSlopeAreNegative() {
        OptionDeltaSeries s = series(m -> -100 - m * m, 24);
        assertThat(s.roc(M0 + 23)).isCloseTo(-465.0 / 164.0, within(1e-15));
        assertThat(s.reading(M0 + 23).position()).isEqualTo(DeltaPosition.SHORT);
    }

    @Test
    void shouldHoldWhenRocPositiveButSlopeNegative() {
        OptionDeltaSeries s = series(m -> 100 + 2 * m, 24);      // decelerating growth
        assertThat(s.roc(M0 + 23)).isCloseTo(30.0 / 116.0, within(1e-15));
        assertThat(s.slope(M0 + 23)).isCloseTo(30.0 / 116.0 - 0.3, within(1e-15));
        assertThat(s.reading(M0 + 23).position()).isEqualTo(DeltaPosition.HOLD);
    }

    @Test
    void shouldLeaveRocUndefinedWhenBaseValueIsZero() {
        OptionDeltaSeries s = series(m -> m, 24);                  // v[0] = 0: ROC at minute 15 divides by 0
        assertThat(s.roc(M0 + 15)).isNaN();
        assertThat(s.slope(M0 + 23)).isNaN();                      // needs ROC at minute 15
        assertThat(s.reading(M0 + 23).position()).isEqualTo(DeltaPosition.HOLD);
    }

    @Test
    void shouldLeaveReadingsUndefinedBeforeFifteenMinutes() {
        OptionDeltaSeries s = series(m -> 100 + m, 10);
        DeltaReading r = s.reading(M0 + 9);
        assertThat(r.value()).isEqualTo(109);
        assertThat(r.roc()).isNaN();
        assertThat(r.slope()).isNaN();
        assertThat(r.position()).isEqualTo(DeltaPosition.HOLD);
    }

    @Test
    void shouldKeepTheFirstValueOfEachMinute() {
        OptionDeltaSeries s = new OptionDeltaSeries();
        assertThat(s.onValue(T0 + 5 * SECOND, 10)).isTrue();
        assertThat(s.onValue(T0 + 50 * SECOND, 99)).isFalse();
        assertThat(s.value(M0)).isEqualTo(10);
    }

    @Test
    void shouldReadAsOfLastCompletedMinuteNeverTheCurrentOne() {
        OptionDeltaSeries s = series(m -> 100 + m, 30);
        // a bar ending exactly at minute 24:00 reads minute 23; minute 24 has a value but is not complete
        assertThat(s.asOf(T0 + 24 * MINUTE).minuteMicros()).isEqualTo(T0 + 23 * MINUTE);
        assertThat(s.asOf(T0 + 24 * MINUTE - 1).minuteMicros()).isEqualTo(T0 + 22 * MINUTE);
        assertThat(s.asOf(T0 + 24 * MINUTE + 5 * SECOND).value()).isEqualTo(123);
    }

    @Test
    void shouldFallBackToLatestEarlierMinuteWhenLastCompletedIsMissing() {
        OptionDeltaSeries s = new OptionDeltaSeries();
        s.onValue(T0, 5);
        assertThat(s.asOf(T0 + 10 * MINUTE).minuteMicros()).isEqualTo(T0);
        assertThat(s.asOf(T0 + 30 * SECOND)).isEqualTo(DeltaReading.EMPTY);
    }

    @Test
    void shouldRejectNaNAndIgnoreValuesOlderThanHistory() {
        OptionDeltaSeries s = new OptionDeltaSeries();
        assertThatThrownBy(() -> s.onValue(T0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        s.onValue(T0 + 100 * MINUTE, 1);
        assertThat(s.onValue(T0, 2)).isFalse();
        assertThat(s.value(M0)).isNaN();
    }
}
