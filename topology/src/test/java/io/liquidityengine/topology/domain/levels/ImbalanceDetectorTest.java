package io.liquidityengine.topology.domain.levels;

import io.liquidityengine.topology.domain.bars.FootprintLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.liquidityengine.topology.domain.TestBars.ES_GRID;
import static org.assertj.core.api.Assertions.assertThat;

class ImbalanceDetectorTest {

    private final ImbalanceDetector detector = new ImbalanceDetector(ImbalanceConfig.DEFAULTS, ES_GRID);

    private static FootprintLevel fp(double price, double bid, double ask) {
        return new FootprintLevel(price, bid, ask);
    }

    @Test
    void shouldFindBuyStackWithLevelAtItsLowestPrice() {
        List<Imbalance> found = detector.detect(List.of(
                fp(5000.00, 10, 0),
                fp(5000.25, 2, 30),   // 30 >= 3 x 10
                fp(5000.50, 1, 6),    // 6 >= 3 x 2
                fp(5000.75, 1, 5),    // 5 >= 3 x 1
                fp(5001.00, 4, 2)));  // 2 < 3 x 1 and below min volume

        assertThat(found).containsExactly(new Imbalance(true, 5000.25, 5000.25, 5000.75, 3));
    }

    @Test
    void shouldFindSellStackWithLevelAtItsHighestPrice() {
        List<Imbalance> found = detector.detect(List.of(
                fp(5000.00, 3, 9),
                fp(5000.25, 20, 1),   // 20 >= 3 x ask(5000.50) = 3
                fp(5000.50, 12, 1),   // 12 >= 3 x 2
                fp(5000.75, 9, 2),    // 9 >= 3 x 3
                fp(5001.00, 1, 3)));  // highest price: no diagonal above

        assertThat(found).containsExactly(new Imbalance(false, 5000.75, 5000.25, 5000.75, 3));
    }

    @Test
    void shouldIgnoreTwoConsecutiveImbalances() {
        assertThat(detector.detect(List.of(
                fp(5000.00, 2, 0), fp(5000.25, 0, 10), fp(5000.50, 0, 10), fp(5000.75, 10, 1)))).isEmpty();
    }

    @Test
    void shouldRequireMinimumVolume() {
        List<FootprintLevel> thin = List.of(fp(5000.00, 1, 0), fp(5000.25, 0, 4), fp(5000.50, 0, 4), fp(5000.75, 0, 4));
        assertThat(detector.detect(thin)).isEmpty();
        ImbalanceDetector loose = new ImbalanceDetector(new ImbalanceConfig(3.0, 3, 4.0), ES_GRID);
        assertThat(loose.detect(thin)).containsExactly(new Imbalance(true, 5000.25, 5000.25, 5000.75, 3));
    }

    @Test
    void shouldTreatUntradedPriceInsideBarAsZeroVolume() {
        // 5000.25 has no trades: ask(5000.50) = 6 vs bid(5000.25) = 0
        List<Imbalance> found = detector.detect(List.of(
                fp(5000.00, 9, 0), fp(5000.50, 0, 6), fp(5000.75, 0, 6), fp(5001.00, 0, 6)));
        assertThat(found).containsExactly(new Imbalance(true, 5000.50, 5000.50, 5001.00, 3));
    }

    @Test
    void shouldApplyConfiguredRatioAndStack() {
        ImbalanceDetector strict = new ImbalanceDetector(new ImbalanceConfig(4.0, 2, 5.0), ES_GRID);
        List<FootprintLevel> footprint = List.of(fp(5000.00, 2, 0), fp(5000.25, 1, 7), fp(5000.50, 0, 5));
        // ask 7 < 4 x 2 at 5000.25; ask 5 >= 4 x 1 at 5000.50 -> a run of one only
        assertThat(strict.detect(footprint)).isEmpty();
        assertThat(new ImbalanceDetector(new ImbalanceConfig(3.0, 2, 5.0), ES_GRID).detect(footprint))
                .containsExactly(new Imbalance(true, 5000.25, 5000.25, 5000.50, 2));
    }
}
