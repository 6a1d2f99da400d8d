package io.liquidityengine.topology.domain.levels;

import io.liquidityengine.topology.domain.bars.BarValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.liquidityengine.topology.domain.TestBars.ES;
import static io.liquidityengine.topology.domain.TestBars.ES_GRID;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static io.liquidityengine.topology.domain.TestBars.bar;
import static org.assertj.core.api.Assertions.assertThat;

class LevelBookTest {

    private LevelBook book;

    @BeforeEach
    void setUp() {
        book = new LevelBook(ES, ES_GRID);
    }

    private LevelEvent create(double price, BarValue bar) {
        return book.create(price, bar, 0, LevelOrigin.FOOTPRINT_IMBALANCE, "L" + price);
    }

    private void importUnfilled(double... prices) {
        for (double p : prices) {
            book.importLevel(ImportedLevel.unfilled("z", T0 - SECOND, p), Double.NaN, 0, T0);
        }
    }

    @Test
    void shouldGiveLongDirectionAboveCloseAndShortBelow() {
        BarValue creating = bar(0, 5000.00, 5001.00, 4999.00, 5000.00);
        assertThat(create(5000.50, creating).level().direction()).isEqualTo(LevelDirection.LONG);
        assertThat(create(4999.50, creating).level().direction()).isEqualTo(LevelDirection.SHORT);
        assertThat(create(5000.00, creating).level().direction()).isEqualTo(LevelDirection.UNKNOWN);
    }

    @Test
    void shouldNeverFillLevelsOfTheCreatingBar() {
        BarValue creating = bar(0, 5000.00, 5001.00, 4999.00, 5000.00);
        create(5000.50, creating);
        assertThat(book.applyFills(creating)).isEmpty();
        assertThat(book.unfilledCount()).isEqualTo(1);
    }

    @Test
    void shouldFillLevelAboveWhenLaterHighReachesIt() {
        create(5002.00, bar(0, 5000.00, 5001.00, 4999.00, 5000.00));
        assertThat(book.applyFills(bar(5, 5000.00, 5001.75, 5000.00, 5001.00))).isEmpty();

        List<LevelEvent> events = book.applyFills(bar(10, 5001.00, 5002.00, 5001.00, 5001.50));

        assertThat(events).hasSize(1);
        LevelEvent filled = events.get(0);
        assertThat(filled.type()).isEqualTo(LevelEventType.FILLED);
        assertThat(filled.level().price()).isEqualTo(5002.00);
        assertThat(filled.level().filledMicros()).isEqualTo(T0 + 10 * SECOND);
        assertThat(filled.eventMicros()).isEqualTo(T0 + 10 * SECOND);
        assertThat(book.lastFilled()).isEqualTo(filled.level());
        assertThat(book.unfilledCount()).isZero();
    }

    @Test
    void shouldFillLevelBelowWhenLaterLowReachesIt() {
        create(4998.00, bar(0, 5000.00, 5001.00, 4999.00, 5000.00));
        assertThat(book.applyFills(bar(5, 5000.00, 5000.00, 4998.25, 4999.00))).isEmpty();
        assertThat(book.applyFills(bar(10, 4999.00, 4999.00, 4997.75, 4998.00))).hasSize(1);
        assertThat(book.lastFilled().direction()).isEqualTo(LevelDirection.SHORT);
    }

    @Test
    void shouldFindNearestUnfilledAboveAndBelow() {
        importUnfilled(4990.00, 4998.00, 5006.00, 5010.00);
        assertThat(book.nearestUnfilledAbove(5000.00)).isEqualTo(5006.00);
        assertThat(book.nearestUnfilledBelow(5000.00)).isEqualTo(4998.00);
        assertThat(book.nearestUnfilledAbove(5006.00)).isEqualTo(5010.00);
        assertThat(book.nearestUnfilledAbove(5010.00)).isNaN();
        assertThat(book.nearestUnfilledBelow(4990.00)).isNaN();
    }

