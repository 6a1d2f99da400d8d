package io.liquidityengine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistics of {@link SampleTrades}, each worked out by hand (the arithmetic is in the comments). */
class ReportStatisticsTest {

    private final ReportStatistics stats = ReportStatistics.compute(SampleTrades.trades(), SampleTrades.CALENDAR);

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void shouldSumMoneyExactly() {
        // gross: 250 + 75 - 100 + 25 + 300 - 62.50 - 137.50 = 350.00
        // commission: 6 x 12.50 + 25.00 = 100.00; net = 350 - 100 = 250.00
        assertThat(stats.trades()).isEqualTo(7);
        assertThat(stats.grossPnl()).isEqualByComparingTo("350.00");
        assertThat(stats.commission()).isEqualByComparingTo("100.00");
        assertThat(stats.netPnl()).isEqualByComparingTo("250.00");
    }

    @Test
    void shouldComputeWinRateAveragesPayoffProfitFactorAndExpectancy() {
        // nets in exit order: A 237.50, B 62.50, C -112.50, D 12.50, E 275.00, F -75.00, G -150.00
        // wins A B D E = 4, summing 237.50 + 62.50 + 12.50 + 275.00 = 587.50
        // losses C F G = 3, summing -112.50 - 75.00 - 150.00 = -337.50
        assertThat(stats.wins()).isEqualTo(4);
        assertThat(stats.losses()).isEqualTo(3);
        // win rate 4 / 7 = 0.571428... -> 0.5714
        assertThat(stats.winRate()).isEqualTo(bd("0.5714"));
        // average win 587.50 / 4 = 146.875; average loss -337.50 / 3 = -112.50
        assertThat(stats.averageWin()).isEqualTo(bd("146.8750"));
        assertThat(stats.averageLoss()).isEqualTo(bd("-112.5000"));
        // payoff 146.875 / 112.50 = 1.305555... -> 1.3056
        assertThat(stats.payoffRatio()).isEqualTo(bd("1.3056"));
        // profit factor 587.50 / 337.50 = 1.740740... -> 1.7407
        assertThat(stats.profitFactor()).isEqualTo(bd("1.7407"));
        // expectancy 250.00 / 7 = 35.714285... -> 35.7143
        // (= 4/7 x 146.875 + 3/7 x -112.50 = 83.928571 - 48.214286)
        assertThat(stats.expectancy()).isEqualTo(bd("35.7143"));
    }

