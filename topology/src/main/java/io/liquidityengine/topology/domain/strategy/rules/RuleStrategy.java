package io.liquidityengine.topology.domain.strategy.rules;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.BarWindows;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.engine.EngineStateCodec;
import io.liquidityengine.topology.domain.indicators.Atr;
import io.liquidityengine.topology.domain.indicators.Ema;
import io.liquidityengine.topology.domain.indicators.Rsi;
import io.liquidityengine.topology.domain.strategy.BarContext;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import io.liquidityengine.topology.domain.strategy.Strategy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A declarative strategy ({@link RuleSpec}) for one instrument. Base bars are rolled up to the
 * rule's timeframe (a timeframe bar is evaluated once its last base bar arrives, or when a bar of a
 * later window shows it is complete); bars longer than the timeframe are ignored. On each timeframe
 * bar the indicators are updated, then the long and short rules are tested (both firing at once
 * counts as neither).
 *
 * <p>Plan lifecycle: a firing rule with no live plan gives NEW (entry = the bar's close, stop =
 * entry -/+ stopPoints, targets = entry +/- R x risk, all on the tick grid); the same side firing
 * again with another entry gives AMENDED; the other side firing gives CANCELLED ("setup reversed")
 * followed by its NEW; {@code validBars} bars without the rule firing give CANCELLED ("expired").
 * Plan id = {@code strategyId:instrument:<start micros of the firing timeframe bar>}.
 */
public final class RuleStrategy implements Strategy {

    public static final String EXPIRED = "expired: rule no longer fires";
    public static final String REVERSED = "setup reversed";
    public static final String ENTRY_CHANGED = "entry changed";

    private static final byte VERSION = 1;

    private final String id;
    private final String instrument;
    private final TickGrid grid;
    private final RuleSpec spec;
    private final Map<String, Operand.Indicator> indicatorSpecs;

    private BarValue partial;
    private final Map<String, Object> indicators = new TreeMap<>();
    private Map<String, Double> previousValues = new TreeMap<>();
    private double[] previousBar;
    private PlanEvent live;
    private int barsSinceFire;

    public RuleStrategy(String id, String instrument, TickGrid grid, RuleSpec spec) {
        this.id = Objects.requireNonNull(id, "id");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.indicatorSpecs = spec.indicators();
        createIndicators();
    }

    @Override
    public String id() {
        return id;
    }

    public RuleSpec spec() {
        return spec;
    }

    /** The live plan's last event, null when none. */
    public PlanEvent livePlan() {
        return live;
    }

    @Override
    public List<PlanEvent> onBar(BarContext context) {
        return onBar(context.bar());
    }

    /** Feeds one base bar (in event-time order); returns the plan events of a completed timeframe bar. */
    public List<PlanEvent> onBar(BarValue base) {
        int tf = spec.timeframeSeconds();
        if (base.intervalSeconds() > tf) {
            return List.of();
        }
        BarValue bar = new BarValue(base.instrument(), base.intervalSeconds(), base.startMicros(), base.endMicros(),
                base.open(), base.high(), base.low(), base.close(), base.volume(), base.trades(), base.bidVolume(),
                base.askVolume(), List.of(), Map.of());
        List<PlanEvent> events = new ArrayList<>(2);
        long windowStart = BarWindows.windowStart(bar.startMicros(), tf);
        long windowEnd = windowStart + BarWindows.windowSize(tf);
        if (partial != null && partial.startMicros() != windowStart) {
            evaluate(partial, events);
            partial = null;
        }
        partial = partial == null ? rollup(bar, windowStart, windowEnd) : merge(partial, bar);
        if (bar.endMicros() >= windowEnd) {
            evaluate(partial, events);
            partial = null;
        }
        return events;
    }

    private static BarValue rollup(BarValue b, long start, long end) {
        return new BarValue(b.instrument(), (int) ((end - start) / BarWindows.MICROS_PER_SECOND), start, end, b.open(),
                b.high(), b.low(), b.close(), b.volume(), b.trades(), b.bidVolume(), b.askVolume(), List.of(), Map.of());
    }

