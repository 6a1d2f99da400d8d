package io.liquidityengine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sample day through the one-process backtest: the signal side is the topology's (the figures ClosedLoopIT asserts). */
class SampleDayBacktestTest {

    static final Set<Topic<String, ?>> LOOP_TOPICS = Set.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS,
            Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS, Topics.DLQ_TOPOLOGY, Topics.DLQ_INGEST,
            Topics.DLQ_EXECUTION, Topics.CONTROL_COMMANDS);

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheTopologysSignalsOnTheSampleDay() throws Exception {
        SampleDayFiles day = new SampleDayGenerator(42, LocalDate.of(2024, 12, 5)).writeTo(dir);
        RecordLog log = new RecordLog(LOOP_TOPICS);
        Backtest.Result result = sampleDay(day).run(log, null);

        assertThat(result.ticks()).isEqualTo(day.summary().tickCount());
        Map<Integer, Long> byInterval = log.values(Topics.SIG_BARS).stream()
                .collect(Collectors.groupingBy(Bar::getIntervalSeconds, Collectors.counting()));
        assertThat(byInterval).containsEntry(5, 4_679L).containsEntry(60, 389L).containsEntry(300, 77L).containsEntry(900, 25L)
                .containsEntry(3600, 6L);
        assertThat(log.values(Topics.SIG_LEVELS).stream().filter(l -> l.getEvent() == LevelEvent.CREATED)).hasSize(20);
        assertThat(log.values(Topics.SIG_LEVELS).stream().filter(l -> l.getEvent() == LevelEvent.FILLED)).hasSize(17);
        assertThat(log.values(Topics.SIG_BIAS)).hasSize(4_679);
        assertThat(log.values(Topics.SIG_PLANS)).hasSize(56);
        assertThat(log.count(Topics.DLQ_TOPOLOGY)).isZero();
        assertThat(log.count(Topics.DLQ_INGEST)).isZero();
        assertThat(log.values(Topics.RISK_DECISIONS)).hasSize(56);
        System.out.printf("decisions %d orders %d reports %d positions %d, %,.0f ticks/s%n", log.count(Topics.RISK_DECISIONS),
                log.count(Topics.EXEC_ORDERS), log.count(Topics.EXEC_REPORTS), log.count(Topics.EXEC_POSITIONS), result.ticksPerSecond());
    }

    /** The demo's configuration: the services' defaults plus the shipped example rule strategy. */
    static Backtest sampleDay(SampleDayFiles day) {
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies",
                "topology/src/main/resources/strategies/ema-cross-patterns.json"), Path.of("..").toAbsolutePath().normalize());
        return new Backtest(settings, List.of(Backtest.Input.of("scid", day.scid(), "ES"),
                Backtest.Input.of("option-delta", day.optionDelta(), "ES")));
    }
}
