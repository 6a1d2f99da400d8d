package io.liquidityengine.ingest.sierra.scid;

/**
 * How a {@link ScidReader} reads a file.
 *
 * @param startRecordIndex zero-based index of the first record to return (resume position)
 * @param tickSize         price grid for validation; 0 disables the grid check
 * @param fileComplete     true when the file is final: a partial trailing record is then a
 *                         {@code TRUNCATED_RECORD} problem; false (follow mode, the default) reports it as
 *                         {@link ScidReadStatus#INCOMPLETE_RECORD} so the caller retries later
 * @param chunkRecords     records per read from the file channel (buffer size = 40 x this)
 */
public record ScidReadOptions(long startRecordIndex, double tickSize, boolean fileComplete, int chunkRecords) {

    public static final int DEFAULT_CHUNK_RECORDS = 65_536;

    public ScidReadOptions {
        if (startRecordIndex < 0) {
            throw new IllegalArgumentException("startRecordIndex must be >= 0: " + startRecordIndex);
        }
        if (!(tickSize >= 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tickSize must be finite and >= 0: " + tickSize);
        }
        if (chunkRecords < 2) {
            throw new IllegalArgumentException("chunkRecords must be >= 2: " + chunkRecords);
        }
    }

    /** Start at record 0, no grid check, follow mode, 64 Ki records per read. */
    public static ScidReadOptions defaults() {
        return new ScidReadOptions(0, 0.0, false, DEFAULT_CHUNK_RECORDS);
    }

    public ScidReadOptions startingAt(long recordIndex) {
        return new ScidReadOptions(recordIndex, tickSize, fileComplete, chunkRecords);
    }

    public ScidReadOptions withTickSize(double size) {
        return new ScidReadOptions(startRecordIndex, size, fileComplete, chunkRecords);
    }

    public ScidReadOptions complete(boolean complete) {
        return new ScidReadOptions(startRecordIndex, tickSize, complete, chunkRecords);
    }

    public ScidReadOptions withChunkRecords(int records) {
        return new ScidReadOptions(startRecordIndex, tickSize, fileComplete, records);
    }
}
