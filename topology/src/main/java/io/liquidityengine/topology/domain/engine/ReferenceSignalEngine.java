package io.liquidityengine.topology.domain.engine;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bias.Bias;
import io.liquidityengine.topology.domain.bias.BiasSnapshot;
import io.liquidityengine.topology.domain.bias.BiasTracker;
import io.liquidityengine.topology.domain.bias.ExtensionCounter;
import io.liquidityengine.topology.domain.delta.DeltaReading;
import io.liquidityengine.topology.domain.delta.OptionDeltaSeries;
import io.liquidityengine.topology.domain.indicators.Rsi;
import io.liquidityengine.topology.domain.levels.ImbalanceDetector;
import io.liquidityengine.topology.domain.levels.Imbalance;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.levels.LevelBook;
import io.liquidityengine.topology.domain.levels.LevelEvent;
import io.liquidityengine.topology.domain.levels.LevelOrigin;
import io.liquidityengine.topology.domain.strategy.BarContext;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanTargets;
import io.liquidityengine.topology.domain.strategy.PositionSide;
import io.liquidityengine.topology.domain.strategy.ReferenceStrategy;
import io.liquidityengine.topology.domain.trend.ChopPeriodTracker;
import io.liquidityengine.topology.domain.trend.LiquiditySide;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import io.liquidityengine.topology.domain.trend.TrendV2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference signal chain for one instrument: base bars (plus option-delta values and imported
 * levels), in event-time order, in; level events, bias snapshot and plan events out.
 *
 * <p>Per bar: chop period (from the previous bar's break) -> fills of existing levels -> new levels
 * from stacked footprint imbalances (tagged with the current period) -> liquidity side V1 and
 * trend V2 from the most recently filled level -> RSI and extension -> option-delta reading as of
 * the last completed minute before the bar's end -> bias and flip -> the current T1-T3 for a long
 * and a short around the bar's close (the reference strategy's target rules, on the book after the
 * bar's fills and new levels; published with the bias so the risk stage moves open positions'
 * targets with their levels) -> strategy.
 *
 * <p>All state lives in the component objects, each of plain fields with capture/restore or
 * reset hooks, so a state-store codec can persist it.
 */
public final class ReferenceSignalEngine {

    private final EngineConfig config;
    private final TickGrid grid;
    private final ChopPeriodTracker chop;
    private final LevelBook levels;
    private final ImbalanceDetector imbalances;
    private final LiquiditySide side = new LiquiditySide();
    private final TrendV2 trend = new TrendV2();
    private final Rsi rsi;
    private final ExtensionCounter extension;
    private final OptionDeltaSeries delta;
    private final BiasTracker bias = new BiasTracker();
    private final ReferenceStrategy strategy;

    private PositionSide position = PositionSide.FLAT;
    private double lastClose = Double.NaN;
    private long lastBarStartMicros = Long.MIN_VALUE;

    public ReferenceSignalEngine(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.grid = config.grid();
        this.chop = new ChopPeriodTracker(grid, config.chopBandTicks());
        this.levels = new LevelBook(config.instrument(), grid);
        this.imbalances = new ImbalanceDetector(config.imbalance(), grid);
        this.rsi = new Rsi(config.rsiPeriod());
        this.extension = new ExtensionCounter(config.extendedUpper(), config.extendedLower());
        this.delta = new OptionDeltaSeries(config.delta());
        this.strategy = new ReferenceStrategy(config.strategyId(), config.instrument(), grid, config.strategy());
    }

    /** Records an option-delta value for the minute containing {@code timeMicros}; false when ignored. */
    public boolean onOptionDelta(long timeMicros, double value) {
        return delta.onValue(timeMicros, value);
    }

    /**
     * Accepts an imported level. Its direction comes from the close of the last bar processed
     * (UNKNOWN before the first bar); its period is the current chop period.
     */
    public List<LevelEvent> onImportedLevel(ImportedLevel imported) {
        long now = Math.max(imported.createdMicros(), lastBarStartMicros);
        return levels.importLevel(imported, lastClose, chop.period(), now);
    }

    /**
     * A later FILLED event of an imported level: it is filled by the first bar starting at or after
     * the export's fill time. False when the level is not (or no longer) unfilled in the book.
     */
    public boolean onImportedFill(ImportedLevel imported, long filledMicros) {
        return levels.scheduleImportedFill(imported, filledMicros);
    }

    /** Sets the side of the open position (from execution reports); FLAT by default. */
    public void setPosition(PositionSide position) {
        this.position = Objects.requireNonNull(position, "position");
    }

