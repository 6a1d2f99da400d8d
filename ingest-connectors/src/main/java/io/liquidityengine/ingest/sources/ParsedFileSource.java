package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A finished text export as a source: the file is parsed whole on open (exports are small), turned
 * into units (the records of one input unit, or its problem) in publishing order, and handed out
 * unit by unit. A unit's position is its resume point: units below the checkpointed position were
 * published already and are skipped. The source finishes at the end of the file, also when the
 * runner is in follow mode (text exports are written once, not appended to).
 */
abstract class ParsedFileSource implements RecordSource {

    /**
     * One input unit in publishing order.
     *
     * @param position    resume position of the unit (line number, or ordinal for reordered files)
     * @param records     what it publishes, in event-time order
     * @param problem     why it is rejected, or null
     */
    record Unit(long position, List<OutRecord<?>> records, ParseProblem problem) {
        static Unit of(long position, OutRecord<?> record) {
            return new Unit(position, List.of(record), null);
        }

        static Unit rejected(long position, ParseProblem problem) {
            return new Unit(position, List.of(), problem);
        }

        /** One unit per parser result, at its line: a record for a parsed row, a rejection for a problem. */
        static <T> List<Unit> ofResults(List<ParseResult<T>> results, Function<T, OutRecord<?>> toRecord) {
            List<Unit> units = new ArrayList<>(results.size());
            for (ParseResult<T> r : results) {
                units.add(r instanceof ParseResult.Parsed<T> p ? of(r.position(), toRecord.apply(p.parsedValue()))
                        : rejected(r.position(), r.problem()));
            }
            return units;
        }
    }

    private final String id;
    protected final Path file;
    private List<Unit> units = List.of();
    private int next;
    private long openedAt;

    ParsedFileSource(String id, Path file) {
        this.id = id;
        this.file = file;
    }

    /** The file's units in publishing order, positions strictly increasing. */
    protected abstract List<Unit> readUnits() throws IOException;

    @Override
    public String id() {
        return id;
    }

    @Override
    public String origin() {
        return file.toString();
    }

    @Override
    public void open(long position) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        units = readUnits();
        openedAt = position;
        next = 0;
        while (next < units.size() && units.get(next).position() < position) {
            next++;
        }
    }

    @Override
    public SourceBatch poll(int maxUnits) {
        List<OutRecord<?>> records = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        long lastEvent = Long.MIN_VALUE;
        for (int n = 0; n < maxUnits && next < units.size(); n++) {
            Unit unit = units.get(next++);
            for (OutRecord<?> r : unit.records()) {
                records.add(r);
                lastEvent = r.timestampMillis() * 1000;
            }
            if (unit.problem() != null) {
                problems.add(unit.problem());
            }
        }
        boolean finished = next >= units.size();
        long nextPosition = finished
                ? Math.max(openedAt, units.isEmpty() ? 0 : units.get(units.size() - 1).position() + 1)
                : units.get(next).position();
        return new SourceBatch(records, problems, nextPosition, lastEvent, finished);
    }

    @Override
    public void close() {
        units = List.of();
    }

    static boolean onGrid(double price, double tickSize) {
        return Math.abs(price - Math.rint(price / tickSize) * tickSize) <= 1e-6;
    }
}
