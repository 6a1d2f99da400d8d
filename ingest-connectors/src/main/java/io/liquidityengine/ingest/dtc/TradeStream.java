package io.liquidityengine.ingest.dtc;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one symbol's published trades stand, and how history and live trades are merged after a
 * (re)connect so that {@code md.ticks} gets every trade once.
 *
 * <p>DTC trades have no ids, so the position is the time of the last published trade and how many
 * trades with exactly that time were published. After a connect the source subscribes first and
 * buffers live trades, then asks for historical ticks from the second of the last published trade.
 * History is taken after the position; the live buffer overlaps the end of the history (both saw
 * the trades between subscribing and the history request): the longest tail of the history that
 * the live buffer starts with is taken from the live buffer (with its quotes) instead. The history
 * may also run past the live buffer: the server answered with trades whose live messages were still
 * on their way (its market-data stream lags its history). Then the live buffer is found inside the
 * history, the history after it is published at once, and those trades are recognised, in order,
 * when they arrive live (echoes), instead of being published twice. With nothing live buffered, the
 * subscription's snapshot marks the place: the history after its last trade is on its way live too.
 * Pure state, one instance per symbol, driven from the source's single thread.
 */
public final class TradeStream {

    private final String stream;
    private long lastMicros;
    private long atLast;
    private long published;

    private boolean resyncing;
    /** While merging after a connect: trades at the position's time still to recognise as published. */
    private long skipAtLast;
    private final List<DtcTrade> history = new ArrayList<>();
    private final List<DtcTrade> live = new ArrayList<>();
    /** History trades published after the live buffer, whose live copies are still to come: skipped when they arrive. */
    private final ArrayDeque<DtcTrade> echoes = new ArrayDeque<>();
    /** The last trade the subscription's snapshot named (its side unknown): the live stream begins after it; null if none. */
    private DtcTrade subscribedAfter;

    /** A stream that has published nothing yet. */
    public TradeStream(String stream) {
        this(stream, Long.MIN_VALUE, 0, 0);
    }

    private TradeStream(String stream, long lastMicros, long atLast, long published) {
        this.stream = stream;
        this.lastMicros = lastMicros;
        this.atLast = atLast;
        this.published = published;
    }

    /** Resumes from a committed checkpoint entry. */
    public static TradeStream resume(StreamPosition position) {
        long last = position.getLastEventTime() == null ? Long.MIN_VALUE : Micros.of(position.getLastEventTime());
        return new TradeStream(position.getStream(), last, position.getAtLastEventTime(), position.getNextPosition());
    }

    public StreamPosition position() {
        return StreamPosition.newBuilder().setStream(stream).setVersion(null).setNextPosition(published)
                .setPositionKind(PositionKind.RECORD_INDEX)
                .setLastEventTime(lastMicros == Long.MIN_VALUE ? null : Micros.instant(lastMicros))
                .setAtLastEventTime(atLast).build();
    }

    public String stream() {
        return stream;
    }

    /** Trades published so far. */
    public long published() {
        return published;
    }

    /** Time of the last published trade, UTC microseconds, or Long.MIN_VALUE when none. */
    public long lastMicros() {
        return lastMicros;
    }

    /** True when trades were published before, so a connect must fill the gap from history. */
    public boolean hasPosition() {
        return lastMicros != Long.MIN_VALUE;
    }

    public boolean resyncing() {
        return resyncing;
    }

    /**
     * A (re)connect subscribed to the symbol: buffer live trades until the history since the last
     * published trade has arrived. Without a position there is no gap and nothing to wait for.
     */
    public void connected() {
        history.clear();
        live.clear();
        echoes.clear();
        subscribedAfter = null;
        resyncing = hasPosition();
    }

    /** The subscription's snapshot named {@code lastTrade} (null: none) as the market's last trade when it began. */
    public void subscribed(DtcTrade lastTrade) {
        subscribedAfter = lastTrade;
    }

    /** The connection was lost: whatever was buffered is asked for again after the next connect. */
    public void disconnected() {
        history.clear();
        live.clear();
        echoes.clear();
        subscribedAfter = null;
        resyncing = false;
    }

    /**
     * True when a live trade, outside a merge, is older than the last published one (it cannot be published in order),
     * and is not the live copy of a trade published from history.
     */
    public boolean isBehind(DtcTrade trade) {
        return !resyncing && !isEcho(trade) && trade.timeMicros() < lastMicros;
    }

