package io.liquidityengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code promtool} (Debian package prometheus) accepts the scrape configuration and the alert rules, and runs their unit tests. */
class PromtoolTest {

    private final Path observability = Tools.repo().resolve("deploy/observability/prometheus");

    @Test
    void shouldAcceptTheScrapeConfigurationWithItsRuleFile() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Run run = Tools.run(observability, List.of(promtool.toString(), "check", "config", "prometheus.yml"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: 1 rule files found").contains("SUCCESS: prometheus.yml is valid prometheus config file syntax");
    }

    @Test
    void shouldAcceptTheAlertRules() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Run run = Tools.run(observability, List.of(promtool.toString(), "check", "rules", "rules/liquidity-engine.rules.yml"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: 6 rules found");
    }

    /** prometheus/tests: the daily loss alert fires from the day's P&L and limit gauges alone, and from a rejection. */
    @Test
    void shouldPassTheAlertRulesUnitTests() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Run run = Tools.run(observability, List.of(promtool.toString(), "test", "rules", "tests/liquidity-engine.test.yml"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS");
    }
}
