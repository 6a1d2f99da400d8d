package io.liquidityengine.ingest.publish;

import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.control.StreamPosition;
import java.io.IOException;
import java.util.List;

/**
 * A source of records for the {@link SourceRunner}: a file parser adapted to catalog topics. The
 * runner owns transactions, checkpoints, dead letters, pacing and metrics; a source only reads.
 */
public interface RecordSource extends AutoCloseable {

    /** Stable id: the checkpoint key and part of the transactional id. */
    String id();

    /** File path or URL, for dead letters and logs. */
    String origin();

    /** What positions count. */
    PositionKind positionKind();

    /** Opens the source at a position previously returned in a batch (0 = from the start). */
    void open(long position) throws IOException;

    /**
     * Opens the source at a committed checkpoint: its position and the per-stream positions it
     * returned in {@link SourceBatch#streams()} (empty for a new source). File sources need only the position.
     */
    default void open(long position, List<StreamPosition> streams) throws IOException {
        open(position);
    }

    /** Reads up to {@code maxUnits} units available now. An empty, unfinished batch means "nothing yet". */
    SourceBatch poll(int maxUnits) throws IOException;

    @Override
    void close() throws IOException;
}
