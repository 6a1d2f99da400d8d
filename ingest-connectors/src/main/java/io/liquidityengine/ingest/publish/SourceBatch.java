package io.liquidityengine.ingest.publish;

import io.liquidityengine.ingest.parse.ParseProblem;
import java.util.List;

/**
 * What one poll of a source produced: records to publish, problems to dead-letter, the position to
 * resume from once both are committed, and whether the source is exhausted.
 *
 * @param records      records in source (event-time) order
 * @param problems     rejected input units, in source order
 * @param nextPosition position of the next unit to read after this batch
 * @param lastEventMicros event time of the last record, or Long.MIN_VALUE when none
 * @param finished     true when the source will produce nothing more (backfill done, or a fatal problem such as a bad header)
 */
public record SourceBatch(List<OutRecord<?>> records, List<ParseProblem> problems, long nextPosition,
                          long lastEventMicros, boolean finished) {

    public boolean isEmpty() {
        return records.isEmpty() && problems.isEmpty();
    }
}
