package io.liquidityengine.backtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A backtest's report: closed trades, rejections by reason and the session calendar in;
 * {@code stats.json}, {@code trades.csv} and one self-contained {@code report.html} out (see the package
 * documentation for every formula). Output is a pure function of the input: the same run gives the same
 * bytes.
 *
 * @param title      heading of the HTML page and {@code title} in stats.json
 * @param currency   the currency every money figure is in
 * @param rejections risk rejections counted by reason code
 */
public record BacktestReport(String title, String currency, SessionCalendar calendar, List<ClosedTrade> trades,
                             Map<String, Long> rejections) {

    public static final String STATS_JSON = "stats.json";
    public static final String TRADES_CSV = "trades.csv";
    public static final String REPORT_HTML = "report.html";

    public BacktestReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(calendar, "calendar");
        trades = trades.stream().sorted(ReportStatistics.EXIT_ORDER).toList();
        rejections = Map.copyOf(rejections);
    }

    public ReportStatistics statistics() {
        return ReportStatistics.compute(trades, calendar);
    }

    /** The same statistics per strategy id (same calendar), by strategy id. */
    public Map<String, ReportStatistics> byStrategy() {
        Map<String, ReportStatistics> out = new TreeMap<>();
        trades.stream().map(ClosedTrade::strategy).distinct().forEach(s ->
                out.put(s, ReportStatistics.compute(trades.stream().filter(t -> t.strategy().equals(s)).toList(), calendar)));
        return out;
    }

    public Map<String, Long> rejectionsSorted() {
        return new TreeMap<>(rejections);
    }

    /** Writes stats.json, trades.csv and report.html into {@code dir} (created when missing). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportStatistics stats = statistics();
        Map<String, ReportStatistics> byStrategy = byStrategy();
        Files.writeString(dir.resolve(STATS_JSON), StatsJson.format(this, stats, byStrategy), StandardCharsets.UTF_8);
        TradesCsv.write(dir.resolve(TRADES_CSV), trades);
        Files.writeString(dir.resolve(REPORT_HTML), HtmlReport.render(this, stats, byStrategy), StandardCharsets.UTF_8);
    }
}
