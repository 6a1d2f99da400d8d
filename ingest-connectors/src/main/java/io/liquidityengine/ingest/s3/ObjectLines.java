package io.liquidityengine.ingest.s3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The complete lines of one version of a text object: everything up to and including its last
 * {@code \n}. A last line without its line break may still be being written and is left for a later
 * version. Lines are numbered from 1 and end at {@code \n}, {@code \r\n} or {@code \r}, as
 * {@link java.io.BufferedReader#readLine()} (and so the parsers) count them.
 */
public final class ObjectLines {

    private final String text;
    /** Start offset of line i+1 at index i, and text.length() at index lineCount. */
    private final int[] starts;

    private ObjectLines(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    /** The complete lines of {@code content} (UTF-8). */
    public static ObjectLines of(byte[] content) {
        return of(new String(content, StandardCharsets.UTF_8));
    }

    /** The complete lines of {@code content}. */
    public static ObjectLines of(String content) {
        String text = content.substring(0, content.lastIndexOf('\n') + 1);
        int[] starts = new int[16];
        int count = 0;
        starts[0] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (++count + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count] = i + 1;
            }
        }
        return new ObjectLines(text, Arrays.copyOf(starts, count + 1));
    }

    /** The complete text (the lines with their line breaks). */
    public String text() {
        return text;
    }

    public int lineCount() {
        return starts.length - 1;
    }

    /** Line {@code n} (1-based) without its line break. */
    public String line(int n) {
        if (n < 1 || n > lineCount()) {
            throw new IndexOutOfBoundsException("line " + n + " of " + lineCount());
        }
        int end = starts[n];
        if (end > starts[n - 1] && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > starts[n - 1] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(starts[n - 1], end);
    }

    /**
     * The first of lines {@code 1..lines} of {@code published} that {@code now} does not have as it
     * was (changed, or missing because {@code now} is shorter), or 0 when {@code now} starts with
     * those lines. Line breaks are not compared: {@code \r\n} for {@code \n} reads the same.
     */
    public static int firstChangedLine(ObjectLines published, int lines, ObjectLines now) {
        if (lines > published.lineCount()) {
            throw new IllegalArgumentException(lines + " published lines of a version with " + published.lineCount());
        }
        for (int n = 1; n <= lines; n++) {
            if (n > now.lineCount() || !published.line(n).equals(now.line(n))) {
                return n;
            }
        }
        return 0;
    }
}
