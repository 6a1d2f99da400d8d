package io.liquidityengine.topology.domain.engine;

import io.liquidityengine.topology.domain.bars.BarWindows;
import io.liquidityengine.topology.domain.bias.Bias;
import io.liquidityengine.topology.domain.levels.LevelDirection;
import io.liquidityengine.topology.domain.levels.LevelOrigin;
import io.liquidityengine.topology.domain.levels.LiquidityLevel;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import io.liquidityengine.topology.domain.strategy.PositionSide;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole state of a {@link ReferenceSignalEngine} as bytes and back, for a changelogged state
 * store: chop band, level book (price-rule levels, scheduled imported levels, last fill), liquidity
 * side, trend V2, RSI, extension counter, option-delta history, bias tracker, live plan, position
 * and clock. The configuration is not stored: {@link #decode} rebuilds it from the instrument and
 * tick size through a factory, so a restored engine continues exactly as the original would.
 * Doubles are written as raw bits, so NaN and every value round-trip exactly.
 */
public final class EngineStateCodec {

    private static final byte VERSION = 1;

    private EngineStateCodec() {
    }

    public static byte[] encode(ReferenceSignalEngine engine) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(engine.config().instrument());
            out.writeDouble(engine.config().grid().tickSize());
            out.writeDouble(engine.lastClose());
            out.writeLong(engine.lastBarStartMicros());
            out.writeByte(engine.position().ordinal());
            for (long v : engine.chop().capture()) {
                out.writeLong(v);
            }
            writeLevels(out, engine.levels().priceRuleLevels());
            writeLevels(out, engine.levels().scheduledLevels());
            writeNullableLevel(out, engine.levels().lastFilled());
            out.writeInt(engine.liquiditySide().side());
            out.writeByte(engine.trendV2().trend().ordinal());
            writeDoubles(out, engine.rsi().capture());
            out.writeBoolean(engine.extension().isExtended());
            out.writeInt(engine.extension().normalActionBars());
            out.writeLong(engine.extension().lastExtendedMicros());
            long[] minutes = engine.delta().keptMinutes();
            out.writeInt(minutes.length);
            for (long m : minutes) {
                out.writeLong(m);
                out.writeDouble(engine.delta().value(m));
            }
            out.writeLong(engine.biasTracker().currentMinute());
            out.writeByte(engine.biasTracker().currentMinuteBias().ordinal());
            out.writeByte(engine.biasTracker().previousMinuteBias().ordinal());
            writeNullablePlan(out, engine.strategy().livePlan());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rebuilds an engine from {@link #encode} output.
     *
     * @param configFor the engine configuration for (instrument, tick size)
     */
    public static ReferenceSignalEngine decode(byte[] data, ConfigFactory configFor) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown engine state version " + version);
            }
            String instrument = in.readUTF();
            double tickSize = in.readDouble();
            ReferenceSignalEngine engine = new ReferenceSignalEngine(configFor.config(instrument, tickSize));
            double lastClose = in.readDouble();
            long lastBarStart = in.readLong();
            engine.restoreClock(lastClose, lastBarStart);
            engine.setPosition(PositionSide.values()[in.readByte()]);
            long[] chop = new long[6];
            for (int i = 0; i < chop.length; i++) {
                chop[i] = in.readLong();
            }
            engine.chop().restore(chop);
            for (LiquidityLevel level : readLevels(in)) {
                engine.levels().restore(level);
            }
            for (LiquidityLevel level : readLevels(in)) {
                engine.levels().restoreScheduled(level);
            }
            LiquidityLevel lastFilled = readNullableLevel(in);
            if (lastFilled != null) {
                engine.levels().restore(lastFilled);
            }
            engine.liquiditySide().restore(in.readInt());
            engine.trendV2().restore(TrendDirection.values()[in.readByte()]);
            engine.rsi().restore(readDoubles(in));
            boolean extended = in.readBoolean();
            int normal = in.readInt();
            long lastExtended = in.readLong();
            engine.extension().restore(extended, normal, lastExtended);
            int minutes = in.readInt();
            for (int i = 0; i < minutes; i++) {
                long minute = in.readLong();
                double value = in.readDouble();
                // ascending replay rebuilds the same ring slots and latest minute
                engine.delta().onValue(minute * BarWindows.MICROS_PER_MINUTE, value);
            }
            long currentMinute = in.readLong();
            Bias current = Bias.values()[in.readByte()];
            Bias previous = Bias.values()[in.readByte()];
            engine.biasTracker().restore(currentMinute, current, previous);
            engine.strategy().restore(readNullablePlan(in));
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Engine configuration for an instrument and its tick size. */
    @FunctionalInterface
    public interface ConfigFactory {
        EngineConfig config(String instrument, double tickSize);
    }

    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeLevels(DataOutputStream out, List<LiquidityLevel> levels) throws IOException {
        out.writeInt(levels.size());
        for (LiquidityLevel level : levels) {
            writeLevel(out, level);
        }
    }

    private static List<LiquidityLevel> readLevels(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<LiquidityLevel> levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            levels.add(readLevel(in));
        }
        return levels;
    }

    private static void writeNullableLevel(DataOutputStream out, LiquidityLevel level) throws IOException {
        out.writeBoolean(level != null);
        if (level != null) {
            writeLevel(out, level);
        }
    }

    private static LiquidityLevel readNullableLevel(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLevel(in) : null;
    }

    private static void writeLevel(DataOutputStream out, LiquidityLevel l) throws IOException {
        out.writeUTF(l.id());
        out.writeDouble(l.price());
        out.writeByte(l.direction().ordinal());
        out.writeByte(l.origin().ordinal());
        out.writeLong(l.createdMicros());
        out.writeInt(l.createdPeriod());
        out.writeLong(l.filledMicros());
        out.writeDouble(l.referencePrice());
        writeNullableString(out, l.sourceId());
    }

    private static LiquidityLevel readLevel(DataInputStream in) throws IOException {
        return new LiquidityLevel(in.readUTF(), in.readDouble(), LevelDirection.values()[in.readByte()],
                LevelOrigin.values()[in.readByte()], in.readLong(), in.readInt(), in.readLong(), in.readDouble(),
                readNullableString(in));
    }

    public static void writeNullablePlan(DataOutputStream out, PlanEvent p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        out.writeUTF(p.planId());
        out.writeInt(p.revision());
        out.writeUTF(p.instrument());
        out.writeUTF(p.strategyId());
        out.writeByte(p.status().ordinal());
        out.writeByte(p.side().ordinal());
        out.writeLong(p.eventMicros());
        out.writeDouble(p.entryPrice());
        out.writeDouble(p.stopPrice());
        out.writeInt(p.legs().size());
        for (PlanLeg leg : p.legs()) {
            out.writeInt(leg.leg());
            out.writeInt(leg.weight());
            out.writeDouble(leg.targetPrice());
        }
        out.writeInt(p.totalQuantity());
        out.writeDouble(p.rewardRisk());
        writeNullableString(out, p.reason());
    }

    public static PlanEvent readNullablePlan(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String planId = in.readUTF();
        int revision = in.readInt();
        String instrument = in.readUTF();
        String strategyId = in.readUTF();
        PlanStatus status = PlanStatus.values()[in.readByte()];
        PlanSide side = PlanSide.values()[in.readByte()];
        long eventMicros = in.readLong();
        double entry = in.readDouble();
        double stop = in.readDouble();
        int n = in.readInt();
        List<PlanLeg> legs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            legs.add(new PlanLeg(in.readInt(), in.readInt(), in.readDouble()));
        }
        int total = in.readInt();
        double rewardRisk = in.readDouble();
        String reason = readNullableString(in);
        return new PlanEvent(planId, revision, instrument, strategyId, status, side, eventMicros, entry, stop, legs,
                total, rewardRisk, reason);
    }

    public static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    public static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
