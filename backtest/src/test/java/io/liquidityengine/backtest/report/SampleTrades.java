package io.liquidityengine.backtest.report;

import io.liquidityengine.backtest.report.ClosedTrade.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A small ES trade list whose statistics are worked out by hand in {@link ReportStatisticsTest}. ES: tick 0.25,
 * tick value 12.50 USD; commission 12.50 USD per contract per round trip. Sessions 09:30-16:00 New York,
 * Monday 2024-12-02 to Friday 2024-12-06 (EST, UTC-5, no DST change); Wednesday has no trades.
 *
 * <pre>
 * #  day  strategy   side  qty entry            exit             ticks  gross    comm   net
 * A  Mon  reference  LONG  1   10:00 6000.00    10:30 6005.00     +20   250.00  12.50  237.50
 * B  Mon  ema-cross  SHORT 1   11:00 6010.00    12:00 6008.50      +6    75.00  12.50   62.50
 * C  Tue  reference  LONG  1   10:00 6020.00    10:15 6018.00      -8  -100.00  12.50 -112.50
 * D  Tue  ema-cross  SHORT 1   13:00 6030.00    13:30 6029.50      +2    25.00  12.50   12.50
 * E  Thu  reference  LONG  2   10:00 6030.00    11:00 6033.00     +24   300.00  25.00  275.00
 * F  Thu  ema-cross  LONG  1   14:00 6040.00    14:20 6038.75      -5   -62.50  12.50  -75.00
 * G  Fri  reference  SHORT 1   10:30 6050.00    11:00 6052.75     -11  -137.50  12.50 -150.00
 * </pre>
 */
final class SampleTrades {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SessionCalendar CALENDAR = new SessionCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0),
            List.of(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 4), LocalDate.of(2024, 12, 5),
                    LocalDate.of(2024, 12, 6)));

    private SampleTrades() {
    }

    static List<ClosedTrade> trades() {
        // deliberately not in exit order: the report sorts
        return List.of(
                trade("reference", Side.SHORT, 1, "2024-12-06T10:30", "6050.00", "2024-12-06T11:00", "6052.75", -11, "-137.50", "12.50", "STOP"),
                trade("reference", Side.LONG, 1, "2024-12-02T10:00", "6000.00", "2024-12-02T10:30", "6005.00", 20, "250.00", "12.50", "TARGET"),
                trade("ema-cross", Side.SHORT, 1, "2024-12-02T11:00", "6010.00", "2024-12-02T12:00", "6008.50", 6, "75.00", "12.50", "TARGET"),
                trade("reference", Side.LONG, 1, "2024-12-03T10:00", "6020.00", "2024-12-03T10:15", "6018.00", -8, "-100.00", "12.50", "STOP"),
                trade("ema-cross", Side.SHORT, 1, "2024-12-03T13:00", "6030.00", "2024-12-03T13:30", "6029.50", 2, "25.00", "12.50", "FLATTEN, trend turned"),
                trade("reference", Side.LONG, 2, "2024-12-05T10:00", "6030.00", "2024-12-05T11:00", "6033.00", 24, "300.00", "25.00", "TARGET"),
                trade("ema-cross", Side.LONG, 1, "2024-12-05T14:00", "6040.00", "2024-12-05T14:20", "6038.75", -5, "-62.50", "12.50", "STOP \"hard\""));
    }

    static Map<String, Long> rejections() {
        return Map.of("OUTSIDE_TRADING_WINDOW", 2L, "SIZE_BELOW_ONE", 1L);
    }

    static BacktestReport report() {
        return new BacktestReport("Sample week ESZ4 <test>", "USD", CALENDAR, trades(), rejections());
    }

    private static ClosedTrade trade(String strategy, Side side, long qty, String entry, String entryPrice, String exit,
                                     String exitPrice, long ticks, String pnl, String commission, String reason) {
        return new ClosedTrade("ESZ4", strategy, side, qty, java.time.LocalDateTime.parse(entry).atZone(NEW_YORK).toInstant(),
                new BigDecimal(entryPrice), java.time.LocalDateTime.parse(exit).atZone(NEW_YORK).toInstant(),
                new BigDecimal(exitPrice), ticks, new BigDecimal(pnl), new BigDecimal(commission), reason);
    }
}
