package io.liquidityengine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats.json, trades.csv and report.html of {@link SampleTrades}, read back. */
class BacktestReportFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    @Test
    void shouldWriteStatsWhoseNetPnlEqualsARecomputationFromTradesCsv() throws IOException {
        SampleTrades.report().write(dir);
        List<ClosedTrade> back = TradesCsv.read(dir.resolve(BacktestReport.TRADES_CSV));
        assertThat(back).hasSize(7);
        BigDecimal net = back.stream().map(t -> t.pnl().subtract(t.commission())).reduce(BigDecimal.ZERO, BigDecimal::add);
        // the net_pnl column summed on its own gives the same
        BigDecimal netColumn = BigDecimal.ZERO;
        for (String line : Files.readAllLines(dir.resolve(BacktestReport.TRADES_CSV)).subList(1, 8)) {
            List<String> fields = TradesCsv.split(line);
            netColumn = netColumn.add(new BigDecimal(fields.get(12)));
        }
        JsonNode stats = JSON.readTree(dir.resolve(BacktestReport.STATS_JSON).toFile());
        assertThat(stats.at("/statistics/netPnl").decimalValue()).isEqualByComparingTo(net).isEqualByComparingTo(netColumn)
                .isEqualByComparingTo("250.00");
        assertThat(stats.at("/statistics/grossPnl").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(stats.at("/statistics/commission").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(stats.at("/statistics/sharpe").decimalValue()).isEqualByComparingTo("4.0988");
        assertThat(stats.at("/statistics/sortino").decimalValue()).isEqualByComparingTo("9.8450");
        assertThat(stats.at("/statistics/maxDrawdown").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(stats.at("/statistics/maxDrawdownDuration").asText()).isEqualTo("PT71H");
        assertThat(stats.at("/statistics/maxDrawdownDurationSeconds").asLong()).isEqualTo(71 * 3600);
        assertThat(stats.at("/byStrategy/reference/netPnl").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(stats.at("/rejections/OUTSIDE_TRADING_WINDOW").asLong()).isEqualTo(2);
        assertThat(stats.at("/rejections/SIZE_BELOW_ONE").asLong()).isEqualTo(1);
        assertThat(stats.at("/dailyPnl/2024-12-04").decimalValue()).isEqualByComparingTo("0");
        // money keeps its cents in the file
        assertThat(Files.readString(dir.resolve(BacktestReport.STATS_JSON))).contains("\"netPnl\" : 250.00,");
    }

    @Test
    void shouldRoundTripEveryTradeThroughTradesCsv() throws IOException {
        BacktestReport report = SampleTrades.report();
        report.write(dir);
        List<ClosedTrade> back = TradesCsv.read(dir.resolve(BacktestReport.TRADES_CSV));
        // quoting: "FLATTEN, trend turned" and STOP "hard" come back unchanged
        assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(report.trades());
        assertThat(Files.readString(dir.resolve(BacktestReport.TRADES_CSV))).startsWith(TradesCsv.HEADER + "\n"
                + "ESZ4,reference,LONG,1,2024-12-02T15:00:00Z,6000.00,2024-12-02T15:30:00Z,6005.00,1800,20,250.00,12.50,237.50,TARGET\n");
    }

    @Test
    void shouldWriteOneSelfContainedHtmlWithTheTradeTableAndEmbeddedCharts() throws IOException {
        SampleTrades.report().write(dir);
        String html = Files.readString(dir.resolve(BacktestReport.REPORT_HTML));
        assertThat(count(html, "<tr class=\"trade\">")).isEqualTo(7);
        assertThat(html).contains("<tr class=\"trade\"><td>1</td><td class=\"l\">ESZ4</td><td class=\"l\">reference</td>"
                + "<td class=\"l\">LONG</td><td>1</td><td>2024-12-02 10:00:00</td><td>6000.00</td><td>2024-12-02 10:30:00</td>"
                + "<td>6005.00</td><td>0:30:00</td><td>20</td><td><span class=\"pos\">250.00</span></td>");
        assertThat(html).contains("<td class=\"l\">STOP &quot;hard&quot;</td>", "Sample week ESZ4 &lt;test&gt;");
        // the charts are inline SVG with their data drawn: 8 equity points (start + 7 trades), 5 daily bars
        for (String id : List.of("equity-chart", "drawdown-chart", "daily-pnl-chart")) {
            assertThat(html).contains("<svg id=\"" + id + "\"");
        }
        Matcher equity = Pattern.compile("(?s)<svg id=\"equity-chart\".*?<polyline [^>]*points=\"([^\"]*)\"").matcher(html);
        assertThat(equity.find()).isTrue();
        assertThat(equity.group(1).split(" ")).hasSize(8);
        assertThat(count(html, "<rect x=")).isEqualTo(5);
        assertThat(html).contains("<tr class=\"rejection\"><td class=\"l\">OUTSIDE_TRADING_WINDOW</td><td>2</td></tr>");
        assertThat(count(html, "<tr class=\"strategy\">")).isEqualTo(2);
        // self-contained: nothing is fetched (the SVG namespace is a name, not a request)
        assertThat(html).doesNotContain("src=", "href=", "url(", "<script", "@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
    }

    @Test
    void shouldWriteTheSameBytesForTheSameInput() throws IOException {
        SampleTrades.report().write(dir.resolve("a"));
        SampleTrades.report().write(dir.resolve("b"));
        for (String f : List.of(BacktestReport.STATS_JSON, BacktestReport.TRADES_CSV, BacktestReport.REPORT_HTML)) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
