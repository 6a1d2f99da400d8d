package io.liquidityengine.topology.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickGridTest {

    private final TickGrid es = new TickGrid(0.25);

    @Test
    void shouldConvertOnGridPricesToTicksAndBack() {
        assertThat(es.ticks(6084.25)).isEqualTo(24_337L);
        assertThat(es.price(24_337L)).isEqualTo(6084.25);
        assertThat(es.ticks(-1.5)).isEqualTo(-6L);
    }

    @Test
    void shouldRejectOffGridPrice() {
        assertThatThrownBy(() -> es.ticks(6084.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("off the tick grid");
    }

    @Test
    void shouldRejectNaNAndInfinity() {
        assertThatThrownBy(() -> es.ticks(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> es.round(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> es.floorTicks(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectNonPositiveTickSize() {
        assertThatThrownBy(() -> new TickGrid(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TickGrid(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundToNearestGridPrice() {
        assertThat(es.round(6084.30)).isEqualTo(6084.25);
        assertThat(es.round(6084.40)).isEqualTo(6084.50);
        assertThat(es.isOnGrid(6084.30)).isFalse();
        assertThat(es.isOnGrid(6084.75)).isTrue();
    }

    @Test
    void shouldGiveExactDecimalPricesForCentTicks() {
        TickGrid cents = new TickGrid(0.01);
        assertThat(cents.price(123)).isEqualTo(1.23);
        assertThat(cents.ticks(0.07)).isEqualTo(7L);
        assertThat(cents.round(0.1 + 0.2)).isEqualTo(0.3);
    }

    @Test
    void shouldFloorAndCeilOffGridPrices() {
        assertThat(es.floorTicks(100.1)).isEqualTo(400L);
        assertThat(es.ceilTicks(100.1)).isEqualTo(401L);
        assertThat(es.floorTicks(100.25)).isEqualTo(401L);
        assertThat(es.ceilTicks(100.25)).isEqualTo(401L);
    }
}
