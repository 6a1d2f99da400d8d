package io.liquidityengine.demo;

import io.liquidityengine.backtest.Backtest;
import io.liquidityengine.backtest.BacktestSettings;
import io.liquidityengine.backtest.report.BacktestReport;
import io.liquidityengine.backtest.report.RunReport;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.schemas.catalog.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The demo's day as a one-process backtest: the same files the ingest reads and the services'
 * defaults plus the example rule strategy the demo publishes, so it gives the records the services give;
 * and the backtest's report written from the topics of a run of the services.
 */
final class DemoBacktest {

    private DemoBacktest() {
    }

    static Backtest of(Path home, SampleDayFiles day) {
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies", DemoCommand.EXAMPLE_STRATEGY), home);
        return new Backtest(settings, List.of(Backtest.Input.of("scid", day.scid(), "ES"),
                Backtest.Input.of("option-delta", day.optionDelta(), "ES")));
    }

    /** The backtest's report of the run, from the topics: the same report.html, trades.csv and stats.json as ./engine backtest. */
    static String writeReport(Path home, SampleDayFiles day, TopicReader reader, Path dir, String title) throws java.io.IOException {
        var settings = of(home, day).settings();
        var risk = settings.topology().risk();
        BacktestReport report = RunReport.of(title, "USD", settings.instruments().get("ES").timeZone(), risk.windowStart(),
                risk.flattenTime(), values(reader.readAll(Topics.SIG_BIAS)), values(reader.readAll(Topics.EXEC_POSITIONS)),
                values(reader.readAll(Topics.EXEC_REPORTS)), values(reader.readAll(Topics.RISK_DECISIONS)));
        report.write(dir);
        var stats = report.statistics();
        return String.format("report: %s (%d trades, net %s USD, max drawdown %s USD)", dir.resolve(BacktestReport.REPORT_HTML),
                stats.trades(), stats.netPnl().toPlainString(), stats.maxDrawdown().toPlainString());
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
