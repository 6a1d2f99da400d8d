package io.liquidityengine.ingest.crypto;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last published trade id of every symbol: what the checkpoint holds and how a trade is judged
 * (the next one, already published, or after a gap). Venue trade ids are consecutive per symbol
 * (Binance aggregate ids, Coinbase trade ids), so a gap is an id more than one above the last. Pure.
 *
 * <p>Checkpoint entry per symbol: {@code stream} = venue symbol, {@code nextPosition} = the id after
 * the last published trade ({@code RECORD_INDEX}), {@code lastEventTime} = that trade's time.
 */
public final class TradeLedger {

    /** How a trade relates to what was published. */
    public enum Verdict {
        /** Nothing of this symbol was published yet: the trade starts the stream. */
        FIRST,
        /** The id right after the last published one. */
        NEXT,
        /** Published already (a replayed frame, a trade seen over REST and then live). */
        DUPLICATE,
        /** Ids are missing before it: fill them first. */
        GAP
    }

    private record Last(long id, long micros) {
    }

    private final Map<String, Last> last = new TreeMap<>();

    /** Resumes from the checkpoint's entries (none: nothing published yet). */
    public static TradeLedger resume(List<StreamPosition> streams) {
        TradeLedger ledger = new TradeLedger();
        for (StreamPosition p : streams) {
            ledger.last.put(p.getStream(), new Last(p.getNextPosition() - 1,
                    p.getLastEventTime() == null ? Long.MIN_VALUE : Micros.of(p.getLastEventTime())));
        }
        return ledger;
    }

    public Verdict judge(String symbol, long id) {
        Last l = last.get(symbol);
        if (l == null) {
            return Verdict.FIRST;
        }
        if (id <= l.id()) {
            return Verdict.DUPLICATE;
        }
        return id == l.id() + 1 ? Verdict.NEXT : Verdict.GAP;
    }

    public boolean has(String symbol) {
        return last.containsKey(symbol);
    }

    /** The last published id of {@code symbol}; only when {@link #has}. */
    public long lastId(String symbol) {
        return last.get(symbol).id();
    }

    /** A trade was published (or dead-lettered: either way it is done). */
    public void done(String symbol, long id, long micros) {
        last.put(symbol, new Last(id, micros));
    }

    public List<StreamPosition> positions() {
        List<StreamPosition> out = new ArrayList<>();
        last.forEach((symbol, l) -> out.add(StreamPosition.newBuilder().setStream(symbol).setVersion(null)
                .setNextPosition(l.id() + 1).setPositionKind(PositionKind.RECORD_INDEX)
                .setLastEventTime(l.micros() == Long.MIN_VALUE ? null : Micros.instant(l.micros())).setAtLastEventTime(0).build()));
        return out;
    }
}
