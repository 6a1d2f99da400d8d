package io.liquidityengine.topology.domain.bias;

import io.liquidityengine.topology.domain.delta.DeltaPosition;
import org.junit.jupiter.api.Test;

import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;

class BiasTest {

    @Test
    void biasShouldNeedSideAndDeltaToAgree() {
        assertThat(Bias.of(1, DeltaPosition.LONG)).isEqualTo(Bias.LONG);
        assertThat(Bias.of(-1, DeltaPosition.SHORT)).isEqualTo(Bias.SHORT);
        assertThat(Bias.of(1, DeltaPosition.SHORT)).isEqualTo(Bias.HOLD);
        assertThat(Bias.of(-1, DeltaPosition.LONG)).isEqualTo(Bias.HOLD);
        assertThat(Bias.of(0, DeltaPosition.LONG)).isEqualTo(Bias.HOLD);
        assertThat(Bias.of(1, DeltaPosition.HOLD)).isEqualTo(Bias.HOLD);
    }

    @Test
    void shouldFlipAgainstTheBiasOneMinuteEarlier() {
        BiasTracker tracker = new BiasTracker();
        assertThat(tracker.onBar(T0, Bias.HOLD)).isEqualTo(new BiasTracker.Result(Bias.HOLD, Bias.HOLD, false));
        assertThat(tracker.onBar(T0 + 55 * SECOND, Bias.HOLD).flip()).isFalse();
        // minute 1: previous minute ended HOLD
        assertThat(tracker.onBar(T0 + 60 * SECOND, Bias.LONG)).isEqualTo(new BiasTracker.Result(Bias.LONG, Bias.HOLD, true));
        assertThat(tracker.onBar(T0 + 65 * SECOND, Bias.LONG)).isEqualTo(new BiasTracker.Result(Bias.LONG, Bias.HOLD, true));
        // minute 2: previous minute ended LONG
        assertThat(tracker.onBar(T0 + 120 * SECOND, Bias.LONG)).isEqualTo(new BiasTracker.Result(Bias.LONG, Bias.LONG, false));
        assertThat(tracker.onBar(T0 + 125 * SECOND, Bias.SHORT)).isEqualTo(new BiasTracker.Result(Bias.SHORT, Bias.LONG, true));
        assertThat(tracker.onBar(T0 + 130 * SECOND, Bias.LONG).flip()).isFalse();
    }

    @Test
    void shouldUseLastMinuteWithBarsAcrossAGap() {
        BiasTracker tracker = new BiasTracker();
        tracker.onBar(T0, Bias.SHORT);
        BiasTracker.Result later = tracker.onBar(T0 + 600 * SECOND, Bias.SHORT);
        assertThat(later.previous()).isEqualTo(Bias.SHORT);
        assertThat(later.flip()).isFalse();
    }

    @Test
    void extensionShouldResetCountOnExtendedBarsAndCountNormalOnes() {
        ExtensionCounter counter = new ExtensionCounter();
        assertThat(counter.onBar(75, false, T0)).isFalse();     // warm-up: neither extended nor counted
        assertThat(counter.normalActionBars()).isZero();
        assertThat(counter.onBar(55, true, T0 + 5)).isFalse();
        assertThat(counter.onBar(45, true, T0 + 10)).isFalse();
        assertThat(counter.normalActionBars()).isEqualTo(2);
        assertThat(counter.onBar(60, true, T0 + 15)).isTrue();
        assertThat(counter.normalActionBars()).isZero();
        assertThat(counter.lastExtendedMicros()).isEqualTo(T0 + 15);
        assertThat(counter.onBar(40.5, true, T0 + 20)).isFalse();
        assertThat(counter.onBar(40, true, T0 + 25)).isTrue();
        assertThat(counter.onBar(50, true, T0 + 30)).isFalse();
        assertThat(counter.normalActionBars()).isEqualTo(1);
    }

    @Test
    void extensionThresholdsShouldBeConfigurable() {
        ExtensionCounter counter = new ExtensionCounter(70, 30);
        assertThat(counter.onBar(65, true, T0)).isFalse();
        assertThat(counter.onBar(70, true, T0)).isTrue();
    }
}
