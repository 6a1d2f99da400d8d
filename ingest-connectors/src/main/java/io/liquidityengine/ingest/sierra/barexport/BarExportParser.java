package io.liquidityengine.ingest.sierra.barexport;

import io.liquidityengine.ingest.parse.Csv;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Sierra Chart bar/study export: one {@link ParseResult} per non-blank data line (line
 * numbers count the header as line 1). Required columns, found by trimmed header name: Date, Time,
 * Open, High, Low, Last (or Close), Volume, # of Trades, Bid Volume, Ask Volume; a header missing
 * one is a {@code BAD_HEADER} problem that ends the file. Every other column except the derived
 * price averages is a study column: kept per row when its cell is numeric.
 *
 * <p>Plain OHLCV files, as data vendors sell them, are read too: a header of {@code timestamp}
 * (date and time in one cell, {@code 2023-09-24 18:00:00}), open, high, low, close, volume in any
 * letter case. Without # of Trades, Bid Volume and Ask Volume those are 0 on every bar.
 */
public final class BarExportParser {

    /** Standard Sierra Chart columns that are not studies. */
    static final Set<String> BASE_COLUMNS = Set.of("Date", "Time", "Open", "High", "Low", "Last", "Close", "Volume",
            "# of Trades", "OHLC Avg", "HLC Avg", "HL Avg", "Bid Volume", "Ask Volume");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("H:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final BarExportConfig config;

    public BarExportParser(BarExportConfig config) {
        this.config = config;
    }

    public BarExportParser() {
        this(BarExportConfig.defaults());
    }

    public List<ParseResult<ExportedBar>> parse(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    /** Parses text from a reader; {@code origin} names the source in problems. I/O errors are thrown. */
    public List<ParseResult<ExportedBar>> parse(Reader reader, String origin) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<ParseResult<ExportedBar>> out = new ArrayList<>();
        String headerLine = in.readLine();
        if (headerLine == null) {
            out.add(ParseResult.problem(ParseProblem.atLine(ProblemReason.BAD_HEADER, "empty file", origin, 1, "")));
            return out;
        }
        Columns columns;
        try {
            columns = Columns.of(Csv.splitTrimmed(Csv.stripBom(headerLine)));
        } catch (IllegalArgumentException e) {
            out.add(ParseResult.problem(ParseProblem.atLine(ProblemReason.BAD_HEADER, e.getMessage(), origin, 1, headerLine)));
            return out;
        }
        long previousStart = Long.MIN_VALUE;
        long lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ParseResult<ExportedBar> r = parseRow(line, lineNumber, origin, columns, previousStart);
            if (r.isParsed()) {
                previousStart = r.value().startEpochMicros();
            }
            out.add(r);
        }
        return out;
    }

