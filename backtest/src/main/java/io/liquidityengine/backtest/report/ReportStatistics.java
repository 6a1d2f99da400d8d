package io.liquidityengine.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of a list of closed trades over a session calendar; the formulas are in the package
 * documentation. Money is exact (sums of BigDecimal); averages are rounded half-even to
 * {@value #SCALE} decimals, ratios likewise; a ratio whose denominator is zero is {@code null}.
 *
 * @param maxDrawdownDuration the longest time closed-trade equity spent below its previous high
 * @param timeInMarket        share of the session time with at least one position open (0..1)
 */
public record ReportStatistics(int trades, int wins, int losses, BigDecimal grossPnl, BigDecimal commission,
                               BigDecimal netPnl, BigDecimal winRate, BigDecimal averageWin, BigDecimal averageLoss,
                               BigDecimal payoffRatio, BigDecimal profitFactor, BigDecimal expectancy,
                               BigDecimal maxDrawdown, Instant maxDrawdownPeak, Instant maxDrawdownTrough,
                               Duration maxDrawdownDuration, BigDecimal sharpe, BigDecimal sortino,
                               int longestWinningStreak, int longestLosingStreak, BigDecimal timeInMarket,
                               List<EquityPoint> equity, Map<LocalDate, BigDecimal> dailyPnl) {

    public static final int SCALE = 4;
    static final MathContext MC = MathContext.DECIMAL64;
    static final int TRADING_DAYS_PER_YEAR = 252;

    /** Closed-trade equity after a trade (net P&L summed in exit order) and the drawdown from its high. */
    public record EquityPoint(Instant time, BigDecimal equity, BigDecimal drawdown) {
    }

    /** Trades in the order the report uses everywhere: by exit time, then entry time, then instrument. */
    public static final Comparator<ClosedTrade> EXIT_ORDER = Comparator.comparing(ClosedTrade::exitTime)
            .thenComparing(ClosedTrade::entryTime).thenComparing(ClosedTrade::instrument).thenComparing(ClosedTrade::strategy);

    public static ReportStatistics compute(List<ClosedTrade> input, SessionCalendar calendar) {
        List<ClosedTrade> trades = input.stream().sorted(EXIT_ORDER).toList();
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal winSum = BigDecimal.ZERO;
        BigDecimal lossSum = BigDecimal.ZERO;
        int wins = 0;
        int losses = 0;
        int streakWin = 0;
        int streakLoss = 0;
        int longestWin = 0;
        int longestLoss = 0;
        for (ClosedTrade t : trades) {
            gross = gross.add(t.pnl());
            commission = commission.add(t.commission());
            BigDecimal net = t.netPnl();
            if (net.signum() > 0) {
                wins++;
                winSum = winSum.add(net);
                streakWin++;
                streakLoss = 0;
            } else if (net.signum() < 0) {
                losses++;
                lossSum = lossSum.add(net);
                streakLoss++;
                streakWin = 0;
            } else {
                streakWin = 0;
                streakLoss = 0;
            }
            longestWin = Math.max(longestWin, streakWin);
            longestLoss = Math.max(longestLoss, streakLoss);
        }
        BigDecimal net = gross.subtract(commission);
        int n = trades.size();
        BigDecimal averageWin = wins == 0 ? null : divide(winSum, BigDecimal.valueOf(wins));
        BigDecimal averageLoss = losses == 0 ? null : divide(lossSum, BigDecimal.valueOf(losses));
        BigDecimal payoff = averageWin == null || averageLoss == null ? null
                : divide(winSum.multiply(BigDecimal.valueOf(losses)), lossSum.abs().multiply(BigDecimal.valueOf(wins)));
        BigDecimal profitFactor = losses == 0 ? null : divide(winSum, lossSum.abs());

        // closed-trade equity and drawdown
        List<EquityPoint> equity = new ArrayList<>();
        Instant start = calendar.sessions().isEmpty() ? (trades.isEmpty() ? null : trades.get(0).entryTime())
                : calendar.openOf(calendar.sessions().get(0));
        Instant end = end(trades, calendar);
        BigDecimal level = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        Instant peakTime = start;
        Instant underwaterSince = null;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        Instant ddPeak = null;
        Instant ddTrough = null;
        Duration longestUnderwater = Duration.ZERO;
        for (ClosedTrade t : trades) {
            level = level.add(t.netPnl());
            if (level.compareTo(peak) >= 0) {
                if (underwaterSince != null) {
                    longestUnderwater = max(longestUnderwater, Duration.between(underwaterSince, t.exitTime()));
                    underwaterSince = null;
                }
                if (level.compareTo(peak) > 0) {
                    peak = level;
                    peakTime = t.exitTime();
                }
            } else if (underwaterSince == null) {
                underwaterSince = peakTime;
            }
            BigDecimal drawdown = peak.subtract(level);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
                ddPeak = peakTime;
                ddTrough = t.exitTime();
            }
            equity.add(new EquityPoint(t.exitTime(), level, drawdown));
        }
        if (underwaterSince != null && end != null) {
            longestUnderwater = max(longestUnderwater, Duration.between(underwaterSince, end));
        }

        Map<LocalDate, BigDecimal> daily = new TreeMap<>();
        calendar.sessions().forEach(d -> daily.put(d, BigDecimal.ZERO));
        trades.forEach(t -> daily.merge(calendar.dateOf(t.exitTime()), t.netPnl(), BigDecimal::add));

        return new ReportStatistics(n, wins, losses, gross, commission, net,
                n == 0 ? null : divide(BigDecimal.valueOf(wins), BigDecimal.valueOf(n)), averageWin, averageLoss, payoff,
                profitFactor, n == 0 ? null : divide(net, BigDecimal.valueOf(n)), maxDrawdown, ddPeak, ddTrough,
                longestUnderwater, sharpe(daily.values()), sortino(daily.values()), longestWin, longestLoss,
                timeInMarket(trades, calendar), List.copyOf(equity), daily);
    }

    /** Mean over sample standard deviation (n - 1) of the daily net P&L, times sqrt(252); null below 2 days or without variation. */
    static BigDecimal sharpe(java.util.Collection<BigDecimal> daily) {
        int n = daily.size();
        if (n < 2) {
            return null;
        }
        BigDecimal mean = mean(daily);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal d : daily) {
            BigDecimal dev = d.subtract(mean);
            squares = squares.add(dev.multiply(dev));
        }
        if (squares.signum() == 0) {
            return null;
        }
        BigDecimal sd = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
        return annualise(mean.divide(sd, MC));
    }

    /** Mean over downside deviation sqrt(sum(min(0, x)^2) / n) (target 0, all n days), times sqrt(252); null without a losing day. */
    static BigDecimal sortino(java.util.Collection<BigDecimal> daily) {
        int n = daily.size();
        if (n < 1) {
            return null;
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal d : daily) {
            if (d.signum() < 0) {
                squares = squares.add(d.multiply(d));
            }
        }
        if (squares.signum() == 0) {
            return null;
        }
        BigDecimal downside = squares.divide(BigDecimal.valueOf(n), MC).sqrt(MC);
        return annualise(mean(daily).divide(downside, MC));
    }

    private static BigDecimal annualise(BigDecimal daily) {
        return daily.multiply(BigDecimal.valueOf(TRADING_DAYS_PER_YEAR).sqrt(MC), MC).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal mean(java.util.Collection<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), MC);
    }

    /** Union of the holding intervals clipped to the sessions, over the summed session time; null without sessions. */
    static BigDecimal timeInMarket(List<ClosedTrade> trades, SessionCalendar calendar) {
        if (calendar.sessions().isEmpty()) {
            return null;
        }
        List<Instant[]> merged = new ArrayList<>();
        trades.stream().sorted(Comparator.comparing(ClosedTrade::entryTime)).forEach(t -> {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !t.entryTime().isAfter(last[1])) {
                if (t.exitTime().isAfter(last[1])) {
                    last[1] = t.exitTime();
                }
            } else {
                merged.add(new Instant[] {t.entryTime(), t.exitTime()});
            }
        });
        long inMarket = 0;
        long session = 0;
        for (LocalDate day : calendar.sessions()) {
            Instant open = calendar.openOf(day);
            Instant close = calendar.closeOf(day);
            session += Duration.between(open, close).getSeconds();
            for (Instant[] interval : merged) {
                Instant from = interval[0].isAfter(open) ? interval[0] : open;
                Instant to = interval[1].isBefore(close) ? interval[1] : close;
                if (to.isAfter(from)) {
                    inMarket += Duration.between(from, to).getSeconds();
                }
            }
        }
        return divide(BigDecimal.valueOf(inMarket), BigDecimal.valueOf(session));
    }

    private static Instant end(List<ClosedTrade> trades, SessionCalendar calendar) {
        Instant end = calendar.sessions().isEmpty() ? null : calendar.closeOf(calendar.sessions().get(calendar.sessions().size() - 1));
        for (ClosedTrade t : trades) {
            if (end == null || t.exitTime().isAfter(end)) {
                end = t.exitTime();
            }
        }
        return end;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.HALF_EVEN);
    }
}
