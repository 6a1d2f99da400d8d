package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.chart.ChartData.Candle;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the charts need, per instrument, in memory, and when a chart is due, all on event time.
 *
 * <p><b>Session.</b> A session ends at the daily close ({@code close} in {@code zone}, default 16:00
 * America/New_York); a 1-minute bar belongs to the session of the first close at or after its end time.
 * A bar of a later session starts a new one: candles, per-minute bias and fills are cleared; unfilled
 * levels carry over (they stay on the level book until a bar trades through them).
 *
 * <p><b>Triggers.</b> A 1-minute bar whose end time is in a later hour than the previous bar's end
 * (a bar ending exactly on the hour, or the first bar after a gap over it) makes an HOURLY chart of the
 * session so far (up to that bar's end); a bar ending at or after its session's close makes the
 * SESSION_CLOSE chart instead (once per session). A due chart is released once sig.bias has reached its
 * end (a bias record with event time at or after it), because the bias of the last minutes comes on
 * another channel; levels and fills are taken up to the chart's end, as far as their channels have
 * delivered them. Not thread-safe: callers synchronize.
 */
public final class ChartBook {

    private final ZoneId zone;
    private final LocalTime close;
    private final Map<String, Book> books = new HashMap<>();

    private static final class MinuteState {
        BiasValue bias = BiasValue.HOLD;
        boolean extended;
    }

    private static final class Book {
        LocalDate session;
        final List<Bar> bars = new ArrayList<>();
        final TreeMap<Long, MinuteState> minutes = new TreeMap<>();
        final Map<String, LiquidityLevel> unfilled = new LinkedHashMap<>();
        final List<ExecutionReport> fills = new ArrayList<>();
        Instant biasWatermark = Instant.MIN;
        final List<ChartData.Reason> pendingReasons = new ArrayList<>();
        final List<Instant> pendingEnds = new ArrayList<>();
        boolean closed;
    }

    public ChartBook(ZoneId zone, LocalTime close) {
        this.zone = zone;
        this.close = close;
    }

    /** Default: 16:00 America/New_York (CME equity index futures' daily close of the regular session). */
    public static ChartBook futuresDefault() {
        return new ChartBook(ZoneId.of("America/New_York"), LocalTime.of(16, 0));
    }

    /** The session a bar ending at {@code end} belongs to: the date of the first close at or after it. */
    LocalDate session(Instant end) {
        ZonedDateTime t = end.atZone(zone);
        ZonedDateTime c = ZonedDateTime.of(t.toLocalDate(), close, zone);
        return t.isAfter(c) ? t.toLocalDate().plusDays(1) : t.toLocalDate();
    }

    Instant closeOf(LocalDate session) {
        return ZonedDateTime.of(session, close, zone).toInstant();
    }

    /** A sig.bars record; only 1-minute bars count. Returns the charts released by it. */
    public List<ChartData> onBar(Bar bar) {
        if (bar.getIntervalSeconds() != 60) {
            return List.of();
        }
        Book b = books.computeIfAbsent(bar.getInstrument(), k -> new Book());
        Instant end = bar.getEndTime();
        LocalDate session = session(end);
        Instant previousEnd = b.bars.isEmpty() ? null : b.bars.get(b.bars.size() - 1).getEndTime();
        if (previousEnd != null && !end.isAfter(previousEnd)) {
            return List.of(); // a re-delivered or out-of-order bar
        }
        if (!session.equals(b.session)) {
            b.session = session;
            b.bars.clear();
            b.fills.removeIf(f -> session(f.getEventTime()).isBefore(session));
            b.minutes.headMap(bar.getStartTime().toEpochMilli() / 60_000).clear();
            b.closed = false;
            previousEnd = null;
        }
        b.bars.add(bar);
        if (!b.closed && !end.isBefore(closeOf(session))) {
            b.closed = true;
            b.pendingReasons.add(ChartData.Reason.SESSION_CLOSE);
            b.pendingEnds.add(end);
        } else if (previousEnd != null && hour(end) > hour(previousEnd)) {
            b.pendingReasons.add(ChartData.Reason.HOURLY);
            b.pendingEnds.add(end);
        }
        return release(bar.getInstrument(), b);
    }

    private static long hour(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3600);
    }

    /** A sig.bias record: the bias and extended flag of its minute; releases charts it completes. */
    public List<ChartData> onBias(Bias bias) {
        Book b = books.computeIfAbsent(bias.getInstrument(), k -> new Book());
        // the bias is at the end of its base bar: it belongs to the minute containing end - 1 µs
        long minute = Math.floorDiv(bias.getEventTime().minusNanos(1000).toEpochMilli(), 60_000);
        MinuteState m = b.minutes.computeIfAbsent(minute, k -> new MinuteState());
        m.bias = bias.getBias();
        m.extended |= bias.getExtended();
        if (bias.getEventTime().isAfter(b.biasWatermark)) {
            b.biasWatermark = bias.getEventTime();
        }
        return release(bias.getInstrument(), b);
    }

    /** A sig.levels record: CREATED adds an unfilled level, FILLED removes it. */
    public void onLevel(LiquidityLevel level) {
        Book b = books.computeIfAbsent(level.getInstrument(), k -> new Book());
        if (level.getEvent() == LevelEvent.CREATED) {
            b.unfilled.put(level.getLevelId(), level);
        } else {
            LiquidityLevel created = b.unfilled.get(level.getLevelId());
            if (created != null) {
                // kept until charts after its fill time: a chart ending before the fill still shows it
                b.unfilled.put(level.getLevelId(), level);
            }
        }
    }

    /** An exec.reports record: fills and partial fills become entry/exit markers. */
    public void onReport(ExecutionReport r) {
        if (r.getExecType() != ExecType.FILLED && r.getExecType() != ExecType.PARTIALLY_FILLED) {
            return;
        }
        if (r.getFillPrice() == null || r.getFillQuantity() <= 0) {
            return;
        }
        books.computeIfAbsent(r.getInstrument(), k -> new Book()).fills.add(r);
    }

    private List<ChartData> release(String instrument, Book b) {
        List<ChartData> out = new ArrayList<>();
        while (!b.pendingEnds.isEmpty() && !b.biasWatermark.isBefore(b.pendingEnds.get(0))) {
            out.add(data(instrument, b, b.pendingReasons.remove(0), b.pendingEnds.remove(0)));
        }
        if (!out.isEmpty()) {
            // FILLED levels whose fill is at or before every chart still to come are gone for good
            Instant horizon = b.pendingEnds.isEmpty() ? out.get(out.size() - 1).end() : b.pendingEnds.get(0);
            b.unfilled.values().removeIf(l -> l.getEvent() == LevelEvent.FILLED && l.getFilledTime() != null
                    && !l.getFilledTime().isAfter(horizon));
        }
        return out;
    }

    private ChartData data(String instrument, Book b, ChartData.Reason reason, Instant end) {
        List<Candle> candles = new ArrayList<>();
        for (Bar bar : b.bars) {
            if (bar.getEndTime().isAfter(end)) {
                break;
            }
            MinuteState m = b.minutes.get(bar.getStartTime().toEpochMilli() / 60_000);
            candles.add(new Candle(bar.getStartTime(), bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(),
                    m == null ? BiasValue.HOLD : m.bias, m != null && m.extended));
        }
        List<ChartData.Level> levels = new ArrayList<>();
        for (LiquidityLevel l : b.unfilled.values()) {
            boolean createdBefore = l.getCreatedTime().isBefore(end);
            boolean filledBy = l.getEvent() == LevelEvent.FILLED && l.getFilledTime() != null && !l.getFilledTime().isAfter(end);
            if (createdBefore && !filledBy) {
                levels.add(new ChartData.Level(l.getLevelId(), l.getPrice(), l.getDirection() == LevelDirection.LONG));
            }
        }
        levels.sort((x, y) -> Double.compare(y.price(), x.price()));
        List<ChartData.Fill> fills = new ArrayList<>();
        for (ExecutionReport r : b.fills) {
            if (!r.getEventTime().isAfter(end) && !candles.isEmpty() && !r.getEventTime().isBefore(candles.get(0).start())) {
                fills.add(new ChartData.Fill(r.getEventTime(), r.getFillPrice(), r.getFillQuantity(), r.getSide() == Side.BUY,
                        r.getRole() == OrderRole.ENTRY));
            }
        }
        fills.sort((x, y) -> x.time().compareTo(y.time()));
        return new ChartData(instrument, reason, end, candles, levels, fills);
    }
}
