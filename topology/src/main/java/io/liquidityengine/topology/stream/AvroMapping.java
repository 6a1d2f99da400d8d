package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.serde.AvroSerializer;
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
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

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

    /**
     * sig.bars values: the catalog's serializer with {@link #writeBar} writing the body field by field
     * instead of Avro's schema-walking writer (the topology writes one per bar per interval); the same
     * bytes, which AvroWritersTest compares.
     */
    static Serializer<Bar> barSerializer(Map<String, ?> registryConfig) {
        return configured(new AvroSerializer<>(Bar.class, AvroMapping::writeBar), registryConfig);
    }

    /** sig.bias values: as {@link #barSerializer}, with {@link #writeBias}. */
    static Serializer<io.liquidityengine.schemas.signals.Bias> biasSerializer(Map<String, ?> registryConfig) {
        return configured(new AvroSerializer<>(io.liquidityengine.schemas.signals.Bias.class, AvroMapping::writeBias), registryConfig);
    }

    private static <T extends SpecificRecord> Serializer<T> configured(AvroSerializer<T> serializer, Map<String, ?> registryConfig) {
        serializer.configure(registryConfig, false);
        return serializer;
    }

    private static final TimeConversions.TimestampMicrosConversion MICROS = new TimeConversions.TimestampMicrosConversion();

    /** A timestamp-micros value as Avro's conversion writes it. */
    private static long micros(Instant t) {
        return MICROS.toLong(t, null, null);
    }

    /** Bar's fields in schema order, with the encoder calls of SpecificDatumWriter (records, arrays, maps, enums by ordinal). */
    static void writeBar(Bar b, BinaryEncoder out) throws IOException {
        out.writeString(b.getInstrument());
        out.writeInt(b.getIntervalSeconds());
        out.writeLong(micros(b.getStartTime()));
        out.writeLong(micros(b.getEndTime()));
        out.writeDouble(b.getOpen());
        out.writeDouble(b.getHigh());
        out.writeDouble(b.getLow());
        out.writeDouble(b.getClose());
        out.writeDouble(b.getVolume());
        out.writeLong(b.getTrades());
        out.writeDouble(b.getBidVolume());
        out.writeDouble(b.getAskVolume());
        List<FootprintLevel> footprint = b.getFootprint();
        out.writeArrayStart();
        out.setItemCount(footprint.size());
        for (FootprintLevel level : footprint) {
            out.startItem();
            out.writeDouble(level.getPrice());
            out.writeDouble(level.getBidVolume());
            out.writeDouble(level.getAskVolume());
        }
        out.writeArrayEnd();
        Map<String, Double> studies = b.getStudies();
        out.writeMapStart();
        out.setItemCount(studies.size());
        for (Map.Entry<String, Double> e : studies.entrySet()) {
            out.startItem();
            out.writeString(e.getKey());
            out.writeDouble(e.getValue());
        }
        out.writeMapEnd();
        out.writeEnum(b.getSource().ordinal());
    }

    /** Bias's fields in schema order, with the encoder calls of SpecificDatumWriter (unions ["null", "double"] by branch index). */
    static void writeBias(io.liquidityengine.schemas.signals.Bias b, BinaryEncoder out) throws IOException {
        out.writeString(b.getInstrument());
        out.writeLong(micros(b.getEventTime()));
        out.writeEnum(b.getBias().ordinal());
        out.writeEnum(b.getPreviousBias().ordinal());
        out.writeBoolean(b.getFlip());
        out.writeInt(b.getLiquiditySide());
        out.writeEnum(b.getTrend().ordinal());
        out.writeEnum(b.getDeltaPosition().ordinal());
        writeOptionalDouble(b.getRoc15(), out);
        writeOptionalDouble(b.getSlope(), out);
        writeOptionalDouble(b.getRsi(), out);
        out.writeBoolean(b.getExtended());
        out.writeInt(b.getNormalActionBars());
        out.writeDouble(b.getClose());
        out.writeBoolean(b.getLongSetup());
        out.writeBoolean(b.getShortSetup());
        writeDoubles(b.getLongTargets(), out);
        writeDoubles(b.getShortTargets(), out);
    }

    private static void writeOptionalDouble(Double v, BinaryEncoder out) throws IOException {
        if (v == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            out.writeDouble(v);
        }
    }

    private static void writeDoubles(List<Double> values, BinaryEncoder out) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.size());
        for (Double v : values) {
            out.startItem();
            out.writeDouble(v);
        }
        out.writeArrayEnd();
    }
}
