package io.liquidityengine.topology.domain.strategy;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.delta.DeltaPosition;
import io.liquidityengine.topology.domain.levels.LevelView;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The reference strategy of docs/strategy.md ("Entries and plans"), with the plan lifecycle.
 *
 * <p>Long setup: trend V2 LONG, delta position LONG, not extended, normal-action bars >= 24 and,
 * when the bar supplies it, Avg >= 70. Plan: limit entry at the nearest unfilled level below the
 * close, stop = entry - 6.00, T1 = nearest unfilled level above the close, T2 = nearest liquidity
 * gap above, T3 = the second gap above when it is less than 15.00 from the close, else T2; valid
 * when (T1 - entry) / (entry - stop) >= 1.0. Shorts mirror every rule, T3 from the gaps below.
 * Legs 1:2:1 share the stop.
 *
 * <p>Lifecycle while flat: NEW when a valid plan appears and none is live; AMENDED when the live
 * plan's entry level changes (targets and R:R are recomputed with it); CANCELLED when the setup no
 * longer holds, reverses, or no valid plan can be built. When a position is open the live plan is
 * considered consumed and forgotten without an event, and no plans are made; flattening is
 * {@link FlattenSignal}'s job. Plan id = {@code strategyId:instrument:<creating bar start micros>}.
 */
public final class ReferenceStrategy implements Strategy {

    public static final String DEFAULT_ID = "reference";

    public static final String SETUP_GONE = "setup no longer holds";
    public static final String ENTRY_CHANGED = "entry level changed";

    private final String id;
    private final String instrument;
    private final TickGrid grid;
    private final ReferenceStrategyConfig config;

    /** The last event of the live plan, null when none is live. */
    private PlanEvent live;

