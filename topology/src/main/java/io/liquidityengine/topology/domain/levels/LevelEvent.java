package io.liquidityengine.topology.domain.levels;

import java.util.Objects;

/**
 * A CREATED or FILLED event of a level; {@code level} is the state after the event.
 *
 * @param eventMicros event time: the creation time for CREATED, the fill time for FILLED
 */
public record LevelEvent(LevelEventType type, LiquidityLevel level, long eventMicros) {

    public LevelEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
    }

    public static LevelEvent created(LiquidityLevel level) {
        return new LevelEvent(LevelEventType.CREATED, level, level.createdMicros());
    }

    public static LevelEvent filled(LiquidityLevel level) {
        return new LevelEvent(LevelEventType.FILLED, level, level.filledMicros());
    }
}
