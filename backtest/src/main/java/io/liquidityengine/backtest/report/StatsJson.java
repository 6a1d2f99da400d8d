package io.liquidityengine.backtest.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/** {@code stats.json}: the statistics, per strategy, rejections by reason and the daily P&L; money as exact JSON numbers. */
final class StatsJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private StatsJson() {
    }

    static String format(BacktestReport report, ReportStatistics stats, Map<String, ReportStatistics> byStrategy) {
        ObjectNode root = NODES.objectNode();
        root.put("title", report.title());
        root.put("currency", report.currency());
        ObjectNode sessions = root.putObject("sessions");
        sessions.put("zone", report.calendar().zone().getId());
        sessions.put("open", report.calendar().open().toString());
        sessions.put("close", report.calendar().close().toString());
        report.calendar().sessions().forEach(d -> sessions.withArray("days").add(d.toString()));
        root.set("statistics", statistics(stats));
        ObjectNode strategies = root.putObject("byStrategy");
        byStrategy.forEach((id, s) -> strategies.set(id, statistics(s)));
        ObjectNode rejections = root.putObject("rejections");
        report.rejectionsSorted().forEach(rejections::put);
        ObjectNode daily = root.putObject("dailyPnl");
        stats.dailyPnl().forEach((day, pnl) -> daily.put(day.toString(), money(pnl)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode statistics(ReportStatistics s) {
        ObjectNode o = NODES.objectNode();
        o.put("trades", s.trades());
        o.put("wins", s.wins());
        o.put("losses", s.losses());
        o.put("grossPnl", money(s.grossPnl()));
        o.put("commission", money(s.commission()));
        o.put("netPnl", money(s.netPnl()));
        o.put("winRate", s.winRate());
        o.put("averageWin", s.averageWin());
        o.put("averageLoss", s.averageLoss());
        o.put("payoffRatio", s.payoffRatio());
        o.put("profitFactor", s.profitFactor());
        o.put("expectancy", s.expectancy());
        o.put("maxDrawdown", money(s.maxDrawdown()));
        o.put("maxDrawdownPeak", s.maxDrawdownPeak() == null ? null : s.maxDrawdownPeak().toString());
        o.put("maxDrawdownTrough", s.maxDrawdownTrough() == null ? null : s.maxDrawdownTrough().toString());
        o.put("maxDrawdownDuration", s.maxDrawdownDuration().toString());
        o.put("maxDrawdownDurationSeconds", s.maxDrawdownDuration().getSeconds());
        o.put("sharpe", s.sharpe());
        o.put("sortino", s.sortino());
        o.put("longestWinningStreak", s.longestWinningStreak());
        o.put("longestLosingStreak", s.longestLosingStreak());
        o.put("timeInMarket", s.timeInMarket());
        return o;
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : new BigDecimal(Money.plain(value));
    }
}