    @Test
    void shouldMeasureDrawdownOnClosedTradeEquity() {
        // equity: 0 -> A 237.50 -> B 300.00 (high, Mon 12:00) -> C 187.50 -> D 200.00 -> E 475.00 (high, Thu 11:00)
        //         -> F 400.00 -> G 250.00 (trough, Fri 11:00)
        // drawdowns: 0, 0, 112.50, 100.00, 0, 75.00, 225.00 -> max 475.00 - 250.00 = 225.00
        assertThat(stats.equity()).extracting(ReportStatistics.EquityPoint::equity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(bd("237.50"), bd("300.00"), bd("187.50"), bd("200.00"), bd("475.00"), bd("400.00"), bd("250.00"));
        assertThat(stats.maxDrawdown()).isEqualByComparingTo("225.00");
        assertThat(stats.maxDrawdownPeak()).isEqualTo(ny("2024-12-05T11:00"));
        assertThat(stats.maxDrawdownTrough()).isEqualTo(ny("2024-12-06T11:00"));
        // under water: Mon 12:00 (high 300 set by B) until Thu 11:00 (E brings 475 >= 300): 3 days - 1 h = 71 h;
        // then Thu 11:00 (high 475) until the last session's close Fri 16:00, never recovered: 29 h. Longest: 71 h.
        assertThat(stats.maxDrawdownDuration()).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void shouldCountUnderwaterFromTheFirstOpenWhenTheFirstTradeLoses() {
        // one trade (C) Tue 10:00-10:15 losing 100 + 12.50: equity -112.50 below the starting 0 set at Mon 09:30,
        // never recovered: under water from Mon 09:30 to the last close Fri 16:00 = 4 days 6.5 h = 102.5 h
        List<ClosedTrade> one = List.of(SampleTrades.trades().get(3));
        ReportStatistics s = ReportStatistics.compute(one, SampleTrades.CALENDAR);
        assertThat(s.maxDrawdown()).isEqualByComparingTo("112.50");
        assertThat(s.maxDrawdownDuration()).isEqualTo(Duration.ofMinutes(102 * 60 + 30));
        assertThat(s.profitFactor()).isEqualTo(bd("0.0000"));
        assertThat(s.payoffRatio()).isNull();
        assertThat(s.averageWin()).isNull();
    }

    @Test
    void shouldComputeSharpeFromTheSampleStandardDeviationOfDailyPnl() {
        // daily nets Mon..Fri: 237.50 + 62.50 = 300; -112.50 + 12.50 = -100; Wed 0 (no trades); 275 - 75 = 200; -150
        assertThat(stats.dailyPnl()).containsOnlyKeys(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 3),
                LocalDate.of(2024, 12, 4), LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 6));
        assertThat(stats.dailyPnl().values()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(bd("300"), bd("-100"), bd("0"), bd("200"), bd("-150"));
        // mean = 250 / 5 = 50; deviations 250, -150, -50, 150, -200
        // squares 62,500 + 22,500 + 2,500 + 22,500 + 40,000 = 150,000; sample variance 150,000 / 4 = 37,500
        // Sharpe = 50 / sqrt(37,500) x sqrt(252) = sqrt(2,500 x 252 / 37,500) = sqrt(16.8) = 4.098780... -> 4.0988
        assertThat(stats.sharpe()).isEqualTo(bd("4.0988"));
    }

    @Test
    void shouldComputeSortinoFromTheDownsideDeviationOverAllDays() {
        // downside min(0, x): 0, -100, 0, 0, -150; squares 10,000 + 22,500 = 32,500; over all n = 5 days: 6,500
        // Sortino = 50 / sqrt(6,500) x sqrt(252) = sqrt(2,500 x 252 / 6,500) = sqrt(96.923077) = 9.844952 -> 9.8450
        assertThat(stats.sortino()).isEqualTo(bd("9.8450"));
    }

    @Test
    void shouldFindTheLongestStreaks() {
        // exit order W W L W W L L: longest winning streak 2 (A B, D E), longest losing streak 2 (F G)
        assertThat(stats.longestWinningStreak()).isEqualTo(2);
        assertThat(stats.longestLosingStreak()).isEqualTo(2);
        // a zero-net trade ends a streak: L, 0, L -> 1
        ClosedTrade loss = SampleTrades.trades().get(3);
        ClosedTrade flat = new ClosedTrade("ESZ4", "x", ClosedTrade.Side.LONG, 1, loss.exitTime(), bd("6000"),
                loss.exitTime().plusSeconds(60), bd("6000.25"), 1, bd("12.50"), bd("12.50"), "TARGET");
        ClosedTrade loss2 = new ClosedTrade("ESZ4", "x", ClosedTrade.Side.LONG, 1, flat.exitTime(), bd("6000"),
                flat.exitTime().plusSeconds(60), bd("5999.75"), -1, bd("-12.50"), bd("12.50"), "STOP");
        ReportStatistics s = ReportStatistics.compute(List.of(loss, flat, loss2), SampleTrades.CALENDAR);
        assertThat(s.longestLosingStreak()).isEqualTo(1);
        assertThat(s.wins() + s.losses()).isEqualTo(2);
    }

    @Test
    void shouldMeasureTimeInMarketAsTheUnionOfHoldingsOverSessionTime() {
        // held: 30 + 60 + 15 + 30 + 60 + 20 + 30 = 245 min; sessions 5 x 6.5 h = 1,950 min; 245 / 1,950 = 0.125641 -> 0.1256
        assertThat(stats.timeInMarket()).isEqualTo(bd("0.1256"));
        // two overlapping trades 10:00-11:00 and 10:30-11:30 count 90 min, not 120: 90 / 1,950 = 0.046153 -> 0.0462
        ClosedTrade a = new ClosedTrade("ESZ4", "x", ClosedTrade.Side.LONG, 1, ny("2024-12-02T10:00"), bd("1"), ny("2024-12-02T11:00"),
                bd("1"), 0, bd("0"), bd("0"), "T");
        ClosedTrade b = new ClosedTrade("NQZ4", "x", ClosedTrade.Side.LONG, 1, ny("2024-12-02T10:30"), bd("1"), ny("2024-12-02T11:30"),
                bd("1"), 0, bd("0"), bd("0"), "T");
        assertThat(ReportStatistics.compute(List.of(a, b), SampleTrades.CALENDAR).timeInMarket()).isEqualTo(bd("0.0462"));
    }

    @Test
    void shouldBreakDownPerStrategy() {
        // reference: A 237.50, C -112.50, E 275.00, G -150.00 = 250.00; profit factor 512.50 / 262.50 = 1.952380 -> 1.9524
        // ema-cross: B 62.50, D 12.50, F -75.00 = 0.00; profit factor 75 / 75 = 1
        Map<String, ReportStatistics> by = SampleTrades.report().byStrategy();
        assertThat(by).containsOnlyKeys("ema-cross", "reference");
        assertThat(by.get("reference").netPnl()).isEqualByComparingTo("250.00");
        assertThat(by.get("reference").profitFactor()).isEqualTo(bd("1.9524"));
        assertThat(by.get("ema-cross").netPnl()).isEqualByComparingTo("0");
        assertThat(by.get("ema-cross").profitFactor()).isEqualTo(bd("1.0000"));
        assertThat(by.get("ema-cross").trades()).isEqualTo(3);
    }

    @Test
    void shouldLeaveRatiosEmptyWithoutTrades() {
        ReportStatistics s = ReportStatistics.compute(List.of(), SampleTrades.CALENDAR);
        assertThat(s.trades()).isZero();
        assertThat(s.netPnl()).isEqualByComparingTo("0");
        assertThat(s.winRate()).isNull();
        assertThat(s.sharpe()).isNull();
        assertThat(s.sortino()).isNull();
        assertThat(s.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
        assertThat(s.timeInMarket()).isEqualTo(bd("0.0000"));
    }

    private static java.time.Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(SampleTrades.NEW_YORK).toInstant();
    }
}
