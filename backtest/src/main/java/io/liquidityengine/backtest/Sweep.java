package io.liquidityengine.backtest;

import io.liquidityengine.backtest.report.ReportStatistics;
import io.liquidityengine.backtest.report.RunReport;
import io.liquidityengine.schemas.catalog.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A parameter sweep: every combination of the given values run over the same inputs, each in its
 * own thread (a run is single-threaded and shares nothing), results sorted by net P&L.
 */
public final class Sweep {

    /** One combination's outcome. */
    public record Row(Map<String, String> params, ReportStatistics statistics, Backtest.Result result) {
    }

    private Sweep() {
    }

    /** Every combination of {@code params} (key -> values), in the order the keys and values were given. */
    public static List<Map<String, String>> combinations(Map<String, List<String>> params) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : p.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** Runs every combination on {@code threads} threads; rows sorted by net P&L, best first (ties in combination order). */
    public static List<Row> run(BacktestSettings base, List<? extends Backtest.Input> inputs, Map<String, List<String>> params, int threads,
                                ReportShape shape) throws Exception {
        List<Map<String, String>> combos = combinations(params);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                BacktestSettings settings = base;
                for (Map.Entry<String, String> e : combo.entrySet()) {
                    settings = settings.with(e.getKey(), e.getValue());
                }
                BacktestSettings s = settings;
                futures.add(pool.submit(() -> {
                    RecordLog log = new RecordLog(Set.of(Topics.SIG_BIAS, Topics.EXEC_POSITIONS, Topics.EXEC_REPORTS, Topics.RISK_DECISIONS));
                    Backtest.Result result = new Backtest(s, inputs).run(log, null);
                    return new Row(combo, shape.report("sweep", log).statistics(), result);
                }));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                try {
                    rows.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing((Row r) -> r.statistics().netPnl()).reversed());
            return sorted;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How a run's records become a report (zone, session times, currency). */
    public interface ReportShape {
        io.liquidityengine.backtest.report.BacktestReport report(String title, RecordLog log);

        static ReportShape of(BacktestSettings settings, String instrument) {
            var spec = settings.instruments().get(instrument);
            var risk = settings.topology().risk();
            return (title, log) -> RunReport.of(title, spec.currency(), spec.timeZone(), risk.windowStart(), risk.flattenTime(), log);
        }
    }
}
