package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.topology.domain.bars.Aggressor;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.TradeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Avro contract values <-> domain values; the only place the two meet. */
public final class AvroMapping {

    private AvroMapping() {
    }

    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public static TradeEvent trade(Tick t) {
        Aggressor aggressor = switch (t.getAggressor()) {
            case BUY -> Aggressor.BUY;
            case SELL -> Aggressor.SELL;
            default -> Aggressor.UNKNOWN;
        };
        return new TradeEvent(t.getInstrument(), micros(t.getEventTime()), t.getPrice(), t.getSize(), aggressor,
                t.getBid() == null ? Double.NaN : t.getBid(), t.getAsk() == null ? Double.NaN : t.getAsk(),
                Math.max(1, t.getTradeCount()));
    }

    public static Bar bar(BarValue b, BarSource source) {
        List<FootprintLevel> footprint = new ArrayList<>(b.footprint().size());
        for (var level : b.footprint()) {
            footprint.add(new FootprintLevel(level.price(), level.bidVolume(), level.askVolume()));
        }
        // sorted so that equal bars always serialize to equal bytes
        Map<String, Double> studies = new TreeMap<>(b.studies());
        return Bar.newBuilder()
                .setInstrument(b.instrument()).setIntervalSeconds(b.intervalSeconds())
                .setStartTime(instant(b.startMicros())).setEndTime(instant(b.endMicros()))
                .setOpen(b.open()).setHigh(b.high()).setLow(b.low()).setClose(b.close())
                .setVolume(b.volume()).setTrades(b.trades()).setBidVolume(b.bidVolume()).setAskVolume(b.askVolume())
                .setFootprint(footprint).setStudies(studies).setSource(source).build();
    }

    public static BarValue barValue(Bar b) {
        List<io.liquidityengine.topology.domain.bars.FootprintLevel> footprint = new ArrayList<>(b.getFootprint().size());
        for (FootprintLevel level : b.getFootprint()) {
            footprint.add(new io.liquidityengine.topology.domain.bars.FootprintLevel(level.getPrice(), level.getBidVolume(), level.getAskVolume()));
        }
        return new BarValue(b.getInstrument(), b.getIntervalSeconds(), micros(b.getStartTime()), micros(b.getEndTime()),
                b.getOpen(), b.getHigh(), b.getLow(), b.getClose(), b.getVolume(), b.getTrades(), b.getBidVolume(), b.getAskVolume(),
                footprint, b.getStudies());
    }

    static AggressorSide side(Aggressor a) {
        return switch (a) {
            case BUY -> AggressorSide.BUY;
            case SELL -> AggressorSide.SELL;
            case UNKNOWN -> AggressorSide.UNKNOWN;
        };
    }
}
