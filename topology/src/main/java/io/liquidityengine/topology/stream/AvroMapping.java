package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.topology.domain.bars.Aggressor;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bars.TradeEvent;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.topology.domain.bias.BiasSnapshot;
import io.liquidityengine.topology.domain.levels.LevelEvent;
import io.liquidityengine.topology.domain.levels.LevelEventType;
import io.liquidityengine.topology.domain.levels.LiquidityLevel;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Avro contract values <-> domain values; the only place the two meet. */
public final class AvroMapping {

    private AvroMapping() {
    }

    public static TradeEvent trade(Tick t) {
        Aggressor aggressor = switch (t.getAggressor()) {
            case BUY -> Aggressor.BUY;
            case SELL -> Aggressor.SELL;
            default -> Aggressor.UNKNOWN;
        };
        return new TradeEvent(t.getInstrument(), Micros.of(t.getEventTime()), t.getPrice(), t.getSize(), aggressor,
                t.getBid() == null ? Double.NaN : t.getBid(), t.getAsk() == null ? Double.NaN : t.getAsk(),
                Math.max(1, t.getTradeCount()));
    }

    public static Bar bar(BarValue b, BarSource source) {
        List<FootprintLevel> footprint = new ArrayList<>(b.footprint().size());
        for (var level : b.footprint()) {
            footprint.add(new FootprintLevel(level.price(), level.bidVolume(), level.askVolume()));
        }
        // sorted so that equal bars always serialize to equal bytes
        Map<String, Double> studies = b.studies().isEmpty() ? new TreeMap<>() : new TreeMap<>(b.studies());
        // the all-arguments constructor: the record the builder gives with every field set, without its per-field checks
        return new Bar(b.instrument(), b.intervalSeconds(), Micros.instant(b.startMicros()), Micros.instant(b.endMicros()),
                b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades(), b.bidVolume(), b.askVolume(), footprint, studies, source);
    }

    public static BarValue barValue(Bar b) {
        List<io.liquidityengine.topology.domain.bars.FootprintLevel> footprint = new ArrayList<>(b.getFootprint().size());
        for (FootprintLevel level : b.getFootprint()) {
            footprint.add(new io.liquidityengine.topology.domain.bars.FootprintLevel(level.getPrice(), level.getBidVolume(), level.getAskVolume()));
        }
        return new BarValue(b.getInstrument(), b.getIntervalSeconds(), Micros.of(b.getStartTime()), Micros.of(b.getEndTime()),
                b.getOpen(), b.getHigh(), b.getLow(), b.getClose(), b.getVolume(), b.getTrades(), b.getBidVolume(), b.getAskVolume(),
                footprint, b.getStudies());
    }

    public static io.liquidityengine.schemas.marketdata.LiquidityLevel level(String instrument, LevelEvent e) {
        LiquidityLevel l = e.level();
        return io.liquidityengine.schemas.marketdata.LiquidityLevel.newBuilder()
                .setInstrument(instrument)
                .setLevelId(l.id())
                .setPrice(l.price())
                .setEvent(e.type() == LevelEventType.CREATED ? io.liquidityengine.schemas.marketdata.LevelEvent.CREATED
                        : io.liquidityengine.schemas.marketdata.LevelEvent.FILLED)
                .setDirection(io.liquidityengine.schemas.marketdata.LevelDirection.valueOf(l.direction().name()))
                .setOrigin(io.liquidityengine.schemas.marketdata.LevelOrigin.valueOf(l.origin().name()))
                .setCreatedTime(Micros.instant(l.createdMicros()))
                .setFilledTime(l.isFilled() ? Micros.instant(l.filledMicros()) : null)
                .setReferencePrice(Double.isNaN(l.referencePrice()) ? null : l.referencePrice())
                .setSourceId(l.sourceId())
                .build();
    }

    /** The bias record with the reference strategy's setup flags of the same bar (the risk stage flattens on them). */
    public static io.liquidityengine.schemas.signals.Bias bias(BiasSnapshot b, boolean longSetup, boolean shortSetup) {
        // the all-arguments constructor: what bias(b) and the two setters give, without the builder's per-field checks
        return new io.liquidityengine.schemas.signals.Bias(b.instrument(), Micros.instant(b.eventMicros()),
                BiasValue.valueOf(b.bias().name()), BiasValue.valueOf(b.previousBias().name()), b.flip(), b.liquiditySide(),
                io.liquidityengine.schemas.signals.TrendDirection.valueOf(b.trend().name()),
                io.liquidityengine.schemas.signals.DeltaPosition.valueOf(b.deltaPosition().name()),
                nullIfNaN(b.roc15()), nullIfNaN(b.slope()), nullIfNaN(b.rsi()), b.extended(), b.normalActionBars(), b.close(),
                longSetup, shortSetup, b.longTargets(), b.shortTargets());
    }

    public static io.liquidityengine.schemas.signals.Bias bias(BiasSnapshot b) {
        return io.liquidityengine.schemas.signals.Bias.newBuilder()
                .setInstrument(b.instrument())
                .setEventTime(Micros.instant(b.eventMicros()))
                .setBias(BiasValue.valueOf(b.bias().name()))
                .setPreviousBias(BiasValue.valueOf(b.previousBias().name()))
                .setFlip(b.flip())
                .setLiquiditySide(b.liquiditySide())
                .setTrend(io.liquidityengine.schemas.signals.TrendDirection.valueOf(b.trend().name()))
                .setDeltaPosition(io.liquidityengine.schemas.signals.DeltaPosition.valueOf(b.deltaPosition().name()))
                .setRoc15(nullIfNaN(b.roc15()))
                .setSlope(nullIfNaN(b.slope()))
                .setRsi(nullIfNaN(b.rsi()))
                .setExtended(b.extended())
                .setNormalActionBars(b.normalActionBars())
                .setClose(b.close())
                .setLongTargets(b.longTargets())
                .setShortTargets(b.shortTargets())
                .build();
    }

    public static TradePlan plan(PlanEvent p) {
        List<io.liquidityengine.schemas.signals.PlanLeg> legs = new ArrayList<>(p.legs().size());
        for (var leg : p.legs()) {
            legs.add(new io.liquidityengine.schemas.signals.PlanLeg(leg.leg(), leg.weight(), leg.targetPrice()));
        }
        return TradePlan.newBuilder()
                .setPlanId(p.planId())
                .setRevision(p.revision())
                .setInstrument(p.instrument())
                .setStrategyId(p.strategyId())
                .setStatus(io.liquidityengine.schemas.signals.PlanStatus.valueOf(p.status().name()))
                .setSide(io.liquidityengine.schemas.signals.PlanSide.valueOf(p.side().name()))
                .setEventTime(Micros.instant(p.eventMicros()))
                .setEntryPrice(p.entryPrice())
                .setStopPrice(p.stopPrice())
                .setLegs(legs)
                .setTotalQuantity(p.totalQuantity())
                .setRewardRisk(p.rewardRisk())
                .setReason(p.reason())
                .build();
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static AggressorSide side(Aggressor a) {
        return switch (a) {
            case BUY -> AggressorSide.BUY;
            case SELL -> AggressorSide.SELL;
            case UNKNOWN -> AggressorSide.UNKNOWN;
        };
    }
}
