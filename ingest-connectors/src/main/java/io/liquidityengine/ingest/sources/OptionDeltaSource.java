package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.optiondelta.OptionDeltaConfig;
import io.liquidityengine.ingest.optiondelta.OptionDeltaParser;
import io.liquidityengine.ingest.optiondelta.OptionDeltaPoint;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An option-delta series file as a source: the first value of each minute -> {@code md.option-deltas},
 * key = underlying, record timestamp = minute start. File order is kept (a row earlier than the one
 * before it is TIMESTAMP_BACKWARDS). Positions are line numbers (the header is line 1).
 */
public final class OptionDeltaSource extends ParsedFileSource {

    private final String underlying;
    private final OptionDeltaConfig config;

    /** @param tradingDate the date of the rows, or null to take it from the file name */
    public OptionDeltaSource(String id, Path file, String underlying, ZoneId zone, LocalDate tradingDate) {
        super(id, file);
        this.underlying = underlying;
        this.config = OptionDeltaConfig.defaults().withZone(zone).withTradingDate(tradingDate);
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.LINE;
    }

    @Override
    protected List<Unit> readUnits() throws IOException {
        return Unit.ofResults(new OptionDeltaParser(config).parse(file), this::toRecord);
    }

    private OutRecord<OptionDelta> toRecord(OptionDeltaPoint point) {
        return toRecord(underlying, point, "file:" + file);
    }

    /** The md.option-deltas record of a point: key = underlying, timestamp = minute start. */
    static OutRecord<OptionDelta> toRecord(String underlying, OptionDeltaPoint point, String sourceName) {
        OptionDelta value = OptionDelta.newBuilder()
                .setUnderlying(underlying)
                .setEventTime(point.eventTime())
                .setValue(point.value())
                .setSource(sourceName)
                .build();
        return new OutRecord<>(Topics.MD_OPTION_DELTAS, underlying, value, Math.floorDiv(point.eventEpochMicros(), 1_000L));
    }
}
