package io.liquidityengine.schemas.lockstep;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;

/**
 * The backtest lockstep between the risk stage and the execution sink, its rules written once. Three
 * places follow them: the topology's risk stage ({@code RiskLockstep}: when a signal may be decided),
 * the execution sink's runner ({@code Lockstep} and its input merge: when a trade may run, in which
 * order trades and orders are taken) and the one-process backtest ({@code ClosedLoop}), which applies
 * them directly, with no clocks in between, and so produces the services' records byte for byte.
 *
 * <p>The protocol's only race is between a signal (a plan or bar clock) at event time S and the fills
 * the sink makes on trades before S: the risk stage must see those fills first. Hence:
 * <ol>
 *   <li>a trade at t runs only once the risk stage has decided every signal up to a time after t
 *       ({@link #tradeMayRun});</li>
 *   <li>a signal at S is decided at once when the account has nothing working that could fill; otherwise
 *       only once the sink has run every trade before S and the risk stage has taken in every report and
 *       position the sink published up to then ({@link #signalMayBeDecided});</li>
 *   <li>the sink takes trades and orders in event-time order, a trade before an order of the same time,
 *       so an order decided at S works from the trades after S ({@link #compareSinkInputs});</li>
 *   <li>after a fill the sink runs no further trade until the risk stage has answered it (its reports
 *       and positions processed), so a break-even stop works from the next trade.</li>
 * </ol>
 * Between the services the times travel on {@code risk.clock} (how far the risk stage has decided, with
 * its counts of orders emitted and reports and positions processed) and {@code exec.market-clock} (how
 * far the sink has run the market, with its counts of reports and positions published).
 */
public final class LockstepRules {

    private LockstepRules() {
    }

    /** A signal's event time: its plan's or its bias record's. */
    public static long signalMicros(AccountSignal signal) {
        Object event = signal.getEvent();
        if (event instanceof TradePlan plan) {
            return Micros.of(plan.getEventTime());
        }
        if (event instanceof Bias bias) {
            return Micros.of(bias.getEventTime());
        }
        throw new IllegalArgumentException("account signal without a plan or bias: " + event);
    }

    /** Rule 1: a trade at {@code tradeMicros} may run when the risk stage has decided through a later time. */
    public static boolean tradeMayRun(long tradeMicros, long decidedThroughMicros) {
        return tradeMicros < decidedThroughMicros;
    }

    /**
     * Rule 2: a signal at {@code signalMicros} may be decided when the account has nothing working, or when
     * the market has been run through it and every report and position published so far has been answered.
     */
    public static boolean signalMayBeDecided(long signalMicros, boolean hasWorkingBrackets, long marketThroughMicros,
                                             boolean answeredEverything) {
        return !hasWorkingBrackets || (marketThroughMicros >= signalMicros && answeredEverything);
    }

    /** Rule 3: the sink's order of inputs: event time, then a trade before an order. Negative when a goes first. */
    public static int compareSinkInputs(long aMicros, boolean aIsTrade, long bMicros, boolean bIsTrade) {
        int c = Long.compare(aMicros, bMicros);
        return c != 0 ? c : Boolean.compare(!aIsTrade, !bIsTrade);
    }
}