    @Test
    void shouldFindGapsWhereNextLevelIsMoreThanOneTickAway() {
        importUnfilled(5006.00, 5006.25, 5006.50, 5010.00, 5010.25, 5012.00, 5030.00);
        assertThat(book.gapsAbove(5000.00, 5)).containsExactly(5006.50, 5010.25, 5012.00);
        assertThat(book.gapsAbove(5000.00, 2)).containsExactly(5006.50, 5010.25);
        assertThat(book.gapsAbove(5030.00, 2)).isEmpty();
    }

    @Test
    void shouldFindGapsBelowNearestFirst() {
        importUnfilled(4994.00, 4993.75, 4993.50, 4990.00, 4985.00);
        assertThat(book.gapsBelow(5000.00, 5)).containsExactly(4993.50, 4990.00);
    }

    @Test
    void shouldCountDuplicatePricesOnceForGaps() {
        importUnfilled(5001.00, 5001.00, 5001.25, 5003.00);
        assertThat(book.gapsAbove(5000.00, 3)).containsExactly(5001.25);
        assertThat(book.unfilledCount()).isEqualTo(4);
    }

    @Test
    void shouldAcceptImportedLevelAlreadyFilled() {
        List<LevelEvent> events = book.importLevel(
                new ImportedLevel("10055", T0 - 60 * SECOND, 6098.25, T0 - 10 * SECOND), 6097.00, 0, T0);

        assertThat(events).extracting(LevelEvent::type).containsExactly(LevelEventType.CREATED, LevelEventType.FILLED);
        LiquidityLevel level = events.get(1).level();
        assertThat(level.id()).isEqualTo("ES:sierra:10055:" + (T0 - 60 * SECOND) + ":24393");
        assertThat(level.direction()).isEqualTo(LevelDirection.LONG);
        assertThat(level.origin()).isEqualTo(LevelOrigin.IMPORTED);
        assertThat(level.sourceId()).isEqualTo("10055");
        assertThat(book.lastFilled()).isEqualTo(level);
        assertThat(book.unfilledCount()).isZero();
    }

    @Test
    void shouldApplyImportedFillTimeAtTheFirstBarAtOrAfterIt() {
        book.importLevel(new ImportedLevel("7", T0, 6000.00, T0 + 10 * SECOND), 5990.00, 0, T0);
        assertThat(book.nearestUnfilledAbove(5995.00)).isEqualTo(6000.00);
        // price reaching it does not fill it early: the export's fill time is authoritative
        assertThat(book.applyFills(bar(5, 6000.00, 6001.00, 6000.00, 6000.00))).isEmpty();

        List<LevelEvent> events = book.applyFills(bar(10, 5990.00, 5990.00, 5990.00, 5990.00));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).level().filledMicros()).isEqualTo(T0 + 10 * SECOND);
        assertThat(book.nearestUnfilledAbove(5995.00)).isNaN();
    }

    @Test
    void shouldFillImportedUnfilledLevelByPrice() {
        book.importLevel(ImportedLevel.unfilled("10075", T0, 6103.75), 6100.00, 0, T0);
        assertThat(book.applyFills(bar(5, 6103.00, 6103.75, 6103.00, 6103.50))).hasSize(1);
    }

    @Test
    void shouldTakeLatestCreatedLevelAsLastFilledWhenOneBarFillsSeveral() {
        create(5001.00, bar(0, 5000.00, 5000.50, 4999.50, 5000.00));
        create(4999.00, bar(5, 5000.00, 5000.50, 4999.50, 5000.00));

        List<LevelEvent> events = book.applyFills(bar(10, 5000.00, 5001.00, 4999.00, 5000.00));

        assertThat(events).extracting(e -> e.level().price()).containsExactly(5001.00, 4999.00);
        assertThat(book.lastFilled().price()).isEqualTo(4999.00);
    }

    @Test
    void shouldForgetEverythingOnReset() {
        importUnfilled(5001.00);
        book.reset();
        assertThat(book.unfilledCount()).isZero();
        assertThat(book.lastFilled()).isNull();
    }
}
