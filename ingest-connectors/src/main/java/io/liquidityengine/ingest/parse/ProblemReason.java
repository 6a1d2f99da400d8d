package io.liquidityengine.ingest.parse;

/** Why an input unit was rejected. */
public enum ProblemReason {
    /** A record is cut short and the file is known to be complete (not merely still being appended). */
    TRUNCATED_RECORD,
    /** The file header is missing, malformed or of an unsupported version: the rest of the file is skipped. */
    BAD_HEADER,
    /** A text row cannot be split or its required fields cannot be parsed. */
    UNPARSABLE_ROW,
    /** The unit's event time is earlier than the previous accepted unit's. */
    TIMESTAMP_BACKWARDS,
    /** A price is not a multiple of the instrument's tick size (beyond float rounding). */
    OFF_TICK_GRID,
    /** A field parses but holds an impossible value (NaN, infinite, negative or garbage size, high &lt; low, ...). */
    INVALID_VALUE,
    /** A network source's peer sent bytes that break its protocol (a frame too short, too long or cut off). */
    PROTOCOL_ERROR,
    /** The source refused access (an S3 403): nothing could be read this time. */
    ACCESS_DENIED,
    /** Anything else, said in the detail (an S3 object whose already published lines changed). */
    OTHER
}
