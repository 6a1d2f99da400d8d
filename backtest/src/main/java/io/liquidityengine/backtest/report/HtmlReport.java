package io.liquidityengine.backtest.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external URL). */
final class HtmlReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HtmlReport() {
    }

    static String render(BacktestReport report, ReportStatistics s, Map<String, ReportStatistics> byStrategy) {
        String cur = report.currency();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(report.title()))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;background:#fafafa}\n")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}\n")
                .append("table{border-collapse:collapse;font-size:13px;background:#fff}\n")
                .append("th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#eee}\n")
                .append("td.l,th.l{text-align:left}.pos{color:#2e7d32}.neg{color:#c62828}\n")
                .append(".stats{display:grid;grid-template-columns:repeat(4,auto);gap:0;width:max-content}\n")
                .append("svg.chart{display:block;margin:6px 0;border:1px solid #ddd}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(report.title())).append("</h1>\n<p>");
        List<java.time.LocalDate> days = report.calendar().sessions();
        h.append(days.size()).append(" sessions");
        if (!days.isEmpty()) {
            h.append(' ').append(days.get(0)).append(" to ").append(days.get(days.size() - 1));
        }
        h.append(", ").append(escape(report.calendar().open().toString())).append('-')
                .append(escape(report.calendar().close().toString())).append(' ')
                .append(escape(report.calendar().zone().getId())).append("; money in ").append(escape(cur))
                .append("; times in ").append(escape(report.calendar().zone().getId())).append(".</p>\n");

        h.append("<h2>Statistics</h2>\n<table id=\"statistics\">\n");
        row(h, "Net P&amp;L", money(s.netPnl()), "Gross P&amp;L", money(s.grossPnl()));
        row(h, "Commissions", plain(s.commission()), "Trades", s.trades() + " (" + s.wins() + " won, " + s.losses() + " lost)");
        row(h, "Win rate", percent(s.winRate()), "Expectancy per trade", money(s.expectancy()));
        row(h, "Average win", money(s.averageWin()), "Average loss", money(s.averageLoss()));
        row(h, "Payoff ratio", ratio(s.payoffRatio()), "Profit factor", ratio(s.profitFactor()));
        row(h, "Max drawdown", money(s.maxDrawdown().negate()), "Max drawdown duration", duration(s.maxDrawdownDuration()));
        row(h, "Sharpe (daily, &#8730;252)", ratio(s.sharpe()), "Sortino (daily, &#8730;252)", ratio(s.sortino()));
        row(h, "Longest losing streak", s.longestLosingStreak() + " trades", "Longest winning streak",
                s.longestWinningStreak() + " trades");
        row(h, "Time in market", percent(s.timeInMarket()), "Rejected plans",
                String.valueOf(report.rejections().values().stream().mapToLong(Long::longValue).sum()));
        h.append("</table>\n");

        List<BigDecimal> equity = new ArrayList<>();
        List<BigDecimal> drawdown = new ArrayList<>();
        equity.add(BigDecimal.ZERO);
        drawdown.add(BigDecimal.ZERO);
        s.equity().forEach(p -> {
            equity.add(p.equity());
            drawdown.add(p.drawdown().negate());
        });
        String first = s.equity().isEmpty() ? "" : "start";
        String last = s.equity().isEmpty() ? "" : "after trade " + s.equity().size() + " ("
                + local(report, s.equity().get(s.equity().size() - 1).time()) + ")";
        h.append("<h2>Equity and drawdown</h2>\n");
        h.append(SvgCharts.line("equity-chart", "Closed-trade equity (" + cur + ", net of commission)", equity, first, last,
                "#1565c0", null));
        h.append(SvgCharts.line("drawdown-chart", "Drawdown from the equity high (" + cur + ")", drawdown, first, last,
                "#c62828", "#ef9a9a"));
        h.append("<h2>Daily P&amp;L</h2>\n");
        List<String> dayLabels = new ArrayList<>();
        List<BigDecimal> dayValues = new ArrayList<>();
        s.dailyPnl().forEach((d, v) -> {
            dayLabels.add(d.toString());
            dayValues.add(v);
        });
        h.append(SvgCharts.bars("daily-pnl-chart", "Net P&L per session (" + cur + ")", dayLabels, dayValues));

        h.append("<h2>Per strategy</h2>\n<table id=\"strategies\">\n<tr><th class=\"l\">strategy</th><th>trades</th>")
                .append("<th>win rate</th><th>gross P&amp;L</th><th>commission</th><th>net P&amp;L</th><th>profit factor</th>")
                .append("<th>expectancy</th><th>max drawdown</th><th>Sharpe</th></tr>\n");
        byStrategy.forEach((id, st) -> h.append("<tr class=\"strategy\"><td class=\"l\">").append(escape(id)).append("</td><td>")
                .append(st.trades()).append("</td><td>").append(percent(st.winRate())).append("</td><td>").append(money(st.grossPnl()))
                .append("</td><td>").append(plain(st.commission())).append("</td><td>").append(money(st.netPnl())).append("</td><td>")
                .append(ratio(st.profitFactor())).append("</td><td>").append(money(st.expectancy())).append("</td><td>")
                .append(money(st.maxDrawdown().negate())).append("</td><td>").append(ratio(st.sharpe())).append("</td></tr>\n"));
        h.append("</table>\n");

        h.append("<h2>Rejections by reason</h2>\n<table id=\"rejections\">\n<tr><th class=\"l\">reason</th><th>plans</th></tr>\n");
        if (report.rejections().isEmpty()) {
            h.append("<tr><td class=\"l\" colspan=\"2\">none</td></tr>\n");
        }
        report.rejectionsSorted().forEach((reason, n) -> h.append("<tr class=\"rejection\"><td class=\"l\">").append(escape(reason))
                .append("</td><td>").append(n).append("</td></tr>\n"));
        h.append("</table>\n");

        h.append("<h2>Trades</h2>\n<table id=\"trades\">\n<tr><th>#</th><th class=\"l\">instrument</th><th class=\"l\">strategy</th>")
                .append("<th class=\"l\">side</th><th>qty</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th>")
                .append("<th>duration</th><th>ticks</th><th>P&amp;L</th><th>commission</th><th>net</th><th class=\"l\">exit reason</th></tr>\n");
        int i = 0;
        for (ClosedTrade t : report.trades()) {
            i++;
            h.append("<tr class=\"trade\"><td>").append(i).append("</td><td class=\"l\">").append(escape(t.instrument()))
                    .append("</td><td class=\"l\">").append(escape(t.strategy())).append("</td><td class=\"l\">").append(t.side())
                    .append("</td><td>").append(t.quantity()).append("</td><td>").append(local(report, t.entryTime())).append("</td><td>")
                    .append(t.entryPrice().toPlainString()).append("</td><td>").append(local(report, t.exitTime())).append("</td><td>")
                    .append(t.exitPrice().toPlainString()).append("</td><td>").append(duration(t.duration())).append("</td><td>")
                    .append(t.ticks()).append("</td><td>").append(money(t.pnl())).append("</td><td>").append(plain(t.commission()))
                    .append("</td><td>").append(money(t.netPnl())).append("</td><td class=\"l\">").append(escape(t.exitReason()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String k1, String v1, String k2, String v2) {
        h.append("<tr><th class=\"l\">").append(k1).append("</th><td>").append(v1).append("</td><th class=\"l\">").append(k2)
                .append("</th><td>").append(v2).append("</td></tr>\n");
    }

    private static String money(BigDecimal v) {
        if (v == null) {
            return "&#8211;";
        }
        String cls = v.signum() > 0 ? "pos" : v.signum() < 0 ? "neg" : "";
        return "<span class=\"" + cls + "\">" + Money.plain(v) + "</span>";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "&#8211;" : Money.plain(v);
    }

    private static String ratio(BigDecimal v) {
        return v == null ? "&#8211;" : v.toPlainString();
    }

    private static String percent(BigDecimal v) {
        return v == null ? "&#8211;" : v.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static String local(BacktestReport report, Instant time) {
        return TIME.format(time.atZone(report.calendar().zone()));
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        long days = s / 86_400;
        String hms = String.format(java.util.Locale.ROOT, "%d:%02d:%02d", (s % 86_400) / 3600, (s % 3600) / 60, s % 60);
        return days > 0 ? days + "d " + hms : hms;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