    private ParseResult<ExportedBar> parseRow(String line, long lineNumber, String origin, Columns c, long previousStart) {
        String[] cells = Csv.splitTrimmed(line);
        if (cells.length != c.count && !(cells.length == c.count + 1 && cells[c.count].isEmpty())) {
            return problem(ProblemReason.UNPARSABLE_ROW, cells.length + " cells, header has " + c.count, origin, lineNumber, line);
        }
        long start;
        double open;
        double high;
        double low;
        double close;
        long volume;
        long trades;
        long bidVolume;
        long askVolume;
        String field = "Date/Time";
        try {
            String dateCell = cells[c.date];
            String timeCell = c.time >= 0 ? cells[c.time] : "";
            if (c.time < 0) {
                int space = dateCell.indexOf(' ');
                timeCell = space < 0 ? "" : dateCell.substring(space + 1).trim();
                dateCell = space < 0 ? dateCell : dateCell.substring(0, space);
            }
            LocalDate date = LocalDate.parse(dateCell, DATE);
            LocalTime time = LocalTime.parse(timeCell, TIME);
            ZonedDateTime zoned = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), config.zone(), null);
            start = zoned.toEpochSecond() * 1_000_000L + zoned.getNano() / 1_000L;
            field = "Open";
            open = Double.parseDouble(cells[c.open]);
            field = "High";
            high = Double.parseDouble(cells[c.high]);
            field = "Low";
            low = Double.parseDouble(cells[c.low]);
            field = "Last";
            close = Double.parseDouble(cells[c.close]);
            field = "Volume";
            volume = parseCount(cells[c.volume]);
            field = "# of Trades";
            trades = c.trades < 0 ? 0 : parseCount(cells[c.trades]);
            field = "Bid Volume";
            bidVolume = c.bidVolume < 0 ? 0 : parseCount(cells[c.bidVolume]);
            field = "Ask Volume";
            askVolume = c.askVolume < 0 ? 0 : parseCount(cells[c.askVolume]);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return problem(ProblemReason.UNPARSABLE_ROW, "cannot parse " + field + ": " + e.getMessage(), origin, lineNumber, line);
        }
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return problem(ProblemReason.INVALID_VALUE, "non-finite price", origin, lineNumber, line);
        }
        if (high < low || open > high || open < low || close > high || close < low) {
            return problem(ProblemReason.INVALID_VALUE, "inconsistent OHLC " + open + "/" + high + "/" + low + "/" + close,
                    origin, lineNumber, line);
        }
        if (volume < 0 || trades < 0 || bidVolume < 0 || askVolume < 0) {
            return problem(ProblemReason.INVALID_VALUE, "negative volume or trade count", origin, lineNumber, line);
        }
        double tick = config.tickSize();
        if (tick > 0) {
            for (double p : new double[] {open, high, low, close}) {
                if (Math.abs(p - Math.rint(p / tick) * tick) > 1e-6) {
                    return problem(ProblemReason.OFF_TICK_GRID, "price " + p + " is off the " + tick + " tick grid",
                            origin, lineNumber, line);
                }
            }
        }
        if (start < previousStart) {
            return problem(ProblemReason.TIMESTAMP_BACKWARDS, "bar start is before the previous bar's", origin, lineNumber, line);
        }
        Map<String, Double> studies = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> s : c.studies.entrySet()) {
            String cell = cells[s.getValue()];
            if (cell.isEmpty()) {
                continue;
            }
            try {
                double v = Double.parseDouble(cell);
                if (Double.isFinite(v)) {
                    studies.put(s.getKey(), v);
                }
            } catch (NumberFormatException e) {
                // not a numeric study cell: skipped
            }
        }
        return ParseResult.parsed(new ExportedBar(start, config.intervalSeconds(), open, high, low, close,
                volume, trades, bidVolume, askVolume, studies), lineNumber);
    }

    /** Integral count; accepts "126" and "126.0", rejects fractions. */
    private static long parseCount(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            return new java.math.BigDecimal(cell).longValueExact();
        }
    }

    private static ParseResult<ExportedBar> problem(ProblemReason reason, String detail, String origin, long line, String raw) {
        return ParseResult.problem(ParseProblem.atLine(reason, "line " + line + ": " + detail, origin, line, raw));
    }

    /**
     * Column indexes resolved from the header; {@code time} is -1 when {@code date} holds date and time
     * (a plain OHLCV file's timestamp), and trades, bid and ask volume are -1 when such a file lacks them.
     */
    private record Columns(int count, int date, int time, int open, int high, int low, int close, int volume,
                           int trades, int bidVolume, int askVolume, Map<String, Integer> studies) {

        /** The columns of a plain OHLCV file: timestamp, open, high, low, close, volume (any case), or null. */
        static Columns ohlcv(String[] header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                index.putIfAbsent(header[i].toLowerCase(java.util.Locale.ROOT), i);
            }
            List<String> names = List.of("timestamp", "open", "high", "low", "close", "volume");
            if (!index.keySet().containsAll(names)) {
                return null;
            }
            return new Columns(header.length, index.get("timestamp"), -1, index.get("open"), index.get("high"), index.get("low"),
                    index.get("close"), index.get("volume"), -1, -1, -1, Map.of());
        }

        static Columns of(String[] header) {
            Columns plain = ohlcv(header);
            if (plain != null) {
                return plain;
            }
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> studies = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i];
                if (name.isEmpty()) {
                    continue;
                }
                String unique = name;
                for (int n = 2; index.containsKey(unique); n++) {
                    unique = name + " (" + n + ")";
                }
                index.put(unique, i);
                if (!BASE_COLUMNS.contains(name)) {
                    studies.put(unique, i);
                }
            }
            Integer close = index.containsKey("Last") ? index.get("Last") : index.get("Close");
            List<String> missing = new ArrayList<>();
            for (String required : List.of("Date", "Time", "Open", "High", "Low", "Volume", "# of Trades", "Bid Volume", "Ask Volume")) {
                if (!index.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (close == null) {
                missing.add("Last");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("header lacks required columns " + missing);
            }
            return new Columns(header.length, index.get("Date"), index.get("Time"), index.get("Open"), index.get("High"),
                    index.get("Low"), close, index.get("Volume"), index.get("# of Trades"), index.get("Bid Volume"),
                    index.get("Ask Volume"), studies);
        }
    }
}
