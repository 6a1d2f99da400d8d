package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sierra.zones.ExportedLevel;
import io.liquidityengine.ingest.sierra.zones.ZoneExportParser;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Sierra Chart zone export as a source: every row is a CREATED event at its Open_time, plus a
 * FILLED event at its Close_time when filled -> {@code md.levels.imported}, key = instrument,
 * direction UNKNOWN (exports do not say), origin IMPORTED, sourceId = LineID.
 *
 * <p>Rows are not in time order and fills come long after creation, so the events of the file are
 * sorted by event time (then CREATED before FILLED, then line) before publishing. Because of that the
 * resume position is the ordinal of the next event in this sorted sequence (RECORD_INDEX), not a line
 * number: the ordering is deterministic for a given file. Rejected rows (unparsable, fill before
 * creation, price off the tick grid) come first, with their line numbers in the dead letters.
 */
public final class ZoneExportSource extends ParsedFileSource {

    private final InstrumentSpec instrument;
    private final ZoneId zone;

    public ZoneExportSource(String id, Path file, InstrumentSpec instrument, ZoneId zone) {
        super(id, file);
        this.instrument = instrument;
        this.zone = zone;
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.RECORD_INDEX;
    }

    private record Event(long micros, LevelEvent kind, long line, OutRecord<LiquidityLevel> record) {
    }

    @Override
    protected List<Unit> readUnits() throws IOException {
        List<ParseProblem> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<String> lines = null;
        for (ParseResult<ExportedLevel> r : new ZoneExportParser(zone).parse(file)) {
            if (!(r instanceof ParseResult.Parsed<ExportedLevel> p)) {
                problems.add(r.problem());
                continue;
            }
            ExportedLevel level = p.parsedValue();
            if (!onGrid(level.price(), instrument.tickSize())) {
                if (lines == null) {
                    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                }
                problems.add(ParseProblem.atLine(ProblemReason.OFF_TICK_GRID, "line " + r.position() + ": price " + level.price()
                        + " is off the " + instrument.tickSize() + " tick grid", origin(), r.position(), lines.get((int) r.position() - 1)));
                continue;
            }
            events.add(new Event(level.createdEpochMicros(), LevelEvent.CREATED, r.position(), record(level, LevelEvent.CREATED)));
            if (level.isFilled()) {
                events.add(new Event(level.filledEpochMicros(), LevelEvent.FILLED, r.position(), record(level, LevelEvent.FILLED)));
            }
        }
        events.sort(Comparator.comparingLong(Event::micros).thenComparing(Event::kind).thenComparingLong(Event::line));
        List<Unit> units = new ArrayList<>(problems.size() + events.size());
        for (ParseProblem problem : problems) {
            units.add(Unit.rejected(units.size(), problem));
        }
        for (Event e : events) {
            units.add(Unit.of(units.size(), e.record()));
        }
        return units;
    }

    private OutRecord<LiquidityLevel> record(ExportedLevel level, LevelEvent event) {
        boolean filled = event == LevelEvent.FILLED;
        Instant time = filled ? level.filled() : level.created();
        LiquidityLevel value = LiquidityLevel.newBuilder()
                .setInstrument(instrument.symbol())
                .setLevelId(level.levelId())
                .setPrice(level.price())
                .setEvent(event)
                .setDirection(LevelDirection.UNKNOWN)
                .setOrigin(LevelOrigin.IMPORTED)
                .setCreatedTime(level.created())
                .setFilledTime(filled ? level.filled() : null)
                .setSourceId(Long.toString(level.lineId()))
                .build();
        return new OutRecord<>(Topics.MD_LEVELS_IMPORTED, instrument.symbol(), value, Math.floorDiv(
                time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000, 1_000L));
    }
}
