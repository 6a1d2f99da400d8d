package io.liquidityengine.ingest.crypto;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Tick;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Venue trades and quotes checked against their instruments (price on the tick grid, size a positive
 * multiple of the quantity step, exactly, in decimal) and turned into {@code md.ticks} records. Pure.
 */
public final class CryptoTicks {

    private final Map<String, InstrumentSpec> bySymbol;

    /** @param bySymbol the instrument of each venue symbol */
    public CryptoTicks(Map<String, InstrumentSpec> bySymbol) {
        this.bySymbol = Map.copyOf(bySymbol);
    }

    public boolean knows(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    public InstrumentSpec instrument(String symbol) {
        return bySymbol.get(symbol);
    }

    /**
     * The record of a trade with the last quote of its symbol (null: none, as for trades filled in from
     * REST), or null with a problem added.
     *
     * @param source   {@code Tick.source}, e.g. {@code ws:binance}
     * @param position where the trade's text was, for a dead letter
     */
    public OutRecord<Tick> toRecord(VenueTrade t, VenueQuote quote, String source, String origin, long position,
                                    List<ParseProblem> problems) {
        InstrumentSpec instrument = bySymbol.get(t.symbol());
        String at = t.symbol() + " trade " + t.id();
        if (t.price().signum() <= 0 || t.size().signum() <= 0 || t.tradeCount() <= 0) {
            problems.add(problem(ProblemReason.INVALID_VALUE, at + ": price " + t.price().toPlainString() + ", size "
                    + t.size().toPlainString() + ", trades " + t.tradeCount(), origin, position, t.raw()));
            return null;
        }
        if (!onGrid(t.price(), instrument.tickSize())) {
            problems.add(problem(ProblemReason.OFF_TICK_GRID, at + ": price " + t.price().toPlainString() + " is not on the "
                    + instrument.symbol() + " tick grid " + grid(instrument.tickSize()), origin, position, t.raw()));
            return null;
        }
        if (!onGrid(t.size(), instrument.quantityStep())) {
            problems.add(problem(ProblemReason.INVALID_VALUE, at + ": size " + t.size().toPlainString() + " is not a multiple of the "
                    + instrument.symbol() + " quantity step " + grid(instrument.quantityStep()), origin, position, t.raw()));
            return null;
        }
        Tick tick = Tick.newBuilder()
                .setInstrument(instrument.symbol())
                .setEventTime(Micros.instant(t.timeMicros()))
                .setPrice(t.price().doubleValue())
                .setSize(t.size().doubleValue())
                .setAggressor(t.aggressor())
                .setBid(quote == null ? null : quote.bid().doubleValue())
                .setAsk(quote == null ? null : quote.ask().doubleValue())
                .setTradeCount(t.tradeCount())
                .setSource(source)
                .setSourceSequence(t.id())
                .build();
        return new OutRecord<>(Topics.MD_TICKS, instrument.symbol(), tick, Math.floorDiv(t.timeMicros(), 1000L));
    }

    /** Null when the quote can be used, else the problem (a negative price, a price off the tick grid). */
    public ParseProblem checkQuote(VenueQuote q, String raw, String origin, long position) {
        InstrumentSpec instrument = bySymbol.get(q.symbol());
        if (q.bid().signum() < 0 || q.ask().signum() < 0) {
            return problem(ProblemReason.INVALID_VALUE, q.symbol() + " quote: bid " + q.bid().toPlainString() + ", ask "
                    + q.ask().toPlainString(), origin, position, raw);
        }
        if (!onGrid(q.bid(), instrument.tickSize()) || !onGrid(q.ask(), instrument.tickSize())) {
            return problem(ProblemReason.OFF_TICK_GRID, q.symbol() + " quote: bid " + q.bid().toPlainString() + " / ask "
                    + q.ask().toPlainString() + " is not on the " + instrument.symbol() + " tick grid " + grid(instrument.tickSize()),
                    origin, position, raw);
        }
        return null;
    }

    /** Exactly a multiple of the step, the step as configured (0.01 is 0.01, not the double nearest to it). */
    static boolean onGrid(BigDecimal value, double step) {
        return value.remainder(BigDecimal.valueOf(step)).signum() == 0;
    }

    private static String grid(double step) {
        return BigDecimal.valueOf(step).stripTrailingZeros().toPlainString();
    }

    private static ParseProblem problem(ProblemReason reason, String detail, String origin, long position, String raw) {
        return new ParseProblem(reason, detail, origin, position, PositionKind.RECORD_INDEX, raw.getBytes(StandardCharsets.UTF_8));
    }
}
