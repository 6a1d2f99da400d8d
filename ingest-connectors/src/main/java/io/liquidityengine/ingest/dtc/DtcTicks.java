package io.liquidityengine.ingest.dtc;

import io.liquidityengine.dtc.message.AtBidOrAsk;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAskCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator2;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import java.util.List;
import java.util.function.Supplier;

/**
 * DTC market data of one symbol to ticks: keeps the last bid and ask, reads every trade message
 * variant (normal, compact, with unbundled indicator 1 and 2) as a {@link DtcTrade} carrying that
 * quote, and checks a trade against the instrument before it becomes a {@code md.ticks} record.
 * Pure: no I/O, tested on decoded messages.
 */
public final class DtcTicks {

    /** Float prices of compact messages are within this many ticks of the grid. */
    private static final double GRID_TOLERANCE = 1e-3;

    private final InstrumentSpec instrument;
    private final String sourceName;
    private double bid = Double.NaN;
    private double ask = Double.NaN;

    public DtcTicks(InstrumentSpec instrument, String sourceName) {
        this.instrument = instrument;
        this.sourceName = sourceName;
    }

    /** The quote in a snapshot, when it has one. */
    public void onSnapshot(MarketDataSnapshot snapshot) {
        bid = price(snapshot.bidPrice());
        ask = price(snapshot.askPrice());
    }

    /**
     * A trade of {@code symbolId} with the current quote; null for anything else (a bid/ask update
     * is remembered for the trades after it).
     */
    public DtcTrade trade(DtcMessage m, int symbolId) {
        if (m instanceof MarketDataUpdateBidAsk q && q.symbolId() == symbolId) {
            bid = price(q.bidPrice());
            ask = price(q.askPrice());
        } else if (m instanceof MarketDataUpdateBidAskCompact q && q.symbolId() == symbolId) {
            bid = price(q.bidPrice());
            ask = price(q.askPrice());
        } else if (m instanceof MarketDataUpdateTrade t && t.symbolId() == symbolId) {
            return new DtcTrade(DtcTrade.micros(t.dateTime()), t.price(), t.volume(), t.atBidOrAsk(), bid, ask);
        } else if (m instanceof MarketDataUpdateTradeCompact t && t.symbolId() == symbolId) {
            return new DtcTrade(t.dateTime() * 1_000_000L, t.price(), t.volume(), t.atBidOrAsk(), bid, ask);
        } else if (m instanceof MarketDataUpdateTradeWithUnbundledIndicator t && t.symbolId() == symbolId) {
            return new DtcTrade(DtcTrade.micros(t.dateTime()), t.price(), t.volume(), t.atBidOrAsk(), bid, ask);
        } else if (m instanceof MarketDataUpdateTradeWithUnbundledIndicator2 t && t.symbolId() == symbolId) {
            return new DtcTrade(t.dateTime(), t.price(), t.volume(), t.atBidOrAsk(), bid, ask);
        }
        return null;
    }

    /** A quote price of DTC: 0 and DBL_MAX mean none. */
    private static double price(double p) {
        return p == 0 || p == Dtc.UNSET_DOUBLE || !Double.isFinite(p) ? Double.NaN : p;
    }

    /**
     * The {@code md.ticks} record of a trade, or null with a problem added when the trade cannot be
     * published (price off the tick grid, impossible size).
     *
     * @param sequence the trade's index in the stream, for {@code Tick.sourceSequence}
     * @param raw      the trade as DTC bytes, for a dead letter
     */
    public OutRecord<Tick> toRecord(DtcTrade t, long sequence, List<ParseProblem> problems, String origin, Supplier<byte[]> raw) {
        if (!Double.isFinite(t.price()) || t.price() <= 0 || !Double.isFinite(t.volume()) || t.volume() <= 0
                || t.volume() == Dtc.UNSET_DOUBLE) {
            problems.add(ParseProblem.atOffset(ProblemReason.INVALID_VALUE, "trade " + sequence + ": price " + t.price()
                    + ", volume " + t.volume(), origin, sequence, raw.get()));
            return null;
        }
        double ticks = t.price() / instrument.tickSize();
        if (Math.abs(ticks - Math.rint(ticks)) > GRID_TOLERANCE) {
            problems.add(ParseProblem.atOffset(ProblemReason.OFF_TICK_GRID, "trade " + sequence + ": price " + t.price()
                    + " is not on the " + instrument.symbol() + " tick grid " + instrument.tickSize(), origin, sequence, raw.get()));
            return null;
        }
        Tick tick = Tick.newBuilder()
                .setInstrument(instrument.symbol())
                .setEventTime(Micros.instant(t.timeMicros()))
                .setPrice(instrument.roundToTick(t.price()))
                .setSize(t.volume())
                .setAggressor(switch (t.atBidOrAsk()) {
                    case AtBidOrAsk.ASK -> AggressorSide.BUY;
                    case AtBidOrAsk.BID -> AggressorSide.SELL;
                    default -> AggressorSide.UNKNOWN;
                })
                .setBid(Double.isNaN(t.bid()) ? null : instrument.roundToTick(t.bid()))
                .setAsk(Double.isNaN(t.ask()) ? null : instrument.roundToTick(t.ask()))
                .setTradeCount(1)
                .setSource(sourceName)
                .setSourceSequence(sequence)
                .build();
        return new OutRecord<>(Topics.MD_TICKS, instrument.symbol(), tick, Math.floorDiv(t.timeMicros(), 1000L));
    }

    /** A trade as the DTC message it arrived as (for dead letters of historical ticks, the normal trade update). */
    static DtcMessage asMessage(DtcTrade t, int symbolId) {
        return MarketDataUpdateTrade.builder().symbolId(symbolId).atBidOrAsk(t.atBidOrAsk()).price(t.price())
                .volume(t.volume()).dateTime(DtcTrade.seconds(t.timeMicros())).build();
    }
}
