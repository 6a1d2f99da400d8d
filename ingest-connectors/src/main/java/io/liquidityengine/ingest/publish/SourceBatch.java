package io.liquidityengine.ingest.publish;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.schemas.control.StreamPosition;
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
 * @param streams      per-stream positions after this batch, for sources one position cannot describe (DTC symbols,
 *                     S3 objects); null when unchanged or not used
 */
public record SourceBatch(List<OutRecord<?>> records, List<ParseProblem> problems, long nextPosition,
                          long lastEventMicros, boolean finished, List<StreamPosition> streams) {

    /** A batch of a source whose one position says where it stands (files). */
    public SourceBatch(List<OutRecord<?>> records, List<ParseProblem> problems, long nextPosition,
                       long lastEventMicros, boolean finished) {
        this(records, problems, nextPosition, lastEventMicros, finished, null);
    }

    public boolean isEmpty() {
        return records.isEmpty() && problems.isEmpty();
    }
}
