package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.chart.ChartData.Candle;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the charts need, per instrument, and when a chart is due and complete, all on event time. Fed by
 * {@link ChartFeed} with the records of every chart input merged in event-time order.
 *
 * <p><b>Session.</b> Each instrument's daily close comes from its ref.instruments record
 * ({@link SessionCalendar}); a 1-minute bar belongs to the session of the first close at or after its end.
 * A bar of a later session starts a new one: candles, per-minute bias and fills are cleared; unfilled
 * levels carry over (they stay on the level book until a bar trades through them).
 *
 * <p><b>Triggers.</b> A 1-minute bar whose end is in a later hour than the previous bar's end makes an
 * HOURLY chart due at that end; a bar ending at or after its session's close makes the SESSION_CLOSE
 * chart due instead (once per session).
 *
 * <p><b>Release: a watermark over all inputs.</b> A chart ending at T is released once the inputs have
 * passed T: a record of any input with event time after T has been fed (the feed merges its inputs in
 * event-time order, so every record at or before T, the bias of the last base bar, levels created or
 * filled, fills, has been fed before it), and, with {@code waitForMarketClock} (the execution sink in
 * lockstep, where fills are published after the signals), every account's exec.market-clock has
 * reached T (every trade before T has been run and its reports published). The chart then holds the
 * candles ending by T, fills before T and the levels created before T and not filled by then.
 *
 * <p><b>Idle close.</b> Data that stops short of the close (a replay of a day whose last bar is never
 * closed, a market that goes quiet before its close) never passes it; {@link #idle()} (the feed calls it
 * when every input is consumed to its end and nothing arrived for a while) releases the session-close
 * chart of a session whose last bar ends within {@code idleCloseWindow} of its close, ending at that
 * bar, with everything consumed. Not thread-safe: one feed thread.
 */
public final class ChartBook {

    private final SessionCalendar sessions;
    private final boolean waitForMarketClock;
    private final Duration idleCloseWindow;
    private final Map<String, Book> books = new TreeMap<>();
    private final Map<String, Instant> marketClocks = new TreeMap<>();
    private Instant watermark = Instant.MIN;

    private static final class MinuteState {
        BiasValue bias = BiasValue.HOLD;
        boolean extended;
    }

    private record Due(ChartData.Reason reason, Instant end) {
    }

    private static final class Book {
        LocalDate session;
        final List<Bar> bars = new ArrayList<>();
        final TreeMap<Long, MinuteState> minutes = new TreeMap<>();
        final Map<String, LiquidityLevel> unfilled = new LinkedHashMap<>();
        final Map<String, ExecutionReport> fills = new LinkedHashMap<>();
        final List<Due> pending = new ArrayList<>();
        boolean closed;
    }

    public ChartBook(SessionCalendar sessions, boolean waitForMarketClock, Duration idleCloseWindow) {
        this.sessions = sessions;
        this.waitForMarketClock = waitForMarketClock;
        this.idleCloseWindow = idleCloseWindow;
    }

    /** 16:00 America/New_York for instruments not on ref.instruments, no market clock, a 15-minute idle-close window. */
    public static ChartBook futuresDefault() {
        return new ChartBook(SessionCalendar.futuresDefault(), false, Duration.ofMinutes(15));
    }

    public SessionCalendar sessions() {
        return sessions;
    }

    /** The event time the inputs have reached (the latest fed). */
    public Instant watermark() {
        return watermark;
    }

    private Book book(String instrument) {
        return books.computeIfAbsent(instrument, k -> new Book());
    }

    /** A ref.instruments record: the instrument's session close and chart zone from now on. */
    public void onInstrument(Instrument instrument) {
        sessions.put(instrument);
    }

    /** A sig.bars record; only 1-minute bars make candles and triggers. Returns the charts released. */
    public List<ChartData> onBar(Bar bar) {
        if (bar.getIntervalSeconds() == 60) {
            addBar(bar.getInstrument(), book(bar.getInstrument()), bar);
        }
        return advance(bar.getEndTime());
    }

    private void addBar(String instrument, Book b, Bar bar) {
        Instant end = bar.getEndTime();
        LocalDate session = sessions.session(instrument, end);
        Instant previousEnd = b.bars.isEmpty() ? null : b.bars.get(b.bars.size() - 1).getEndTime();
        if (previousEnd != null && !end.isAfter(previousEnd)) {
            return; // a re-delivered or out-of-order bar
        }
        if (!session.equals(b.session)) {
            b.session = session;
            b.bars.clear();
            b.fills.values().removeIf(f -> sessions.session(instrument, f.getEventTime()).isBefore(session));
            b.minutes.headMap(bar.getStartTime().toEpochMilli() / 60_000).clear();
            b.closed = false;
            previousEnd = null;
        }
        b.bars.add(bar);
        if (b.closed) {
            return; // after the session-close chart (a late last bar after an idle close): no more charts this session
        }
        if (!end.isBefore(sessions.closeOf(instrument, session))) {
            b.closed = true;
            b.pending.add(new Due(ChartData.Reason.SESSION_CLOSE, end));
        } else if (previousEnd != null && hour(end) > hour(previousEnd)) {
            b.pending.add(new Due(ChartData.Reason.HOURLY, end));
        }
    }

