package io.liquidityengine.topology.domain.engine;

import io.liquidityengine.topology.domain.bias.BiasSnapshot;
import io.liquidityengine.topology.domain.levels.LevelEvent;
import io.liquidityengine.topology.domain.strategy.BarContext;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.strategy.PlanEvent;

import java.util.List;
import java.util.Optional;

/**
 * What one base bar produced.
 *
 * @param levelEvents FILLED events of this bar, then CREATED events of the levels it drew
 * @param bias        the bias snapshot (published on every base bar)
 * @param plans       plan lifecycle events
 * @param longSetup   whether the long setup held on this bar
 * @param shortSetup  whether the short setup held on this bar
 * @param flatten     flatten signal for the engine's current position, if any
 * @param period      chop period at this bar
 * @param context     what the strategies saw on this bar (for further strategies run beside the reference one)
 */
public record SignalOutput(List<LevelEvent> levelEvents, BiasSnapshot bias, List<PlanEvent> plans,
                           boolean longSetup, boolean shortSetup, Optional<FlattenSignal> flatten, int period,
                           BarContext context) {

    public SignalOutput {
        levelEvents = List.copyOf(levelEvents);
        plans = List.copyOf(plans);
    }
}
