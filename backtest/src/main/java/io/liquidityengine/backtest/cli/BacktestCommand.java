package io.liquidityengine.backtest.cli;

import io.liquidityengine.backtest.Backtest;
import io.liquidityengine.backtest.BacktestSettings;
import io.liquidityengine.backtest.ClosedLoop;
import io.liquidityengine.backtest.TopicPublisher;
import io.liquidityengine.backtest.ProgressLine;
import io.liquidityengine.backtest.RecordLog;
import io.liquidityengine.backtest.Sweep;
import io.liquidityengine.backtest.report.BacktestReport;
import io.liquidityengine.backtest.report.ReportStatistics;
import io.liquidityengine.schemas.catalog.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./engine backtest}: the closed loop over files in one thread, a report in a folder; with
 * {@code --param}, a sweep of every combination on all cores and a table sorted by net P&L.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the engine (bars, signals, strategies, risk, the paper broker) over files in one thread, in event-time order,",
                "and writes report.html, trades.csv and stats.json. The same code as the services, with no broker."})
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--scid", description = "Sierra Chart .scid file (ticks); repeatable.")
    List<Path> scid = new ArrayList<>();

    @Option(names = "--option-delta", description = "Option-delta file (HH:MM:SS,value rows); repeatable.")
    List<Path> optionDelta = new ArrayList<>();

    @Option(names = "--zones", description = "Sierra Chart zone export (imported levels); repeatable.")
    List<Path> zones = new ArrayList<>();

    @Option(names = "--bar-export", description = "Sierra Chart bar/study export or a plain OHLCV file (timestamp,open,high,low,close,volume): "
            + "imported bars; repeatable. Without --scid the paper broker fills from the bars (open, extremes, close).")
    List<Path> barExport = new ArrayList<>();

    @Option(names = "--bar-interval", description = "Length of the bars of --bar-export, seconds. Default: the base interval (5).")
    int barIntervalSeconds;

    @Option(names = "--bootstrap-servers", description = "A Kafka cluster: without input files, read md.ticks, md.option-deltas, "
            + "md.levels.imported and md.bars.imported of the instrument from it (read committed, no consumer group); "
            + "with --publish-prefix, write the run's records to it.")
    String bootstrapServers;

    @Option(names = "--publish-prefix", description = "Write the run's signal, decision, order, report and position records to "
            + "<prefix><topic> on --bootstrap-servers (e.g. bt-1205. gives bt-1205.sig.bias), in the catalog's Avro.")
    String publishPrefix;

    @Option(names = "--registry-url", defaultValue = "http://localhost:8081", description = "Schema registry of that cluster. Default: ${DEFAULT-VALUE}")
    String registryUrl;

    @Option(names = "--from", description = "Topics: first event time, an instant (2024-12-05T14:30:00Z) or a date (its 00:00 in the instrument's zone).")
    String from;

    @Option(names = "--to", description = "Topics: end of the event-time range (exclusive), an instant or a date (the end of that day).")
    String to;

    @Option(names = "--instrument", defaultValue = "ES", description = "Instrument of the files. Default: ${DEFAULT-VALUE}")
    String instrument;

    @Option(names = "--date", description = "Trading date of option-delta files (yyyy-MM-dd) when their name does not say it.")
    Optional<String> date = Optional.empty();

    @Option(names = "--config", description = "Properties file with the services' keys (engine.risk.*, execution.paper.*, instruments.*, ...).")
    Path config;

    @Option(names = "--strategy", description = "Rule-strategy JSON file; repeatable (the strategy id is the file name).")
    List<Path> strategies = new ArrayList<>();

    @Option(names = "--no-reference", description = "Leave the reference strategy out.")
    boolean noReference;

    @Option(names = "--set", description = "One setting, key=value (a key of --config or a short name such as min-reward-risk); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--param", description = "Sweep: key=v1,v2,...; repeatable; every combination is run.")
    List<String> params = new ArrayList<>();

    @Option(names = "--threads", description = "Sweep threads. Default: the number of cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", defaultValue = "target/backtest", description = "Folder of the report. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--title", description = "Report title. Default: the instrument and the first file's name.")
    String title;

    /** What --publish-prefix writes: every output of the loop (its inputs, md.*, are the run's own input). */
    static final Set<io.liquidityengine.schemas.catalog.Topic<String, ?>> PUBLISHED = Set.of(Topics.SIG_BARS, Topics.SIG_LEVELS,
            Topics.SIG_BIAS, Topics.SIG_PLANS, Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS,
            Topics.CONTROL_COMMANDS, Topics.DLQ_INGEST, Topics.DLQ_TOPOLOGY, Topics.DLQ_EXECUTION);

    /** Every record to two places. */
    private record Both(ClosedLoop.Records first, ClosedLoop.Records second) implements ClosedLoop.Records {
        @Override
        public <V extends org.apache.avro.specific.SpecificRecord> void record(io.liquidityengine.schemas.catalog.Topic<String, V> topic,
                                                                              String key, V value, long timestampMs) {
            first.record(topic, key, value, timestampMs);
            second.record(topic, key, value, timestampMs);
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with its error handling: a wrong input or setting is one line on stderr and exit code 2, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new BacktestCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof java.nio.file.NoSuchFileException missing) {
                cmd.getErr().println("backtest: no such file: " + missing.getFile());
            } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException
                    || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("backtest: " + e.getMessage());
            } else {
                throw e;
            }
            return 2;
        });
    }

    @Override
    public Integer call() throws Exception {
        BacktestSettings settings = settings();
        if (!settings.instruments().containsKey(instrument)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "instrument " + instrument + " is not configured; configured: "
                    + settings.instruments().keySet());
        }
        List<Backtest.Input> inputs = inputs(settings);
        if (!params.isEmpty()) {
            return sweep(settings, inputs);
        }
        Sweep.ReportShape shape = Sweep.ReportShape.of(settings, instrument);
        RecordLog log = new RecordLog(Set.of(Topics.SIG_BIAS, Topics.SIG_PLANS, Topics.EXEC_POSITIONS, Topics.EXEC_REPORTS,
                Topics.RISK_DECISIONS));
        ProgressLine progress = ProgressLine.console(settings.instruments().get(instrument).timeZone(), estimatedTicks());
        System.out.printf("Backtest of %s: %s%n", instrument, inputs);
        Backtest.Result result;
        if (publishPrefix != null) {
            if (bootstrapServers == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--publish-prefix needs --bootstrap-servers");
            }
            try (TopicPublisher publisher = new TopicPublisher(Map.of("bootstrap.servers", bootstrapServers),
                    Map.of("schema.registry.url", registryUrl), publishPrefix, PUBLISHED)) {
                result = new Backtest(settings, inputs).run(new Both(log, publisher), progress);
                progress.done();
                publisher.close();
                System.out.printf("  published %,d records to %s%n", publisher.sent(), publisher.topicsWritten());
            }
        } else {
            result = new Backtest(settings, inputs).run(log, progress);
            progress.done();
        }
        BacktestReport report = shape.report(title(inputs), log);
        report.write(out);
        ReportStatistics s = report.statistics();
        double seconds = result.elapsed().toNanos() / 1e9;
        if (result.ticks() > 0) {
            System.out.printf("  %,d ticks in %.2f s (%,.0f ticks/s), %,d input records, %d dead letters%n", result.ticks(),
                    seconds, result.ticksPerSecond(), result.inputRecords(), result.deadLetters());
        } else {
            System.out.printf("  no ticks: %,d input records in %.2f s (%,.0f records/s; fills from the bars), %d dead letters%n",
                    result.inputRecords(), seconds, seconds == 0 ? 0 : result.inputRecords() / seconds, result.deadLetters());
        }
        System.out.printf("  bars %,d, bias %,d, plans %,d, decisions %,d, orders %,d, reports %,d, positions %,d%n",
                log.count(Topics.SIG_BARS), log.count(Topics.SIG_BIAS), log.count(Topics.SIG_PLANS), log.count(Topics.RISK_DECISIONS),
                log.count(Topics.EXEC_ORDERS), log.count(Topics.EXEC_REPORTS), log.count(Topics.EXEC_POSITIONS));
        System.out.printf("  trades %d, net P&L %s %s (gross %s, commission %s), win rate %s, profit factor %s, max drawdown %s%n",
                s.trades(), s.netPnl().toPlainString(), report.currency(), s.grossPnl().toPlainString(), s.commission().toPlainString(),
                plain(s.winRate()), plain(s.profitFactor()), s.maxDrawdown().toPlainString());
        System.out.printf("  rejections %s%n", report.rejectionsSorted());
        System.out.printf("  report: %s%n", out.toAbsolutePath().resolve(BacktestReport.REPORT_HTML));
        return 0;
    }

    private int sweep(BacktestSettings settings, List<Backtest.Input> inputs) throws Exception {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--param wants key=v1,v2,...: " + p);
            }
            grid.put(p.substring(0, eq).trim(), Arrays.stream(p.substring(eq + 1).split(",")).map(String::trim).toList());
        }
        int combos = Sweep.combinations(grid).size();
        System.out.printf("Sweep of %d combinations on %d threads over %s%n", combos, threads, inputs);
        long start = System.nanoTime();
        List<Sweep.Row> rows = Sweep.run(settings, inputs, grid, threads, Sweep.ReportShape.of(settings, instrument));
        double seconds = (System.nanoTime() - start) / 1e9;
        String table = SweepTable.format(grid.keySet(), rows);
        System.out.print(table);
        long ticks = rows.stream().mapToLong(r -> r.result().ticks()).sum();
        System.out.printf("  %d runs, %,d ticks in %.2f s (%,.0f ticks/s over all threads)%n", rows.size(), ticks, seconds, ticks / seconds);
        Files.createDirectories(out);
        Files.writeString(out.resolve("sweep.txt"), table);
        System.out.printf("  table: %s%n", out.toAbsolutePath().resolve("sweep.txt"));
        return 0;
    }

    private BacktestSettings settings() throws IOException {
        BacktestSettings s = config == null ? BacktestSettings.of(Map.of(), Path.of("").toAbsolutePath())
                : BacktestSettings.load(config);
        if (!strategies.isEmpty()) {
            s = s.with("backtest.strategies", String.join(",", strategies.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        if (noReference) {
            s = s.with("backtest.reference", "false");
        }
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--set wants key=value: " + kv);
            }
            s = s.with(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return s;
    }

    private List<Backtest.Input> inputs(BacktestSettings settings) {
        List<Backtest.Input> out = new ArrayList<>();
        boolean files = !(scid.isEmpty() && optionDelta.isEmpty() && zones.isEmpty() && barExport.isEmpty());
        if (bootstrapServers != null && !files) {
            java.time.ZoneId zone = settings.instruments().get(instrument).timeZone();
            java.time.Instant start = from == null ? java.time.Instant.EPOCH : instant(from, zone, false);
            java.time.Instant end = to == null ? java.time.Instant.parse("9999-01-01T00:00:00Z") : instant(to, zone, true);
            Map<String, Object> client = Map.of("bootstrap.servers", bootstrapServers);
            Map<String, Object> registry = Map.of("schema.registry.url", registryUrl);
            for (var topic : List.of(Topics.MD_TICKS, Topics.MD_OPTION_DELTAS, Topics.MD_LEVELS_IMPORTED, Topics.MD_BARS_IMPORTED)) {
                out.add(new Backtest.TopicInput(client, registry, topic, instrument, start, end));
            }
        }
        scid.forEach(p -> out.add(Backtest.Input.of("scid", p, instrument)));
        optionDelta.forEach(p -> out.add(new Backtest.FileInput("option-delta-" + p.getFileName(), "option-delta", p, instrument,
                Optional.empty(), date, 0)));
        zones.forEach(p -> out.add(Backtest.Input.of("zones", p, instrument)));
        barExport.forEach(p -> out.add(new Backtest.FileInput("bar-export-" + p.getFileName(), "bar-export", p, instrument,
                Optional.empty(), Optional.empty(), barIntervalSeconds)));
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "no input: give --scid, --bar-export, --option-delta or --zones files, or --bootstrap-servers");
        }
        return out;
    }

    /** An instant, or a date's start (or its end, the next day's start) in {@code zone}. */
    private static java.time.Instant instant(String text, java.time.ZoneId zone, boolean endOfDay) {
        if (text.length() == 10) {
            java.time.LocalDate day = java.time.LocalDate.parse(text);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return java.time.Instant.parse(text);
    }

    /** Ticks in the .scid files, from their sizes (56-byte header, 40-byte records). */
    private long estimatedTicks() throws IOException {
        long n = 0;
        for (Path p : scid) {
            n += Math.max(0, (Files.size(p) - 56) / 40);
        }
        return n;
    }

    private String title(List<Backtest.Input> inputs) {
        return title != null ? title : instrument + " " + inputs.get(0);
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString();
    }
}
