/**
 * The backtest report as a library: {@link io.liquidityengine.backtest.report.BacktestReport} takes the
 * closed trades ({@link io.liquidityengine.backtest.report.ClosedTrade}), the risk rejections counted by
 * reason and the {@link io.liquidityengine.backtest.report.SessionCalendar}, and writes
 * {@code stats.json}, {@code trades.csv} and one self-contained {@code report.html} (inline CSS and SVG charts:
 * equity, drawdown, daily P&amp;L; statistics, per-strategy breakdown, rejections, the trade list; no script, no
 * external URL). Plain Java: no Kafka, Avro or wall clock, so the same input gives the same bytes.
 *
 * <h2>Definitions</h2>
 * Money is BigDecimal throughout and never passes through floating point; sums are exact. Averages and ratios
 * are rounded half-even to 4 decimals at the end; a ratio whose denominator is zero is {@code null} in
 * stats.json and a dash in the HTML. Trades are ordered by exit time (then entry time, instrument, strategy).
 * <ul>
 * <li><b>Gross P&amp;L</b>: sum of the trades' {@code pnl} (ticks x tick value, before commission).
 *     <b>Commissions</b>: sum of {@code commission}. <b>Net P&amp;L</b> = gross - commissions. A trade's
 *     <b>net</b> is its pnl - commission.</li>
 * <li><b>Win / loss</b> on a trade's net: a win has net &gt; 0, a loss net &lt; 0; net = 0 is neither (it counts
 *     in the trades and ends any streak). <b>Win rate</b> = wins / trades.</li>
 * <li><b>Average win</b> = sum of winning nets / wins; <b>average loss</b> = sum of losing nets / losses
 *     (negative). <b>Payoff ratio</b> = average win / |average loss|. <b>Profit factor</b> = sum of winning nets /
 *     |sum of losing nets|. <b>Expectancy</b> = net P&amp;L / trades (the average net per trade; equal to
 *     win rate x average win + loss rate x average loss).</li>
 * <li><b>Equity and drawdown</b> are on <em>closed-trade</em> equity: 0 at the first session's open, plus each
 *     trade's net at its exit time (open positions are not marked to market). The drawdown after a trade is the
 *     running high (starting at 0) minus equity. <b>Maximum drawdown</b> is its largest value, with the time of
 *     that high and of the trough. <b>Drawdown duration</b>: a period under water runs from the time equity set
 *     the high it fell from (the first session's open for the starting 0) to the exit of the trade that brought
 *     equity back to at least that high, or to the last session's close when it never did; the reported
 *     duration is the longest such period, in elapsed (calendar) time.</li>
 * <li><b>Daily P&amp;L</b>: per session date in the calendar's zone, the net of the trades that exited on it;
 *     every session of the calendar is a day of the series, a session without trades a zero (a date with an
 *     exit outside the calendar is added).</li>
 * <li><b>Sharpe</b> = mean(daily) / s x sqrt(252), where s is the <em>sample</em> standard deviation
 *     sqrt(sum((x - mean)^2) / (n - 1)); risk-free rate 0; on P&amp;L in currency (no capital is assumed, so
 *     it equals the ratio on returns of a constant capital). Null with fewer than 2 days or no variation.</li>
 * <li><b>Sortino</b> = mean(daily) / DD x sqrt(252), with the downside deviation
 *     DD = sqrt(sum(min(0, x)^2) / n) over <em>all</em> n days (target 0; days at or above it contribute 0,
 *     and the divisor is n, not the number of losing days). Null without a losing day.</li>
 * <li><b>Longest losing streak</b>: most consecutive losing trades in exit order (a win or a zero ends it);
 *     the longest winning streak likewise.</li>
 * <li><b>Time in market</b>: the union of the trades' [entry, exit] intervals (overlapping positions count
 *     once), clipped to the sessions' open-close, over the summed session time.</li>
 * </ul>
 * <h2>Files</h2>
 * {@code trades.csv}: header {@value io.liquidityengine.backtest.report.TradesCsv#HEADER}; instants in
 * ISO-8601 UTC, money as plain decimals, RFC 4180 quoting. {@code stats.json}: {@code statistics} (the figures
 * above, money as exact numbers, {@code maxDrawdownDuration} as an ISO-8601 duration and in seconds),
 * {@code byStrategy} (the same per strategy id), {@code rejections} (count per reason), {@code dailyPnl},
 * {@code sessions}.
 */
package io.liquidityengine.backtest.report;