    private static long hour(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3600);
    }

    /** A sig.bias record: the bias and extended flag of its minute. */
    public List<ChartData> onBias(Bias bias) {
        Book b = book(bias.getInstrument());
        // the bias is at the end of its base bar: it belongs to the minute containing end - 1 µs
        long minute = Math.floorDiv(bias.getEventTime().minusNanos(1000).toEpochMilli(), 60_000);
        MinuteState m = b.minutes.computeIfAbsent(minute, k -> new MinuteState());
        m.bias = bias.getBias();
        m.extended |= bias.getExtended();
        return advance(bias.getEventTime());
    }

    /** A sig.levels record: CREATED adds an unfilled level, FILLED marks it filled at its fill time. */
    public List<ChartData> onLevel(LiquidityLevel level) {
        Book b = book(level.getInstrument());
        if (level.getEvent() == LevelEvent.CREATED) {
            b.unfilled.put(level.getLevelId(), level);
        } else if (b.unfilled.containsKey(level.getLevelId())) {
            // kept until charts after its fill time: a chart ending before the fill still shows it
            b.unfilled.put(level.getLevelId(), level);
        }
        return advance(eventTime(level));
    }

    /** The event time of a level record: its fill time when FILLED, else its creation time. */
    public static Instant eventTime(LiquidityLevel level) {
        return level.getEvent() == LevelEvent.FILLED && level.getFilledTime() != null ? level.getFilledTime() : level.getCreatedTime();
    }

    /** An exec.reports record: fills and partial fills become entry/exit markers (once per account and report id). */
    public List<ChartData> onReport(ExecutionReport r) {
        if ((r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED)
                && r.getFillPrice() != null && r.getFillQuantity() > 0) {
            book(r.getInstrument()).fills.putIfAbsent(r.getAccount() + " " + r.getReportId(), r);
        }
        return advance(r.getEventTime());
    }

    /** An exec.market-clock record: every trade of the account before its time has been run and reported. */
    public List<ChartData> onMarketClock(MarketClock clock) {
        marketClocks.merge(clock.getAccount(), clock.getEventTime(), (a, b) -> a.isAfter(b) ? a : b);
        return advance(clock.getEventTime());
    }

    /** The inputs have reached {@code t}: releases the charts complete by now. */
    public List<ChartData> advance(Instant t) {
        if (t.isAfter(watermark)) {
            watermark = t;
        }
        List<ChartData> out = new ArrayList<>();
        books.forEach((instrument, b) -> {
            while (!b.pending.isEmpty() && complete(b.pending.get(0).end())) {
                out.add(release(instrument, b));
            }
        });
        return out;
    }

    private boolean complete(Instant end) {
        return watermark.isAfter(end) && clocksReached(end);
    }

    /** Without the market clock true; with it, every account's clock seen is at or after {@code t}. */
    private boolean clocksReached(Instant t) {
        if (!waitForMarketClock) {
            return true;
        }
        return !marketClocks.isEmpty() && marketClocks.values().stream().noneMatch(c -> c.isBefore(t));
    }

    /**
     * Every input has been consumed to its end and nothing new arrived: a session whose last bar ends
     * within the idle-close window of its close (and, with the market clock, whose last bar every
     * account's clock has reached) gets its session-close chart now (with the charts still
     * pending before it), ending at that last bar's end (nothing after it has arrived).
     */
    public List<ChartData> idle() {
        List<ChartData> out = new ArrayList<>();
        books.forEach((instrument, b) -> {
            if (b.closed || b.bars.isEmpty()) {
                return;
            }
            Instant close = sessions.closeOf(instrument, b.session);
            Instant last = b.bars.get(b.bars.size() - 1).getEndTime();
            if (last.isBefore(close.minus(idleCloseWindow)) || !clocksReached(last)) {
                return; // not near the close, or the sink has not run the market up to the last bar (lockstep)
            }
            b.closed = true;
            b.pending.removeIf(d -> d.end().equals(last)); // an hourly chart at the last bar's end becomes the close chart
            b.pending.add(new Due(ChartData.Reason.SESSION_CLOSE, last));
            while (!b.pending.isEmpty()) {
                out.add(release(instrument, b));
            }
        });
        return out;
    }

    private ChartData release(String instrument, Book b) {
        Due due = b.pending.remove(0);
        ChartData d = data(instrument, b, due.reason(), due.end());
        // FILLED levels whose fill is at or before every chart still to come are gone for good
        Instant horizon = b.pending.isEmpty() ? due.end() : b.pending.get(0).end();
        b.unfilled.values().removeIf(l -> l.getEvent() == LevelEvent.FILLED && l.getFilledTime() != null
                && !l.getFilledTime().isAfter(horizon));
        return d;
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
        levels.sort(Comparator.comparingDouble(ChartData.Level::price).reversed().thenComparing(ChartData.Level::levelId));
        List<ChartData.Fill> fills = new ArrayList<>();
        for (ExecutionReport r : b.fills.values()) {
            // a fill at the chart's end belongs to the next bar
            if (r.getEventTime().isBefore(end) && !candles.isEmpty() && !r.getEventTime().isBefore(candles.get(0).start())) {
                fills.add(new ChartData.Fill(r.getEventTime(), r.getFillPrice(), r.getFillQuantity(), r.getSide() == Side.BUY,
                        r.getRole() == OrderRole.ENTRY));
            }
        }
        fills.sort(Comparator.comparing(ChartData.Fill::time));
        return new ChartData(instrument, sessions.of(instrument).zone(), reason, end, candles, levels, fills);
    }
}
