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
 * <p>Lifecycle while flat: NEW when the setup holds, a valid plan can be built and none is live;
 * AMENDED when the live plan's entry level changes and a valid plan can still be built there
 * (targets and R:R are recomputed with it); CANCELLED when its direction no longer holds (trend V2
 * or the delta position turned) or the opposite setup appears. While its direction holds the
 * plan stays even when an entry filter (extension, normal action, Avg) lapses or no valid plan
 * can be built at the current price: those gate new plans only (see {@link #directionHolds}). When a position is open the live plan is
 * considered consumed and forgotten without an event, and no plans are made; flattening is
 * {@link FlattenSignal}'s job. Plan id = {@code strategyId:instrument:<creating bar start micros>}.
 */
public final class ReferenceStrategy implements Strategy {

    public static final String DEFAULT_ID = "reference";

    public static final String SETUP_GONE = "setup no longer holds";
    public static final String SETUP_REVERSED = "setup reversed";
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
        List<PlanEvent> events = new ArrayList<>(2);
        if (live != null) {
            boolean buy = live.side() == PlanSide.BUY;
            if (buy ? shortSetup(ctx) : longSetup(ctx)) {
                events.add(live.next(PlanStatus.CANCELLED, eventMicros, SETUP_REVERSED));
                live = null;
            } else if (!directionHolds(live.side(), ctx)) {
                events.add(live.next(PlanStatus.CANCELLED, eventMicros, SETUP_GONE));
                live = null;
            } else {
                PlanProposal again = propose(live.side(), close, ctx.levels());
                if (again.isValid() && again.entry() != live.entryPrice()) {
                    live = plan(live.planId(), live.revision() + 1, PlanStatus.AMENDED, eventMicros, again, ENTRY_CHANGED);
                    events.add(live);
                }
            }
        }
        if (live == null) {
            PlanProposal wanted = longSetup(ctx) ? propose(PlanSide.BUY, close, ctx.levels())
                    : shortSetup(ctx) ? propose(PlanSide.SELL, close, ctx.levels()) : null;
            if (wanted != null && wanted.isValid()) {
                String planId = id + ":" + instrument + ":" + ctx.bar().startMicros();
                live = plan(planId, 0, PlanStatus.NEW, eventMicros, wanted, null);
                events.add(live);
            }
        }
        return events;
    }

    /**
     * Whether a live plan on {@code side} stays: trend V2 and the delta position still point its
     * way. The entry filters (extension, normal action, Avg) gate only a new plan: the pullback to a
     * limit entry at a level below a long's price pushes RSI towards 40 and would cancel every plan
     * just before it fills.
     */
    private static boolean directionHolds(PlanSide side, BarContext ctx) {
        return side == PlanSide.BUY
                ? ctx.trend() == TrendDirection.LONG && ctx.delta().position() != DeltaPosition.SHORT
                : ctx.trend() == TrendDirection.SHORT && ctx.delta().position() != DeltaPosition.LONG;
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
