package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sierra.scid.ScidReadOptions;
import io.liquidityengine.ingest.sierra.scid.ScidReader;
import io.liquidityengine.ingest.sierra.scid.ScidRecord;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sierra Chart {@code .scid} file as a source: tick records to {@code md.ticks}, bar records to
 * {@code md.bars.imported} stamped with the bar end. Positions are record indexes. In follow mode the file may still be
 * growing: a partial record at the end is left for the next poll.
 */
public final class ScidTickSource implements RecordSource {

    private final String id;
    private final Path file;
    private final InstrumentSpec instrument;
    private final boolean fileComplete;
    private final int barIntervalSeconds;
    private final String sourceName;
    private ScidReader reader;

    /**
     * @param fileComplete true for backfill of a finished file (a partial tail record is then a truncation),
     *                     false when following a file that Sierra Chart is still appending to
     * @param barIntervalSeconds length of bar records, for files that hold bars rather than ticks
     */
    public ScidTickSource(String id, Path file, InstrumentSpec instrument, boolean fileComplete, int barIntervalSeconds) {
        this.id = id;
        this.file = file;
        this.instrument = instrument;
        this.fileComplete = fileComplete;
        this.barIntervalSeconds = barIntervalSeconds;
        this.sourceName = "scid:" + file;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String origin() {
        return file.toString();
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.RECORD_INDEX;
    }

    @Override
    public void open(long position) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such .scid file: " + file);
        }
        reader = ScidReader.open(file, ScidReadOptions.defaults().startingAt(position)
                .withTickSize(instrument.tickSize()).complete(fileComplete));
    }

    @Override
    public SourceBatch poll(int maxUnits) throws IOException {
        List<OutRecord<?>> records = new ArrayList<>(Math.min(maxUnits, 4096));
        List<ParseProblem> problems = new ArrayList<>();
        long lastEvent = Long.MIN_VALUE;
        for (int n = 0; n < maxUnits; n++) {
            ParseResult<ScidRecord> result = reader.next();
            if (result == null) {
                break;
            }
            if (result instanceof ParseResult.Parsed<ScidRecord> parsed) {
                ScidRecord r = parsed.parsedValue();
                lastEvent = r.isTick() ? r.epochMicros() : r.epochMicros() + barIntervalSeconds * 1_000_000L;
                records.add(toRecord(r));
            } else {
                problems.add(result.problem());
            }
        }
        return new SourceBatch(records, problems, reader.nextRecordIndex(), lastEvent, reader.status().isFinal());
    }

    private OutRecord<?> toRecord(ScidRecord r) {
        long micros = r.epochMicros();
        long millis = Math.floorDiv(micros, 1000);
        Instant time = Micros.instant(micros);
        if (r.isTick()) {
            Tick tick = Tick.newBuilder()
                    .setInstrument(instrument.symbol())
                    .setEventTime(time)
                    .setPrice(instrument.roundToTick(r.price()))
                    .setSize(r.totalVolume())
                    .setAggressor(switch (r.aggressor()) {
                        case BUY -> AggressorSide.BUY;
                        case SELL -> AggressorSide.SELL;
                        case UNKNOWN -> AggressorSide.UNKNOWN;
                    })
                    .setBid(r.bid() > 0 ? instrument.roundToTick(r.bid()) : null)
                    .setAsk(r.ask() > 0 ? instrument.roundToTick(r.ask()) : null)
                    .setTradeCount((int) Math.min(Integer.MAX_VALUE, Math.max(1, r.numTrades())))
                    .setSource(sourceName)
                    .setSourceSequence(r.index())
                    .build();
            return new OutRecord<>(Topics.MD_TICKS, instrument.symbol(), tick, millis);
        }
        // a bar record is stamped with its end, like sig.bars: the bar is only complete then
        Instant end = time.plusSeconds(barIntervalSeconds);
        Bar bar = Bar.newBuilder()
                .setInstrument(instrument.symbol())
                .setIntervalSeconds(barIntervalSeconds)
                .setStartTime(time)
                .setEndTime(end)
                .setOpen(instrument.roundToTick(r.open()))
                .setHigh(instrument.roundToTick(r.high()))
                .setLow(instrument.roundToTick(r.low()))
                .setClose(instrument.roundToTick(r.close()))
                .setVolume(r.totalVolume())
                .setTrades(r.numTrades())
                .setBidVolume(r.bidVolume())
                .setAskVolume(r.askVolume())
                .setSource(BarSource.IMPORTED)
                .build();
        return new OutRecord<>(Topics.MD_BARS_IMPORTED, instrument.symbol(), bar, end.toEpochMilli());
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
