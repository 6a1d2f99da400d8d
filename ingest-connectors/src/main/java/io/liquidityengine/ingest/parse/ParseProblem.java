package io.liquidityengine.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One rejected input unit: why, a human-readable detail, where (origin file and position), and the
 * raw bytes of the bad input so it can be dead-lettered as is.
 *
 * @param reason       why the unit was rejected
 * @param detail       human-readable explanation, naming the offending field and value
 * @param origin       the file (path as given to the parser) or other source name
 * @param position     byte offset or line number of the unit, see {@code positionKind}
 * @param positionKind what {@code position} counts
 * @param raw          the raw bytes of the unit (a copy is kept and handed out)
 */
public record ParseProblem(
        ProblemReason reason,
        String detail,
        String origin,
        long position,
        PositionKind positionKind,
        byte[] raw) {

    public ParseProblem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(positionKind, "positionKind");
        raw = raw == null ? new byte[0] : raw.clone();
    }

    /** A problem found at a byte offset of a binary file. */
    public static ParseProblem atOffset(ProblemReason reason, String detail, String origin, long offset, byte[] raw) {
        return new ParseProblem(reason, detail, origin, offset, PositionKind.BYTE_OFFSET, raw);
    }

    /** A problem found on a line of a text file; the raw bytes are the line in UTF-8. */
    public static ParseProblem atLine(ProblemReason reason, String detail, String origin, long lineNumber, String line) {
        return new ParseProblem(reason, detail, origin, lineNumber, PositionKind.LINE_NUMBER,
                line == null ? new byte[0] : line.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the raw bytes of the bad input. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw bytes decoded as UTF-8 (convenient for text sources). */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParseProblem p
                && reason == p.reason && position == p.position && positionKind == p.positionKind
                && detail.equals(p.detail) && origin.equals(p.origin) && Arrays.equals(raw, p.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, origin, position, positionKind, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "ParseProblem[" + reason + " at " + origin + " " + positionKind + " " + position + ": " + detail
                + " (" + raw.length + " raw bytes)]";
    }
}