    private static BarValue merge(BarValue p, BarValue b) {
        return new BarValue(p.instrument(), p.intervalSeconds(), p.startMicros(), p.endMicros(), p.open(),
                Math.max(p.high(), b.high()), Math.min(p.low(), b.low()), b.close(), p.volume() + b.volume(),
                p.trades() + b.trades(), p.bidVolume() + b.bidVolume(), p.askVolume() + b.askVolume(), List.of(), Map.of());
    }

    private void evaluate(BarValue bar, List<PlanEvent> events) {
        double[] ohlcv = {bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()};
        Map<String, Double> values = new TreeMap<>();
        for (Map.Entry<String, Object> e : indicators.entrySet()) {
            values.put(e.getKey(), update(e.getValue(), bar));
        }
        RuleInputs in = new RuleInputs(ohlcv, previousBar, values, previousValues);
        boolean longFires = spec.longRule() != null && spec.longRule().test(in);
        boolean shortFires = spec.shortRule() != null && spec.shortRule().test(in);
        PlanSide fired = longFires == shortFires ? null : longFires ? PlanSide.BUY : PlanSide.SELL;
        previousBar = ohlcv;
        previousValues = values;

        long at = bar.endMicros();
        if (live != null) {
            if (fired == null) {
                barsSinceFire++;
                if (barsSinceFire >= spec.validBars()) {
                    events.add(next(live, PlanStatus.CANCELLED, at, EXPIRED));
                    live = null;
                }
            } else if (fired != live.side()) {
                events.add(next(live, PlanStatus.CANCELLED, at, REVERSED));
                live = null;
            } else {
                barsSinceFire = 0;
                if (bar.close() != live.entryPrice()) {
                    live = plan(live.planId(), live.revision() + 1, PlanStatus.AMENDED, at, fired, bar.close(), ENTRY_CHANGED);
                    events.add(live);
                }
            }
        }
        if (live == null && fired != null) {
            live = plan(id + ":" + instrument + ":" + bar.startMicros(), 0, PlanStatus.NEW, at, fired, bar.close(), null);
            barsSinceFire = 0;
            events.add(live);
        }
    }

    private PlanEvent plan(String planId, int revision, PlanStatus status, long at, PlanSide side, double close,
                           String reason) {
        double entry = grid.round(close);
        double sign = side == PlanSide.BUY ? 1 : -1;
        double stop = grid.round(entry - sign * spec.stopPoints());
        double risk = Math.abs(entry - stop);
        if (risk == 0) {
            stop = grid.price(grid.ticks(entry) - (long) sign);
            risk = Math.abs(entry - stop);
        }
        List<PlanLeg> legs = new ArrayList<>(spec.weights().length);
        int total = 0;
        for (int i = 0; i < spec.weights().length; i++) {
            legs.add(new PlanLeg(i + 1, spec.weights()[i], grid.round(entry + sign * spec.targetsR()[i] * risk)));
            total += spec.weights()[i];
        }
        double rewardRisk = Math.abs(legs.get(0).targetPrice() - entry) / risk;
        return new PlanEvent(planId, revision, instrument, id, status, side, at, entry, stop, legs, total, rewardRisk, reason);
    }

    private static PlanEvent next(PlanEvent p, PlanStatus status, long at, String reason) {
        return new PlanEvent(p.planId(), p.revision() + 1, p.instrument(), p.strategyId(), status, p.side(), at,
                p.entryPrice(), p.stopPrice(), p.legs(), p.totalQuantity(), p.rewardRisk(), reason);
    }

    /** Cancels the live plan (the strategy was disabled or removed); empty when none is live. */
    public List<PlanEvent> cancelLive(long atMicros, String reason) {
        if (live == null) {
            return List.of();
        }
        PlanEvent cancelled = next(live, PlanStatus.CANCELLED, atMicros, reason);
        live = null;
        return List.of(cancelled);
    }

