package io.liquidityengine.notifier.message;

import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The minutely status, per instrument, on event time: the first bias record of each new minute
 * (its bar ended at or after the minute boundary) gives a status embed, with the instrument's open
 * position and active plan as last seen, and the Avg study of the latest bar carrying one that ended at
 * or before the bias (sig.bars arrives on its own channel: a bar behind the bias is not waited for).
 * Not thread-safe; callers synchronize.
 */
public final class StatusBoard {

    private final int baseBarSeconds;
    private final Map<String, Long> lastMinute = new HashMap<>();
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, TradePlan> plans = new HashMap<>();
    private final Map<String, TreeMap<Instant, Double>> avgs = new HashMap<>();

    /** The study column of the bars shown as Avg (Sierra Chart's export names it so). */
    public static final String AVG_STUDY = "Avg";
    private static final int AVG_KEPT = 256;

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

    /** A sig.bars record: its Avg study, when it carries one. */
    public void onBar(Bar bar) {
        Double avg = bar.getStudies() == null ? null : bar.getStudies().get(AVG_STUDY);
        if (avg == null) {
            return;
        }
        TreeMap<Instant, Double> byEnd = avgs.computeIfAbsent(bar.getInstrument(), k -> new TreeMap<>());
        byEnd.put(bar.getEndTime(), avg);
        while (byEnd.size() > AVG_KEPT) {
            byEnd.pollFirstEntry();
        }
    }

    /** The Avg of the latest bar of {@code instrument} ending at or before {@code t}; null when none. */
    Double avg(String instrument, Instant t) {
        TreeMap<Instant, Double> byEnd = avgs.get(instrument);
        var e = byEnd == null ? null : byEnd.floorEntry(t);
        return e == null ? null : e.getValue();
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
        return Optional.of(Messages.status(b, positions.get(b.getInstrument()), plans.get(b.getInstrument()), baseBarSeconds,
                avg(b.getInstrument(), b.getEventTime())));
    }
}
