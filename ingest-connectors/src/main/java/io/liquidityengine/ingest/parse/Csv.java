package io.liquidityengine.ingest.parse;

/** Minimal helpers for the simple comma-separated exports the ingest parsers read (no quoting). */
public final class Csv {

    private Csv() {
    }

    /** Splits on commas and trims each cell; keeps empty cells, including trailing ones. */
    public static String[] splitTrimmed(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    /** Removes a leading UTF-8 byte order mark, if any. */
    public static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