    private static double update(Object indicator, BarValue bar) {
        if (indicator instanceof Ema ema) {
            ema.onValue(bar.close());
            return ema.isReady() ? ema.value() : Double.NaN;
        }
        if (indicator instanceof Rsi rsi) {
            double v = rsi.onBar(bar.close());
            return rsi.isReady() ? v : Double.NaN;
        }
        Atr atr = (Atr) indicator;
        double v = atr.onBar(bar.high(), bar.low(), bar.close());
        return atr.isReady() ? v : Double.NaN;
    }

    private void createIndicators() {
        indicators.clear();
        for (Map.Entry<String, Operand.Indicator> e : indicatorSpecs.entrySet()) {
            int period = e.getValue().period();
            indicators.put(e.getKey(), switch (e.getValue().kind()) {
                case EMA -> new Ema(period);
                case RSI -> new Rsi(period);
                case ATR -> new Atr(period);
            });
        }
    }

    @Override
    public void reset() {
        partial = null;
        createIndicators();
        previousValues = new TreeMap<>();
        previousBar = null;
        live = null;
        barsSinceFire = 0;
    }

    /** The strategy's state as bytes (for a changelogged store); {@link #restore} reads it back. */
    public byte[] capture() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeBoolean(partial != null);
            if (partial != null) {
                out.writeLong(partial.startMicros());
                out.writeLong(partial.endMicros());
                EngineStateCodec.writeDoubles(out, new double[] {partial.open(), partial.high(), partial.low(), partial.close(),
                        partial.volume(), partial.trades(), partial.bidVolume(), partial.askVolume()});
            }
            out.writeInt(indicators.size());
            for (Map.Entry<String, Object> e : indicators.entrySet()) {
                out.writeUTF(e.getKey());
                Object i = e.getValue();
                double[] state = i instanceof Ema ema ? new double[] {ema.value(), ema.count()}
                        : i instanceof Rsi rsi ? rsi.capture() : ((Atr) i).capture();
                EngineStateCodec.writeDoubles(out, state);
            }
            out.writeInt(previousValues.size());
            for (Map.Entry<String, Double> e : previousValues.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeBoolean(previousBar != null);
            if (previousBar != null) {
                EngineStateCodec.writeDoubles(out, previousBar);
            }
            EngineStateCodec.writeNullablePlan(out, live);
            out.writeInt(barsSinceFire);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores state produced by {@link #capture()} of a strategy with the same spec. */
    public void restore(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown rule strategy state version " + version);
            }
            reset();
            if (in.readBoolean()) {
                long start = in.readLong();
                long end = in.readLong();
                double[] v = EngineStateCodec.readDoubles(in);
                partial = new BarValue(instrument, (int) ((end - start) / BarWindows.MICROS_PER_SECOND), start, end,
                        v[0], v[1], v[2], v[3], v[4], (long) v[5], v[6], v[7], List.of(), Map.of());
            }
            int n = in.readInt();
            for (int k = 0; k < n; k++) {
                String key = in.readUTF();
                double[] state = EngineStateCodec.readDoubles(in);
                Object i = indicators.get(key);
                if (i instanceof Ema ema) {
                    ema.restore(state[0], (long) state[1]);
                } else if (i instanceof Rsi rsi) {
                    rsi.restore(state);
                } else if (i instanceof Atr atr) {
                    atr.restore(state);
                } else {
                    throw new IllegalStateException("state has indicator " + key + " the spec does not use");
                }
            }
            int p = in.readInt();
            Map<String, Double> prev = new TreeMap<>();
            for (int k = 0; k < p; k++) {
                prev.put(in.readUTF(), in.readDouble());
            }
            previousValues = prev;
            previousBar = in.readBoolean() ? EngineStateCodec.readDoubles(in) : null;
            live = EngineStateCodec.readNullablePlan(in);
            barsSinceFire = in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
