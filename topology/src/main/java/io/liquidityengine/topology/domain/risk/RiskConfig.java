package io.liquidityengine.topology.domain.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Risk rules of an account; defaults from docs/strategy.md ("Risk and the trading day"). Money is in the
 * instruments' currency.
 *
 * @param windowStart              new entries from this local time of the trading day (10:05)
 * @param windowEnd                ... until before this one (15:15)
 * @param flattenTime              flatten everything at this local time (15:55)
 * @param profitTarget             no new entries once the day's realized P&L is at or above it (5,000)
 * @param maxDailyLoss             no new entries, and flatten, once the day's P&L is at or below minus it (3,000)
 * @param riskPerTrade             money risked per trade; sizes the quantity (1,000)
 * @param minRewardRisk            minimum (T1 - entry) / (entry - stop) (1.0)
 * @param onePositionPerInstrument at most one open position or working bracket per instrument (true)
 * @param lockAfterTrade           after an entry fill on an instrument, no new entries on it that day (false)
 * @param maxOpenPositions         open positions plus working brackets of the account (3)
 * @param maxNotional              cap on the summed notional of open and working brackets; null = none
 * @param staleAfter               a plan event older than this, in event time, than the latest event seen is stale (60 s)
 */
public record RiskConfig(LocalTime windowStart, LocalTime windowEnd, LocalTime flattenTime, BigDecimal profitTarget,
                         BigDecimal maxDailyLoss, BigDecimal riskPerTrade, BigDecimal minRewardRisk,
                         boolean onePositionPerInstrument, boolean lockAfterTrade, int maxOpenPositions,
                         BigDecimal maxNotional, Duration staleAfter) {

    public static final RiskConfig DEFAULTS = new RiskConfig(LocalTime.of(10, 5), LocalTime.of(15, 15),
            LocalTime.of(15, 55), new BigDecimal("5000"), new BigDecimal("3000"), new BigDecimal("1000"),
            new BigDecimal("1.0"), true, false, 3, null, Duration.ofSeconds(60));

    public RiskConfig {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(flattenTime, "flattenTime");
        Objects.requireNonNull(staleAfter, "staleAfter");
        requirePositive(profitTarget, "profitTarget");
        requirePositive(maxDailyLoss, "maxDailyLoss");
        requirePositive(riskPerTrade, "riskPerTrade");
        if (minRewardRisk == null || minRewardRisk.signum() < 0) {
            throw new IllegalArgumentException("minRewardRisk must be >= 0");
        }
        if (maxNotional != null && maxNotional.signum() <= 0) {
            throw new IllegalArgumentException("maxNotional must be positive or null");
        }
        if (maxOpenPositions < 1) {
            throw new IllegalArgumentException("maxOpenPositions must be >= 1");
        }
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("windowStart must be before windowEnd");
        }
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must be >= 0");
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public long staleAfterMicros() {
        return staleAfter.toNanos() / 1_000;
    }

    public RiskConfig withLockAfterTrade(boolean lock) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, riskPerTrade, minRewardRisk,
                onePositionPerInstrument, lock, maxOpenPositions, maxNotional, staleAfter);
    }

    public RiskConfig withOnePositionPerInstrument(boolean one) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, riskPerTrade, minRewardRisk,
                one, lockAfterTrade, maxOpenPositions, maxNotional, staleAfter);
    }

    public RiskConfig withMaxOpenPositions(int max) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, riskPerTrade, minRewardRisk,
                onePositionPerInstrument, lockAfterTrade, max, maxNotional, staleAfter);
    }

    public RiskConfig withMaxNotional(BigDecimal max) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, riskPerTrade, minRewardRisk,
                onePositionPerInstrument, lockAfterTrade, maxOpenPositions, max, staleAfter);
    }

    public RiskConfig withRiskPerTrade(BigDecimal risk) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, risk, minRewardRisk,
                onePositionPerInstrument, lockAfterTrade, maxOpenPositions, maxNotional, staleAfter);
    }

    public RiskConfig withMinRewardRisk(BigDecimal min) {
        return new RiskConfig(windowStart, windowEnd, flattenTime, profitTarget, maxDailyLoss, riskPerTrade, min,
                onePositionPerInstrument, lockAfterTrade, maxOpenPositions, maxNotional, staleAfter);
    }
}
