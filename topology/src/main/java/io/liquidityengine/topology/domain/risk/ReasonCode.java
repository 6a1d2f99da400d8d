package io.liquidityengine.topology.domain.risk;

/** Why a plan event was approved or rejected (mirrors risk ReasonCode). */
public enum ReasonCode {
    OK, OUTSIDE_TRADING_WINDOW, PROFIT_TARGET_REACHED, DAILY_LOSS_LIMIT, SIZE_BELOW_ONE, REWARD_RISK_TOO_LOW,
    POSITION_ALREADY_OPEN, INSTRUMENT_LOCKED, MAX_OPEN_POSITIONS, MAX_NOTIONAL, STALE_PLAN, HALTED,
    UNKNOWN_INSTRUMENT, PLAN_AMENDED, PLAN_CANCELLED, OTHER,
    /** The plan's bracket already ended today (closed, or its entry cancelled): a plan gets one bracket. */
    PLAN_BRACKET_ENDED
}
