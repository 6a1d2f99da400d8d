package io.liquidityengine.ingest.sierra.zones;

import io.liquidityengine.ingest.parse.Csv;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses a Sierra Chart zone export: header "LineID, Open_time, Value, Close_time" (matched by
 * trimmed name, any order), then one {@link ParseResult} per non-blank line. Times are
 * "yyyy-MM-dd HH:mm:ss" with any run of spaces between date and time, in the configured zone
 * (default UTC). Close_time "Not Filled" gives an open level; a fill before creation is INVALID_VALUE.
 */
public final class ZoneExportParser {

    public static final String NOT_FILLED = "Not Filled";

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-M-d H:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final ZoneId zone;

    /** @param zone time zone of the export's times */
    public ZoneExportParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Times in UTC. */
    public ZoneExportParser() {
        this(ZoneOffset.UTC);
    }

    public List<ParseResult<ExportedLevel>> parse(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    public List<ParseResult<ExportedLevel>> parse(Reader reader, String origin) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<ParseResult<ExportedLevel>> out = new ArrayList<>();
        String header = in.readLine();
        int[] col = header == null ? null : columns(Csv.splitTrimmed(Csv.stripBom(header)));
        if (col == null) {
            out.add(ParseResult.problem(ParseProblem.atLine(ProblemReason.BAD_HEADER,
                    "line 1: expected header LineID, Open_time, Value, Close_time", origin, 1, header)));
            return out;
        }
        long lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                out.add(parseRow(line, lineNumber, origin, col));
            }
        }
        return out;
    }

    private ParseResult<ExportedLevel> parseRow(String line, long lineNumber, String origin, int[] col) {
        String[] cells = Csv.splitTrimmed(line);
        if (cells.length < col[4]) {
            return problem(ProblemReason.UNPARSABLE_ROW, cells.length + " cells, expected " + col[4], origin, lineNumber, line);
        }
        long lineId;
        long created;
        BigDecimal price;
        Long filled;
        String field = "LineID";
        try {
            lineId = Long.parseLong(cells[col[0]]);
            field = "Open_time";
            created = epochMicros(cells[col[1]]);
            field = "Value";
            price = new BigDecimal(cells[col[2]]);
            field = "Close_time";
            String close = cells[col[3]];
            filled = close.equalsIgnoreCase(NOT_FILLED) ? null : epochMicros(close);
        } catch (DateTimeParseException | NumberFormatException e) {
            return problem(ProblemReason.UNPARSABLE_ROW, "cannot parse " + field + ": " + e.getMessage(), origin, lineNumber, line);
        }
        if (filled != null && filled < created) {
            return problem(ProblemReason.INVALID_VALUE, "Close_time is before Open_time", origin, lineNumber, line);
        }
        String levelId = lineId + "@" + instant(created) + "@" + price.stripTrailingZeros().toPlainString();
        return ParseResult.parsed(new ExportedLevel(levelId, lineId, created, price.doubleValue(), filled), lineNumber);
    }

    private long epochMicros(String cell) {
        String normalized = cell.strip().replaceAll("\\s+", " ");
        ZonedDateTime z = ZonedDateTime.ofLocal(LocalDateTime.parse(normalized, DATE_TIME), zone, null);
        return z.toEpochSecond() * 1_000_000L + z.getNano() / 1_000L;
    }

    private static String instant(long micros) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L).toString();
    }

    /** Indexes of LineID, Open_time, Value, Close_time and the minimum cell count, or null. */
    private static int[] columns(String[] header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.putIfAbsent(header[i].toLowerCase(java.util.Locale.ROOT), i);
        }
        int[] col = new int[5];
        String[] names = {"lineid", "open_time", "value", "close_time"};
        for (int i = 0; i < names.length; i++) {
            Integer at = index.get(names[i]);
            if (at == null) {
                return null;
            }
            col[i] = at;
            col[4] = Math.max(col[4], at + 1);
        }
        return col;
    }

    private static ParseResult<ExportedLevel> problem(ProblemReason reason, String detail, String origin, long line, String raw) {
        return ParseResult.problem(ParseProblem.atLine(reason, "line " + line + ": " + detail, origin, line, raw));
    }
}
