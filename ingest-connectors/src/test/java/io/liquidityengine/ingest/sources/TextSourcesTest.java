package io.liquidityengine.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.reference.AssetClass;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text sources without a broker: units, positions, resume and ordering. */
class TextSourcesTest {

    private static final InstrumentSpec ES = new InstrumentSpec("ES", "", AssetClass.FUTURE, 0.25, new BigDecimal("12.50"), "USD", 1,
            ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(17, 0));

    private static Path resource(String name) throws Exception {
        return Path.of(TextSourcesTest.class.getResource(name).toURI());
    }

    @Test
    void shouldResumeABarExportAtTheCheckpointedLine() throws Exception {
        try (RecordSource source = Sources.create("bars", "bar-export", resource("/sierra/ES-bar-study-export.csv"), ES, false, 5,
                Optional.empty(), Optional.empty())) {
            source.open(40);
            SourceBatch first = source.poll(2);
            assertThat(first.records()).hasSize(2);
            assertThat(first.nextPosition()).isEqualTo(42);
            assertThat(first.finished()).isFalse();
            SourceBatch rest = source.poll(100);
            assertThat(rest.records()).hasSize(4);
            assertThat(rest.nextPosition()).isEqualTo(46);
            assertThat(rest.finished()).isTrue();
        }
    }

    @Test
    void shouldPublishNothingWhenResumedAfterTheLastLine() throws Exception {
        try (RecordSource source = Sources.create("deltas", "option-delta", resource("/optiondelta/optiondelta-2024-12-05.txt"), ES,
                false, 5, Optional.empty(), Optional.empty())) {
            source.open(13);
            SourceBatch batch = source.poll(100);
            assertThat(batch.isEmpty()).isTrue();
            assertThat(batch.finished()).isTrue();
            assertThat(batch.nextPosition()).isEqualTo(13);
        }
    }

    @Test
    void shouldHandOutZoneEventsSortedByTimeOneOrdinalAtATime() throws Exception {
        try (RecordSource source = Sources.create("zones", "zones", resource("/sierra/ES-zone-export.csv"), ES, false, 5,
                Optional.of("UTC"), Optional.empty())) {
            source.open(8);
            SourceBatch batch = source.poll(1);
            OutRecord<?> r = batch.records().get(0);
            assertThat(((LiquidityLevel) r.value()).getSourceId()).isEqualTo("15019");
            assertThat(((LiquidityLevel) r.value()).getEvent().name()).isEqualTo("FILLED");
            assertThat(batch.nextPosition()).isEqualTo(9);
            assertThat(batch.lastEventMicros()).isEqualTo(r.timestampMillis() * 1000);
        }
    }

    @Test
    void shouldReadBarsWithStudies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, String.join("\n",
                "Date, Time, Open, High, Low, Last, Volume, # of Trades, OHLC Avg, HLC Avg, HL Avg, Bid Volume, Ask Volume, RSI, Liquidity Trend, Avg, Daily Profit/Loss",
                "2024-12-5, 09:30:00.000000, 6000.00, 6001.25, 5999.50, 6001.00, 120, 30, 6000.44, 6000.58, 6000.38, 50, 70, 55.5, 1.000, 6000.2, -125.50") + "\n");
        try (RecordSource source = Sources.create("b", "bar-export", file, ES, false, 5, Optional.empty(), Optional.empty())) {
            source.open(0);
            SourceBatch batch = source.poll(10);
            assertThat(batch.problems()).isEmpty();
            assertThat(batch.records()).hasSize(1);
        }
    }
}
