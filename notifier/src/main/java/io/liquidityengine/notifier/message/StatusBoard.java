package io.liquidityengine.notifier.message;

import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The minutely status, per instrument, on event time: the first bias record of each new minute
 * (its bar ended at or after the minute boundary) gives a status embed, with the instrument's open
 * position and active plan as last seen. Not thread-safe; feed it from one thread.
 */
public final class StatusBoard {

    private final int baseBarSeconds;
    private final Map<String, Long> lastMinute = new HashMap<>();
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, TradePlan> plans = new HashMap<>();

    public StatusBoard(int baseBarSeconds) {
        this.baseBarSeconds = baseBarSeconds;
    }

    public void onPosition(Position p) {
        if (p.getStatus() == PositionStatus.OPEN) {
            positions.put(p.getInstrument(), p);
        } else {
            positions.remove(p.getInstrument());
        }
    }

    public void onPlan(TradePlan p) {
        if (p.getStatus() == PlanStatus.CANCELLED) {
            plans.remove(p.getInstrument());
        } else {
            plans.put(p.getInstrument(), p);
        }
    }

    /** The status embed when this bias starts a new minute of event time for its instrument, else empty. */
    public Optional<Notification> onBias(Bias b) {
        long minute = b.getEventTime().truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        Long last = lastMinute.get(b.getInstrument());
        if (last != null && minute <= last) {
            return Optional.empty();
        }
        lastMinute.put(b.getInstrument(), minute);
        return Optional.of(Messages.status(b, positions.get(b.getInstrument()), plans.get(b.getInstrument()), baseBarSeconds));
    }
}
