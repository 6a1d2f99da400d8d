package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sierra.barexport.BarExportConfig;
import io.liquidityengine.ingest.sierra.barexport.BarExportParser;
import io.liquidityengine.ingest.sierra.barexport.ExportedBar;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A Sierra Chart bar/study export as a source: bars -> {@code md.bars.imported} (source IMPORTED,
 * study columns as the studies map), key = instrument, record timestamp = bar end (as on sig.bars).
 * File order is kept; a bar starting before the previous one is TIMESTAMP_BACKWARDS, a price off
 * the instrument's grid OFF_TICK_GRID. Positions are line numbers (the header is line 1).
 */
public final class BarExportSource extends ParsedFileSource {

    private final InstrumentSpec instrument;
    private final BarExportConfig config;

    public BarExportSource(String id, Path file, InstrumentSpec instrument, ZoneId zone, int intervalSeconds) {
        super(id, file);
        this.instrument = instrument;
        this.config = BarExportConfig.defaults().withZone(zone).withIntervalSeconds(intervalSeconds)
                .withTickSize(instrument.tickSize());
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.LINE;
    }

    @Override
    protected List<Unit> readUnits() throws IOException {
        return Unit.ofResults(new BarExportParser(config).parse(file), this::toRecord);
    }

    private OutRecord<Bar> toRecord(ExportedBar b) {
        var end = b.start().plusSeconds(b.intervalSeconds());
        Bar bar = Bar.newBuilder()
                .setInstrument(instrument.symbol())
                .setIntervalSeconds(b.intervalSeconds())
                .setStartTime(b.start())
                .setEndTime(end)
                .setOpen(b.open())
                .setHigh(b.high())
                .setLow(b.low())
                .setClose(b.close())
                .setVolume(b.volume())
                .setTrades(b.trades())
                .setBidVolume(b.bidVolume())
                .setAskVolume(b.askVolume())
                .setStudies(new LinkedHashMap<>(b.studies()))
                .setSource(BarSource.IMPORTED)
                .build();
        return new OutRecord<>(Topics.MD_BARS_IMPORTED, instrument.symbol(), bar, end.toEpochMilli());
    }
}