    /** Processes one base bar. */
    public SignalOutput onBar(BarValue bar) {
        if (!config.instrument().equals(bar.instrument())) {
            throw new IllegalArgumentException("bar for " + bar.instrument() + " fed to engine of " + config.instrument());
        }
        if (bar.startMicros() <= lastBarStartMicros) {
            throw new IllegalArgumentException("bar at " + bar.startMicros() + " is not after the previous bar at "
                    + lastBarStartMicros);
        }
        int period = chop.onBar(bar.high(), bar.low());

        List<LevelEvent> levelEvents = new ArrayList<>(levels.applyFills(bar));
        if (config.detectLevels()) {
            for (Imbalance imbalance : imbalances.detect(bar.footprint())) {
                String id = config.instrument() + ":fp:" + (imbalance.buy() ? "B" : "S") + ":" + bar.startMicros()
                        + ":" + grid.ticks(imbalance.levelPrice());
                levelEvents.add(levels.create(imbalance.levelPrice(), bar, period, LevelOrigin.FOOTPRINT_IMBALANCE, id));
            }
        }

        int liquiditySide = side.onLastFilled(levels.lastFilled());
        TrendDirection trendNow = trend.onBar(bar.startMicros(), period, levels.lastFilled());

        double rsiValue = rsi.onBar(bar.close());
        boolean rsiReady = rsi.isReady();
        boolean extended = extension.onBar(rsiValue, rsiReady, bar.startMicros());
        int normalAction = extension.normalActionBars();

        DeltaReading reading = delta.asOf(bar.endMicros());
        Bias biasNow = Bias.of(liquiditySide, reading.position());
        BiasTracker.Result flip = bias.onBar(bar.startMicros(), biasNow);

        double rsiOut = rsiReady ? rsiValue : Double.NaN;
        // targets around the close: where an open position's legs belong now (the plans use the same close)
        PlanTargets longTargets = strategy.targets(PlanSide.BUY, bar.close(), levels);
        PlanTargets shortTargets = strategy.targets(PlanSide.SELL, bar.close(), levels);
        BiasSnapshot snapshot = new BiasSnapshot(config.instrument(), bar.endMicros(), flip.bias(), flip.previous(),
                flip.flip(), liquiditySide, trendNow, reading.position(), reading.roc(), reading.slope(), rsiOut,
                extended, normalAction, bar.close(), longTargets.asList(), shortTargets.asList());

        BarContext context = new BarContext(bar, rsiOut, extended, normalAction, liquiditySide, trendNow, reading,
                levels, position);
        boolean longSetup = strategy.longSetup(context);
        boolean shortSetup = strategy.shortSetup(context);
        List<PlanEvent> plans = strategy.onBar(context);
        Optional<FlattenSignal> flatten = FlattenSignal.evaluate(position, trendNow, longSetup, shortSetup);

        lastClose = bar.close();
        lastBarStartMicros = bar.startMicros();
        return new SignalOutput(levelEvents, snapshot, plans, longSetup, shortSetup, flatten, period, context);
    }

    public void reset() {
        chop.reset();
        levels.reset();
        side.reset();
        trend.reset();
        rsi.reset();
        extension.reset();
        delta.reset();
        bias.reset();
        strategy.reset();
        position = PositionSide.FLAT;
        lastClose = Double.NaN;
        lastBarStartMicros = Long.MIN_VALUE;
    }

    /** Close of the last bar processed, NaN before the first. */
    public double lastClose() {
        return lastClose;
    }

    /** Start of the last bar processed, {@code Long.MIN_VALUE} before the first. */
    public long lastBarStartMicros() {
        return lastBarStartMicros;
    }

    public PositionSide position() {
        return position;
    }

    /** Restores the engine's own clock fields (a codec restores the components through their accessors). */
    public void restoreClock(double lastClose, long lastBarStartMicros) {
        this.lastClose = lastClose;
        this.lastBarStartMicros = lastBarStartMicros;
    }

    public Rsi rsi() {
        return rsi;
    }

    public ExtensionCounter extension() {
        return extension;
    }

    public OptionDeltaSeries delta() {
        return delta;
    }

    public BiasTracker biasTracker() {
        return bias;
    }

    public LiquiditySide liquiditySide() {
        return side;
    }

    public TrendV2 trendV2() {
        return trend;
    }

    public EngineConfig config() {
        return config;
    }

    /** The level book (read access for queries and a state codec). */
    public LevelBook levels() {
        return levels;
    }

    public ChopPeriodTracker chop() {
        return chop;
    }

    public ReferenceStrategy strategy() {
        return strategy;
    }
}
