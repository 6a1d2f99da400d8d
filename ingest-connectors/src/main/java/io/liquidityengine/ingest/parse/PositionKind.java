package io.liquidityengine.ingest.parse;

/** What a {@link ParseProblem#position()} counts. */
public enum PositionKind {
    /** Zero-based byte offset from the start of the file (binary sources). */
    BYTE_OFFSET,
    /** One-based line number (text sources; the header is line 1). */
    LINE_NUMBER,
    /** Zero-based index of a unit in its stream (a websocket frame on its connection, a trade id of a venue). */
    RECORD_INDEX
}