    private boolean isEcho(DtcTrade trade) {
        return !echoes.isEmpty() && echoes.peekFirst().samePrint(trade);
    }

    /** A live trade: the trades to publish now (none while history is awaited, or when it was published already). */
    public List<DtcTrade> onLive(DtcTrade trade) {
        if (resyncing) {
            live.add(trade);
            return List.of();
        }
        if (isEcho(trade)) {
            echoes.pollFirst();
            return List.of();
        }
        echoes.clear(); // a trade that is not the next echo: the rest will not come (or were not echoes)
        return accept(trade) ? List.of(trade) : List.of();
    }

    /** One historical tick of the gap being filled. */
    public void onHistory(DtcTrade trade) {
        if (resyncing) {
            history.add(trade);
        }
    }

    /**
     * The history is complete (its final record, or the server had none): the trades to publish
     * now, in order, and live trades flow again.
     */
    public List<DtcTrade> onHistoryEnd() {
        if (!resyncing) {
            return List.of();
        }
        resyncing = false;
        skipAtLast = atLast;
        List<DtcTrade> out = new ArrayList<>();
        // the overlap is taken from the live trades, which carry the quote at each trade
        int tail = overlap(history, live);
        int fromHistory = history.size() - tail;
        int after = history.size();
        if (tail == 0 && !live.isEmpty()) {
            int inside = inside(history, live);
            if (inside >= 0) {
                fromHistory = inside;
                after = inside + live.size();
            }
        } else if (tail == 0 && subscribedAfter != null) {
            int last = lastPrint(history, subscribedAfter);
            if (last >= 0) {
                fromHistory = last + 1;
                after = last + 1;
            }
        }
        for (int i = 0; i < fromHistory; i++) {
            if (accept(history.get(i))) {
                out.add(history.get(i));
            }
        }
        for (DtcTrade t : live) {
            if (accept(t)) {
                out.add(t);
            }
        }
        for (int i = after; i < history.size(); i++) {
            if (accept(history.get(i))) {
                out.add(history.get(i));
                echoes.add(history.get(i));
            }
        }
        history.clear();
        live.clear();
        skipAtLast = 0;
        return out;
    }

    /** Length of the longest tail of {@code history} that {@code live} starts with. */
    static int overlap(List<DtcTrade> history, List<DtcTrade> live) {
        if (live.isEmpty()) {
            return 0;
        }
        DtcTrade first = live.get(0);
        for (int start = Math.max(0, history.size() - live.size()); start < history.size(); start++) {
            if (!history.get(start).samePrint(first)) {
                continue;
            }
            int n = history.size() - start;
            boolean match = true;
            for (int k = 1; k < n && match; k++) {
                match = history.get(start + k).samePrint(live.get(k));
            }
            if (match) {
                return n;
            }
        }
        return 0;
    }

    /**
     * Where {@code live} lies wholly inside {@code history} with history left after it (the last such place, so the fewest
     * trades are taken as still on their way), or -1.
     */
    static int inside(List<DtcTrade> history, List<DtcTrade> live) {
        for (int start = history.size() - live.size() - 1; start >= 0; start--) {
            boolean match = true;
            for (int k = 0; k < live.size() && match; k++) {
                match = history.get(start + k).samePrint(live.get(k));
            }
            if (match) {
                return start;
            }
        }
        return -1;
    }

    /** The last trade of {@code history} with the time, price and volume of {@code trade} (a snapshot's: no side), or -1. */
    static int lastPrint(List<DtcTrade> history, DtcTrade trade) {
        for (int i = history.size() - 1; i >= 0; i--) {
            DtcTrade h = history.get(i);
            if (h.timeMicros() == trade.timeMicros() && Double.compare(h.price(), trade.price()) == 0
                    && Double.compare(h.volume(), trade.volume()) == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a trade comes after the position (and moves it there): earlier trades, and during a
     * merge the first {@code atLast} trades at the position's own time, were published already.
     */
    private boolean accept(DtcTrade t) {
        if (t.timeMicros() < lastMicros) {
            return false;
        }
        if (t.timeMicros() == lastMicros) {
            if (skipAtLast > 0) {
                skipAtLast--;
                return false;
            }
            atLast++;
        } else {
            lastMicros = t.timeMicros();
            atLast = 1;
        }
        skipAtLast = 0;
        published++;
        return true;
    }
}
