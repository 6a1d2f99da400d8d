package io.liquidityengine.ingest.optiondelta;

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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an option-delta file: line 1 is a header (any text that is not itself a data row, else
 * BAD_HEADER and the file ends), then rows {@code H:MM:SS,value}. Per minute only the first row is
 * kept, as an {@link OptionDeltaPoint} stamped with the minute start; later rows of the same minute
 * are dropped silently. Unparsable rows are UNPARSABLE_ROW, non-finite values INVALID_VALUE, a row
 * earlier than the row before it TIMESTAMP_BACKWARDS; all carry their line numbers.
 */
public final class OptionDeltaParser {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm:ss");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern BASIC_DATE = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");

    private final OptionDeltaConfig config;

    public OptionDeltaParser(OptionDeltaConfig config) {
        this.config = config;
    }

    public OptionDeltaParser() {
        this(OptionDeltaConfig.defaults());
    }

    /** A yyyy-MM-dd or yyyyMMdd date in the file name (the first valid one), if any. */
    public static Optional<LocalDate> dateFromFileName(String fileName) {
        for (Pattern p : List.of(ISO_DATE, BASIC_DATE)) {
            Matcher m = p.matcher(fileName);
            while (m.find()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
                } catch (DateTimeException e) {
                    // not a date: keep looking
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a file; the trading date is the configured one or else the one in the file name.
     *
     * @throws IllegalArgumentException when neither gives a date (a configuration error, not bad data)
     */
    public List<ParseResult<OptionDeltaPoint>> parse(Path file) throws IOException {
        LocalDate date = config.tradingDate() != null ? config.tradingDate()
                : dateFromFileName(file.getFileName().toString()).orElseThrow(() -> new IllegalArgumentException(
                "no trading date configured and none (yyyy-MM-dd or yyyyMMdd) in the file name " + file.getFileName()));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString(), date);
        }
    }

    /** Parses text from a reader for the given trading date; {@code origin} names the source in problems. */
    public List<ParseResult<OptionDeltaPoint>> parse(Reader reader, String origin, LocalDate tradingDate) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<ParseResult<OptionDeltaPoint>> out = new ArrayList<>();
        String header = in.readLine();
        if (header == null || header.isBlank() || looksLikeDataRow(Csv.stripBom(header))) {
            out.add(ParseResult.problem(ParseProblem.atLine(ProblemReason.BAD_HEADER,
                    "line 1: expected a header row before the HH:MM:SS,value rows", origin, 1, header)));
            return out;
        }
        long lastRowMicros = Long.MIN_VALUE;
        long lastKeptMinute = Long.MIN_VALUE;
        long lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = Csv.splitTrimmed(line);
            if (cells.length != 2) {
                out.add(problem(ProblemReason.UNPARSABLE_ROW, cells.length + " cells, expected 2", origin, lineNumber, line));
                continue;
            }
            long micros;
            double value;
            try {
                ZonedDateTime t = ZonedDateTime.of(tradingDate, LocalTime.parse(cells[0], TIME), config.zone());
                micros = t.toEpochSecond() * 1_000_000L;
                value = Double.parseDouble(cells[1]);
            } catch (DateTimeParseException | NumberFormatException e) {
                out.add(problem(ProblemReason.UNPARSABLE_ROW, e.getMessage(), origin, lineNumber, line));
                continue;
            }
            if (!Double.isFinite(value)) {
                out.add(problem(ProblemReason.INVALID_VALUE, "value " + value + " is not finite", origin, lineNumber, line));
                continue;
            }
            if (micros < lastRowMicros) {
                out.add(problem(ProblemReason.TIMESTAMP_BACKWARDS, cells[0] + " is before the previous row", origin, lineNumber, line));
                continue;
            }
            lastRowMicros = micros;
            long minute = Math.floorDiv(micros, 60_000_000L) * 60_000_000L;
            if (minute != lastKeptMinute) {
                lastKeptMinute = minute;
                out.add(ParseResult.parsed(new OptionDeltaPoint(minute, value, micros), lineNumber));
            }
        }
        return out;
    }

    private static boolean looksLikeDataRow(String line) {
        String[] cells = Csv.splitTrimmed(line);
        if (cells.length != 2) {
            return false;
        }
        try {
            LocalTime.parse(cells[0], TIME);
            Double.parseDouble(cells[1]);
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    private static ParseResult<OptionDeltaPoint> problem(ProblemReason reason, String detail, String origin, long line, String raw) {
        return ParseResult.problem(ParseProblem.atLine(reason, "line " + line + ": " + detail, origin, line, raw));
    }
}
