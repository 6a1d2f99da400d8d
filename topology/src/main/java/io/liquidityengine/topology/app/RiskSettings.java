package io.liquidityengine.topology.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** {@code engine.risk.*}: the accounts the risk stage manages and the rules it applies (the defaults of docs/strategy.md). */
@ConfigMapping(prefix = "engine.risk")
public interface RiskSettings {

    @WithDefault("paper")
    List<String> accounts();

    /** New entries only from here, instrument time zone. */
    @WithDefault("10:05")
    LocalTime windowStart();

    @WithDefault("15:15")
    LocalTime windowEnd();

    /** Everything is flattened at this local time. */
    @WithDefault("15:55")
    LocalTime flattenTime();

    /** Day's realized P&L (currency) at which new entries stop. */
    @WithDefault("5000")
    BigDecimal profitTarget();

    /** Day's realized loss (currency) at which entries stop and everything is flattened. */
    @WithDefault("3000")
    BigDecimal maxDailyLoss();

    /** Money risked per trade (currency): quantity = floor(risk / (stop ticks x tick value)). */
    @WithDefault("1000")
    BigDecimal riskPerTrade();

    @WithDefault("1.0")
    BigDecimal minRewardRisk();

    @WithDefault("true")
    boolean onePositionPerInstrument();

    /** No new entry on an instrument after a trade on it the same day. */
    @WithDefault("false")
    boolean lockAfterTrade();

    @WithDefault("3")
    int maxOpenPositions();

    /** Maximum notional of open and working positions (currency); none when unset. */
    Optional<BigDecimal> maxNotional();

    /**
     * Backtests: run in lockstep with an execution sink that has {@code execution.lockstep=true}, so a replay of
     * the closed loop decides the same orders on every run. Leave off live: signals would wait for the sink.
     */
    @WithDefault("false")
    boolean lockstep();

    /** A plan older than this (event time) when it reaches risk is rejected as stale. */
    @WithDefault("PT60S")
    Duration staleAfter();
}