    public ReferenceStrategy(String id, String instrument, TickGrid grid, ReferenceStrategyConfig config) {
        this.id = Objects.requireNonNull(id, "id");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the long setup holds on this bar. */
    public boolean longSetup(BarContext ctx) {
        double avg = ctx.study(config.avgStudy());
        return ctx.trend() == TrendDirection.LONG
                && ctx.delta().position() == DeltaPosition.LONG
                && !ctx.extended()
                && ctx.normalActionBars() >= config.minNormalActionBars()
                && (Double.isNaN(avg) || avg >= config.avgLongMin());
    }

    /** Whether the short setup holds on this bar. */
    public boolean shortSetup(BarContext ctx) {
        double avg = ctx.study(config.avgStudy());
        return ctx.trend() == TrendDirection.SHORT
                && ctx.delta().position() == DeltaPosition.SHORT
                && !ctx.extended()
                && ctx.normalActionBars() >= config.minNormalActionBars()
                && (Double.isNaN(avg) || avg <= config.avgShortMax());
    }

    /**
     * The targets the rules give for {@code side} around {@code price}, or why there are none: for a
     * long T1 = nearest unfilled level above, T2 = nearest liquidity gap above, T3 = the second gap
     * above when less than {@link ReferenceStrategyConfig#t3MaxDistancePoints} from {@code price},
     * else T2; a short mirrors it below. Level prices, so on the tick grid. {@link #propose} builds
     * its plan's targets with this, and the signal engine publishes it on every bar so the risk stage
     * can move an open position's targets with their levels.
     */
    public PlanTargets targets(PlanSide side, double price, LevelView levels) {
        boolean buy = side == PlanSide.BUY;
        double t1 = buy ? levels.nearestUnfilledAbove(price) : levels.nearestUnfilledBelow(price);
        if (Double.isNaN(t1)) {
            return PlanTargets.rejected(side, "no unfilled level " + (buy ? "above" : "below") + " for T1");
        }
        double[] gaps = buy ? levels.gapsAbove(price, 2) : levels.gapsBelow(price, 2);
        if (gaps.length == 0) {
            return PlanTargets.rejected(side, "no liquidity gap " + (buy ? "above" : "below") + " for T2");
        }
        double t2 = gaps[0];
        double t3 = gaps.length > 1 && Math.abs(gaps[1] - price) < config.t3MaxDistancePoints() ? gaps[1] : t2;
        return new PlanTargets(side, t1, t2, t3, null);
    }

    /** The plan the rules give for {@code side} around {@code price}, or a rejection. */
    public PlanProposal propose(PlanSide side, double price, LevelView levels) {
        boolean buy = side == PlanSide.BUY;
        double entry = buy ? levels.nearestUnfilledBelow(price) : levels.nearestUnfilledAbove(price);
        if (Double.isNaN(entry)) {
            return PlanProposal.rejected(side, "no unfilled level " + (buy ? "below" : "above") + " for the entry");
        }
        PlanTargets targets = targets(side, price, levels);
        if (!targets.isValid()) {
            return PlanProposal.rejected(side, targets.rejection());
        }
        double stop = grid.round(buy ? entry - config.stopPoints() : entry + config.stopPoints());
        double t1 = targets.t1();
        double t2 = targets.t2();
        double t3 = targets.t3();
        double rewardRisk = buy ? (t1 - entry) / (entry - stop) : (entry - t1) / (stop - entry);
        if (!(rewardRisk >= config.minRewardRisk())) {
            return PlanProposal.rejected(side, String.format(Locale.ROOT, "reward:risk %.2f below %.2f",
                    rewardRisk, config.minRewardRisk()));
        }
        return new PlanProposal(side, entry, stop, t1, t2, t3, rewardRisk, null);
    }

    @Override
    public List<PlanEvent> onBar(BarContext ctx) {
        if (ctx.position() != PositionSide.FLAT) {
            live = null;
            return List.of();
        }
        double close = ctx.bar().close();
        long eventMicros = ctx.bar().endMicros();
        PlanProposal wanted = null;
        String notWanted = SETUP_GONE;
        if (longSetup(ctx)) {
            wanted = propose(PlanSide.BUY, close, ctx.levels());
        } else if (shortSetup(ctx)) {
            wanted = propose(PlanSide.SELL, close, ctx.levels());
        }
        if (wanted != null && !wanted.isValid()) {
            notWanted = wanted.rejection();
            wanted = null;
        }
        List<PlanEvent> events = new ArrayList<>(2);
        if (live != null) {
            if (wanted == null || wanted.side() != live.side()) {
                events.add(live.next(PlanStatus.CANCELLED, eventMicros, wanted == null ? notWanted : "setup reversed"));
                live = null;
            } else if (wanted.entry() != live.entryPrice()) {
                live = plan(live.planId(), live.revision() + 1, PlanStatus.AMENDED, eventMicros, wanted, ENTRY_CHANGED);
                events.add(live);
            }
        }
        if (live == null && wanted != null) {
            String planId = id + ":" + instrument + ":" + ctx.bar().startMicros();
            live = plan(planId, 0, PlanStatus.NEW, eventMicros, wanted, null);
            events.add(live);
        }
        return events;
    }

    /** The live plan's last event, null when no plan is live. */
    public PlanEvent livePlan() {
        return live;
    }

    /** Restores the live plan (from a state store); null for none. */
    public void restore(PlanEvent livePlan) {
        this.live = livePlan;
    }

    @Override
    public void reset() {
        live = null;
    }

    public ReferenceStrategyConfig config() {
        return config;
    }

    private PlanEvent plan(String planId, int revision, PlanStatus status, long eventMicros, PlanProposal p,
                           String reason) {
        List<PlanLeg> legs = List.of(
                new PlanLeg(1, config.weightT1(), p.t1()),
                new PlanLeg(2, config.weightT2(), p.t2()),
                new PlanLeg(3, config.weightT3(), p.t3()));
        return new PlanEvent(planId, revision, instrument, id, status, p.side(), eventMicros, p.entry(), p.stop(),
                legs, config.totalQuantity(), p.rewardRisk(), reason);
    }
}
