package io.liquidityengine.backtest.bench;

import io.liquidityengine.backtest.Backtest;
import io.liquidityengine.backtest.BacktestSettings;
import io.liquidityengine.backtest.ClosedLoop;
import io.liquidityengine.backtest.Sweep;
import io.liquidityengine.backtest.input.MergedInputs;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.marketdata.Tick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one-process backtest's speed (issue 11), each figure next to its baseline in the same run:
 * <ol>
 *   <li>whole loop (bars, signals, strategies, risk, paper broker) over N synthetic days of .scid files
 *       against decoding the same ticks alone (the ingest's .scid source, Avro ticks, merged in time);</li>
 *   <li>a parameter sweep of 4 combinations on one thread against all cores;</li>
 *   <li>the JVM's peak resident memory (VmHWM) at the end.</li>
 * </ol>
 * Run: {@code java -cp "backtest/target/test-classes:backtest/target/engine-backtest.jar" io.liquidityengine.backtest.bench.BacktestBenchmark [days] [rounds]}
 */
public final class BacktestBenchmark {

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("backtest-bench");
        List<Backtest.Input> inputs = new ArrayList<>();
        LocalDate date = LocalDate.of(2024, 12, 2);
        long ticks = 0;
        for (int i = 0; i < days; i++) {
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            SampleDayFiles day = new SampleDayGenerator(42 + i, date).writeTo(dir);
            ticks += day.summary().tickCount();
            inputs.add(Backtest.Input.of("scid", day.scid(), "ES"));
            inputs.add(Backtest.Input.of("option-delta", day.optionDelta(), "ES"));
            date = date.plusDays(1);
        }
        Path strategy = Path.of("topology/src/main/resources/strategies/ema-cross-patterns.json").toAbsolutePath();
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies", strategy.toString()), Path.of("").toAbsolutePath());
        System.out.printf("%d days, %,d ticks, %d cores%n", days, ticks, Runtime.getRuntime().availableProcessors());

        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            long decoded = decodeOnly(settings, inputs);
            double decodeSeconds = (System.nanoTime() - t0) / 1e9;
            Counting counts = new Counting();
            Backtest.Result result = new Backtest(settings, inputs).run(counts, null);
            double loopSeconds = result.elapsed().toNanos() / 1e9;
            System.out.printf("round %d: decode only %,.0f ticks/s (%,d in %.2f s); whole loop %,.0f ticks/s (%,d in %.2f s, %,d records out,"
                            + " %,d fills+reports); ratio %.2f%n", r, decoded / decodeSeconds, decoded, decodeSeconds, result.ticksPerSecond(),
                    result.ticks(), loopSeconds, counts.records, counts.reports, decodeSeconds / loopSeconds);
        }

        // the sweep: 4 combinations over the first day, one thread then every core
        List<Backtest.Input> oneDay = inputs.subList(0, 2);
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("stop-points", List.of("4", "6"));
        grid.put("min-reward-risk", List.of("1", "1.5"));
        Sweep.ReportShape shape = Sweep.ReportShape.of(settings, "ES");
        int cores = Runtime.getRuntime().availableProcessors();
        Sweep.run(settings, oneDay, grid, cores, shape); // warm-up
        long s1 = System.nanoTime();
        Sweep.run(settings, oneDay, grid, 1, shape);
        double one = (System.nanoTime() - s1) / 1e9;
        long sN = System.nanoTime();
        Sweep.run(settings, oneDay, grid, cores, shape);
        double all = (System.nanoTime() - sN) / 1e9;
        System.out.printf("sweep of 4 combinations over one day: 1 thread %.2f s, %d threads %.2f s, speed-up %.2f%n", one, cores, all, one / all);
        System.out.printf("peak RSS (VmHWM) %s%n", vmHwm());
    }

    /** The ingest's sources read and merged in time, every tick touched: the input side of the loop alone. */
    private static long decodeOnly(BacktestSettings settings, List<Backtest.Input> inputs) throws Exception {
        List<RecordSource> sources = new ArrayList<>();
        for (Backtest.Input in : inputs) {
            sources.add(in.open(settings));
        }
        long n = 0;
        double sum = 0;
        try (MergedInputs merged = new MergedInputs(sources, (id, p) -> { })) {
            for (OutRecord<?> r = merged.next(); r != null; r = merged.next()) {
                if (r.value() instanceof Tick t) {
                    n++;
                    sum += t.getPrice();
                }
            }
        }
        if (sum == 42) {
            System.out.print("");
        }
        return n;
    }

    private static String vmHwm() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).findFirst().map(l -> l.substring(6).trim())
                .orElse("n/a");
    }

    /** Counts what the loop produces (a backtest that keeps nothing). */
    private static final class Counting implements ClosedLoop.Records {
        long records;
        long reports;

        @Override
        public <V extends SpecificRecord> void record(Topic<String, V> topic, String key, V value, long timestampMs) {
            records++;
            if (topic.name().startsWith("exec.")) {
                reports++;
            }
        }
    }
}
