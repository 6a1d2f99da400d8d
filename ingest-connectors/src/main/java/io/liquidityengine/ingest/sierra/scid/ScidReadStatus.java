package io.liquidityengine.ingest.sierra.scid;

/** Where a {@link ScidReader} stands; meaningful once {@link ScidReader#next()} has returned null. */
public enum ScidReadStatus {
    /** Not at the end yet: call {@link ScidReader#next()}. */
    READING,
    /** The file is shorter than its 56-byte header and may still be being written: retry later. */
    INCOMPLETE_HEADER,
    /** All full records have been read and no partial record follows; in follow mode, call next() again later. */
    END_OF_FILE,
    /**
     * A partial record follows the last full one (the file is still being appended): retry later; the
     * reader stays at the last full record boundary, {@link ScidReader#nextRecordIndex()}.
     */
    INCOMPLETE_RECORD,
    /** The file was declared complete and ended in a partial record, reported as TRUNCATED_RECORD: done. */
    TRUNCATED,
    /** The header was rejected (reported as BAD_HEADER): nothing more is read from this file. */
    HEADER_REJECTED;

    /** True when calling next() again can never yield more. */
    public boolean isFinal() {
        return this == TRUNCATED || this == HEADER_REJECTED;
    }
}
