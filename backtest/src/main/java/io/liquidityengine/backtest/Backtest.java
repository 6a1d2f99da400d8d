package io.liquidityengine.backtest;

import io.liquidityengine.backtest.input.BarPath;

import io.liquidityengine.backtest.input.MergedInputs;
import io.liquidityengine.backtest.input.TopicSource;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.execution.sink.ExecutionSink;
import io.liquidityengine.ingest.publish.DeadLetters;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sources.Sources;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One backtest: the ingest's file sources merged in event time into a {@link ClosedLoop} made from
 * {@link BacktestSettings}, every account trading through the paper broker. The records go to the
 * given {@link ClosedLoop.Records}; ticks are not recorded (they are the input).
 */
public final class Backtest {

    /** An input of the run: a source of the records the services would read from the md.* topics. */
    public interface Input {
        /** The instrument of the records. */
        String instrument();

        /** A new source over the input (each run reads its own). */
        RecordSource open(BacktestSettings settings);

        /** Whether the input holds trades (md.ticks); a run without any fills from its bars ({@link BarPath}). */
        default boolean carriesTrades() {
            return false;
        }

        /** A file read by the ingest's parser of {@code type} (scid, bar-export, zones, option-delta). */
        static FileInput of(String type, Path path, String instrument) {
            return new FileInput(type + "-" + path.getFileName(), type, path, instrument, Optional.empty(), Optional.empty(), 0);
        }
    }

    /**
     * A file to read, as an ingest source: {@code type} is the ingest's source type (scid, bar-export,
     * zones, option-delta); {@code timeZone} and {@code date} as its {@code time-zone} and {@code date} keys;
     * {@code barIntervalSeconds} is a bar export's bar length, 0 for the base interval.
     */
    public record FileInput(String id, String type, Path path, String instrument, Optional<String> timeZone, Optional<String> date,
                            int barIntervalSeconds) implements Input {
        @Override
        public boolean carriesTrades() {
            return type.equals("scid") || type.equals("dtc");
        }

        @Override
        public RecordSource open(BacktestSettings settings) {
            InstrumentSpec spec = settings.instruments().get(instrument);
            if (spec == null) {
                throw new IllegalArgumentException("input " + path + ": instrument " + instrument + " is not configured (instruments."
                        + instrument + ".*); configured: " + settings.instruments().keySet());
            }
            int barSeconds = barIntervalSeconds > 0 ? barIntervalSeconds : settings.topology().baseIntervalSeconds();
            return Sources.create(id, type, path, spec, false, barSeconds, timeZone, date);
        }

        @Override
        public String toString() {
            return type + " " + path;
        }
    }

    /** One instrument's records of a historical topic in an event-time range (see {@link TopicSource}). */
    public record TopicInput(Map<String, ?> clientConfig, Map<String, ?> registryConfig, Topic<String, ?> topic, String instrument,
                             Instant from, Instant to) implements Input {
        @Override
        public boolean carriesTrades() {
            return topic.equals(Topics.MD_TICKS);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public RecordSource open(BacktestSettings settings) {
            return new TopicSource(clientConfig, registryConfig, (Topic) topic, instrument, from, to);
        }

        @Override
        public String toString() {
            return topic.name() + " " + instrument + " [" + from + ", " + to + ")";
        }
    }

    /** Where the run stands, for a progress line: ticks so far and the event time reached. */
    public interface Progress {
        void at(long ticks, Instant eventTime);
    }

    /** What a run did: ticks in, how long it took, input problems (dead-lettered). */
    public record Result(long ticks, long inputRecords, long deadLetters, Duration elapsed) {
        public double ticksPerSecond() {
            return elapsed.isZero() ? 0 : ticks / (elapsed.toNanos() / 1e9);
        }
    }

    private static final int PROGRESS_EVERY = 1 << 16;

    private final BacktestSettings settings;
    private final List<Input> inputs;

    public Backtest(BacktestSettings settings, List<? extends Input> inputs) {
        this.settings = settings;
        this.inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one input file");
        }
    }

    public BacktestSettings settings() {
        return settings;
    }

    public Result run(ClosedLoop.Records out, Progress progress) throws IOException {
        var instruments = settings.instruments();
        List<RecordSource> sources = new ArrayList<>();
        for (Input in : inputs) {
            sources.add(in.open(settings));
        }
        ClosedLoop loop = new ClosedLoop(settings.topology(), new ExecutionSink.Config(Set.of(), Duration.ofDays(7)),
                PaperBrokerFactory.everyAccount(settings.paperBroker()), out);
        // as the services see them before the first trade: every instrument on ref.instruments, the strategies on config.strategies
        instruments.values().forEach(i -> loop.instrument(i.toAvro()));
        for (StrategyDefinition d : settings.strategies()) {
            loop.strategy(d);
        }
        boolean fillsFromBars = inputs.stream().noneMatch(Input::carriesTrades);
        long[] deadLetters = {0};
        long records = 0;
        long start = System.nanoTime();
        try (MergedInputs merged = new MergedInputs(sources, (sourceId, problem) -> {
            DeadLetter letter = DeadLetters.from(sourceId, problem);
            out.record(Topics.DLQ_INGEST, letter.getSource(), letter, 0L);
            deadLetters[0]++;
        })) {
            for (OutRecord<?> r = merged.next(); r != null; r = merged.next()) {
                records++;
                Object value = r.value();
                if (value instanceof Tick tick) {
                    loop.tick(tick);
                    if ((loop.ticksIn() & (PROGRESS_EVERY - 1)) == 0 && progress != null) {
                        progress.at(loop.ticksIn(), tick.getEventTime());
                    }
                } else if (value instanceof OptionDelta delta) {
                    loop.optionDelta(delta);
                } else if (value instanceof LiquidityLevel level) {
                    loop.importedLevel(level, r.timestampMillis());
                } else if (value instanceof Bar bar) {
                    if (fillsFromBars) {
                        BarPath.trades(bar).forEach(loop::marketTrade);
                    }
                    loop.importedBar(bar);
                } else {
                    throw new IllegalStateException("unexpected input record on " + r.topic().name() + ": " + value.getClass().getName());
                }
            }
        } finally {
            loop.close();
        }
        return new Result(loop.ticksIn(), records, deadLetters[0], Duration.ofNanos(System.nanoTime() - start));
    }
}
