package io.liquidityengine.topology.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.liquidityengine.topology.domain.risk.RiskConfig;

/**
 * Settings of the topology that change what it computes (as opposed to Kafka Streams settings).
 *
 * @param registryConfig      schema registry settings for the Avro serdes ({@code schema.registry.url}, ...)
 * @param baseIntervalSeconds base bar length (5 s)
 * @param grace               how long after a base bar's end late ticks are still accepted, in event time
 * @param rollupIntervalsSeconds roll-up bar lengths built from base bars (60, 300, 900, 3600)
 * @param accounts            trading accounts the risk stage manages; every plan is vetted for each
 * @param risk                the risk rules applied to every account
 * @param lockstep            backtests: the risk stage runs in lockstep with the execution sink (see RiskLockstep)
 */
public record TopologyConfig(Map<String, ?> registryConfig, int baseIntervalSeconds, Duration grace,
                             List<Integer> rollupIntervalsSeconds, List<String> accounts, RiskConfig risk, boolean lockstep) {

    /** The default trading account: the paper account the demo and a fresh install trade. */
    public static final String DEFAULT_ACCOUNT = "paper";

    public TopologyConfig(Map<String, ?> registryConfig, int baseIntervalSeconds, Duration grace, List<Integer> rollupIntervalsSeconds) {
        this(registryConfig, baseIntervalSeconds, grace, rollupIntervalsSeconds, List.of(DEFAULT_ACCOUNT), RiskConfig.DEFAULTS, false);
    }

    public TopologyConfig(Map<String, ?> registryConfig, int baseIntervalSeconds, Duration grace, List<Integer> rollupIntervalsSeconds,
                          List<String> accounts, RiskConfig risk) {
        this(registryConfig, baseIntervalSeconds, grace, rollupIntervalsSeconds, accounts, risk, false);
    }

    public TopologyConfig {
        registryConfig = Map.copyOf(registryConfig);
        rollupIntervalsSeconds = List.copyOf(rollupIntervalsSeconds);
        accounts = List.copyOf(accounts);
        if (accounts.stream().anyMatch(a -> a.isBlank())) {
            throw new IllegalArgumentException("account names must not be blank: " + accounts);
        }
        if (baseIntervalSeconds <= 0) {
            throw new IllegalArgumentException("base bar interval must be positive, got " + baseIntervalSeconds);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        for (int r : rollupIntervalsSeconds) {
            if (r <= baseIntervalSeconds || r % baseIntervalSeconds != 0) {
                throw new IllegalArgumentException("roll-up interval " + r + " s must be a multiple of the base interval " + baseIntervalSeconds + " s");
            }
        }
    }

    public static TopologyConfig defaults(Map<String, ?> registryConfig) {
        return new TopologyConfig(registryConfig, 5, Duration.ofSeconds(2), List.of(60, 300, 900, 3600));
    }

    public TopologyConfig withGrace(Duration g) {
        return new TopologyConfig(registryConfig, baseIntervalSeconds, g, rollupIntervalsSeconds, accounts, risk, lockstep);
    }

    public TopologyConfig withRisk(List<String> tradingAccounts, RiskConfig rules) {
        return new TopologyConfig(registryConfig, baseIntervalSeconds, grace, rollupIntervalsSeconds, tradingAccounts, rules, lockstep);
    }

    public TopologyConfig withLockstep(boolean on) {
        return new TopologyConfig(registryConfig, baseIntervalSeconds, grace, rollupIntervalsSeconds, accounts, risk, on);
    }
}
