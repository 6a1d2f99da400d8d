package io.liquidityengine.ingest.sample;

import java.util.List;

/**
 * A generated synthetic session in memory.
 *
 * @param ticks     trades in time order (strictly increasing times)
 * @param deltaRows option-delta rows, one per minute of the session
 * @param summary   facts about the day
 */
public record SampleDay(List<SampleTick> ticks, List<SampleDeltaRow> deltaRows, SampleDaySummary summary) {

    public SampleDay {
        ticks = List.copyOf(ticks);
        deltaRows = List.copyOf(deltaRows);
    }
}
