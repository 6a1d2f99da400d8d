package io.liquidityengine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.execution.paper.PaperBroker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestSettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldDefaultToTheServicesDefaults() {
        BacktestSettings s = BacktestSettings.of(Map.of(), dir);
        assertThat(s.topology().accounts()).containsExactly("paper");
        assertThat(s.topology().baseIntervalSeconds()).isEqualTo(5);
        assertThat(s.topology().grace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.topology().rollupIntervalsSeconds()).containsExactly(60, 300, 900, 3600);
        assertThat(s.topology().risk().windowStart()).isEqualTo(LocalTime.of(10, 5));
        assertThat(s.topology().risk().flattenTime()).isEqualTo(LocalTime.of(15, 55));
        assertThat(s.topology().risk().riskPerTrade()).isEqualByComparingTo("1000");
        assertThat(s.paperBroker()).isEqualTo(new PaperBroker.Config(1, new BigDecimal("2.25"), PaperBroker.LimitFill.THROUGH));
        assertThat(s.instruments()).containsOnlyKeys("ES", "MES", "MNQ", "NQ");
        assertThat(s.instruments().get("ES").tickValue()).isEqualByComparingTo("12.50");
        assertThat(s.instruments().get("ES").timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.strategies()).isEmpty();
    }

    @Test
    void shouldTakeShortNamesAndOverrideEveryRuleStrategysStop() throws Exception {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, "{\"timeframe\": \"1m\", \"long\": {\"pattern\": \"hammer\"}, \"short\": {\"pattern\": \"shooting_star\"},"
                + " \"plan\": {\"stopPoints\": 4.0, \"validBars\": 2}}");
        BacktestSettings s = BacktestSettings.of(Map.of("backtest.strategies", "rules.json"), dir)
                .with("min-reward-risk", "1.5").with("stop-points", "6").with("slippage-ticks", "0").with("backtest.reference", "false");
        assertThat(s.topology().risk().minRewardRisk()).isEqualByComparingTo("1.5");
        assertThat(s.paperBroker().slippageTicks()).isZero();
        assertThat(s.strategies()).hasSize(2);
        assertThat(s.strategies().get(0).getStrategyId()).isEqualTo("rules");
        assertThat(s.strategies().get(0).getDefinition()).contains("\"stopPoints\":6.0").contains("\"validBars\":2");
        assertThat(s.strategies().get(1).getStrategyId()).isEqualTo("reference");
        assertThat(s.strategies().get(1).getEnabled()).isFalse();
    }

    @Test
    void shouldRefuseUnknownKeysAndBadValues() {
        assertThatThrownBy(() -> BacktestSettings.of(Map.of("engine.risk.min-reward", "2"), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown backtest settings [engine.risk.min-reward]");
        assertThatThrownBy(() -> BacktestSettings.of(Map.of("engine.risk.window-start", "ten"), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ten");
        assertThatThrownBy(() -> BacktestSettings.of(Map.of("backtest.strategies", "missing.json"), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.json");
    }

    @Test
    void shouldListEveryCombinationOfASweepInTheOrderGiven() {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("stop-points", List.of("4", "6", "8"));
        grid.put("min-reward-risk", List.of("1", "1.5"));
        assertThat(Sweep.combinations(grid)).extracting(Map::toString).containsExactly(
                "{stop-points=4, min-reward-risk=1}", "{stop-points=4, min-reward-risk=1.5}",
                "{stop-points=6, min-reward-risk=1}", "{stop-points=6, min-reward-risk=1.5}",
                "{stop-points=8, min-reward-risk=1}", "{stop-points=8, min-reward-risk=1.5}");
    }

    @Test
    void shouldShowEventTimeRateAndTimeLeft() {
        ProgressLine line = new ProgressLine(System.out, false, ZoneId.of("America/New_York"), 1_000_000, 5);
        assertThat(line.text(250_000, Instant.parse("2024-12-05T15:30:00Z"), 500_000_000L))
                .isEqualTo("  event time 2024-12-05 10:30:00 EST   250,000 ticks   500,000 ticks/s   25%   ETA 2 s");
    }
}
