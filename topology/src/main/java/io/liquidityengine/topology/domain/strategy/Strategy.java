package io.liquidityengine.topology.domain.strategy;

import java.util.List;

/** A trading strategy fed bar by bar: each bar's context in, zero or more plan events out. */
public interface Strategy {

    /** Stable id, part of every plan id. */
    String id();

    /** Evaluates one bar; returns the plan events it causes, in order (possibly none). */
    List<PlanEvent> onBar(BarContext context);

    /** Forgets all state. */
    void reset();
}
