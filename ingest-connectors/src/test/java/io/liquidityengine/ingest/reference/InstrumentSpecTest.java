package io.liquidityengine.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.reference.AssetClass;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstrumentSpecTest {

    private static InstrumentSpec spec(double tick) {
        return new InstrumentSpec("X", "", AssetClass.FUTURE, tick, BigDecimal.ONE, "USD", 1, ZoneId.of("UTC"), LocalTime.MIDNIGHT,
                LocalTime.NOON);
    }

    @Test
    void shouldKnowWhichTicksAreExactFractionsOfOne() {
        assertThat(InstrumentSpec.ticksPerUnit(0.25)).isEqualTo(4);
        assertThat(InstrumentSpec.ticksPerUnit(0.01)).isEqualTo(100);
        assertThat(InstrumentSpec.ticksPerUnit(0.00001)).isEqualTo(100_000);
        assertThat(InstrumentSpec.ticksPerUnit(1)).isEqualTo(1);
        assertThat(InstrumentSpec.ticksPerUnit(0.3)).isZero();   // 1/0.3 has no decimal expansion
        assertThat(InstrumentSpec.ticksPerUnit(5)).isZero();     // 1/5 is not a whole number of ticks
        assertThat(InstrumentSpec.ticksPerUnit(0.03)).isZero();
    }

    /** The fast path gives exactly the double the decimal product gives, on float32-noisy prices of every kind of tick. */
    @Test
    void shouldRoundToTheSameDoubleAsTheDecimalProduct() {
        SplittableRandom random = new SplittableRandom(7);
        for (double tick : new double[] {0.25, 0.01, 0.00001, 0.1, 0.5, 1, 0.3, 5, 0.03, 0.005}) {
            InstrumentSpec spec = spec(tick);
            for (int i = 0; i < 100_000; i++) {
                double price = (float) (random.nextDouble() * 100_000);
                double expected = BigDecimal.valueOf(Math.round(price / tick)).multiply(BigDecimal.valueOf(tick)).doubleValue();
                assertThat(spec.roundToTick(price)).as("tick %s price %s", tick, price).isEqualTo(expected);
            }
        }
        assertThat(spec(0.01).roundToTick(12345.670000000002)).isEqualTo(12345.67);
        assertThat(spec(0.25).roundToTick(6000.2501f)).isEqualTo(6000.25);
    }
}
