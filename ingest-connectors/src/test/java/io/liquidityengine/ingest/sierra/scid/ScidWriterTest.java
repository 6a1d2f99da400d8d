package io.liquidityengine.ingest.sierra.scid;

import io.liquidityengine.ingest.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static io.liquidityengine.ingest.sierra.scid.ScidFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScidWriterTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameBytesAsTheHandMadeFixture() throws IOException {
        Path file = dir.resolve("w.scid");
        try (ScidWriter w = ScidWriter.create(file)) {
            w.writeTick(ScidTime.toEpochMicros(T0), 6000.25f, 6000f, 6000.25f, 3, Aggressor.BUY);
            w.writeTick(ScidTime.toEpochMicros(T0 + 1), 6000f, 6000f, 6000.25f, 2, Aggressor.SELL);
            w.write(T0 + 2, 6000.5f, 6002f, 5999.75f, 6001.25f, 42, 180, 100, 80);
            assertThat(w.recordCount()).isEqualTo(3);
        }

        byte[] expected = ScidFixtures.withHeader()
                .buyTick(T0, 6000.25f, 3)
                .sellTick(T0 + 1, 6000f, 2)
                .record(T0 + 2, 6000.5f, 6002f, 5999.75f, 6001.25f, 42, 180, 100, 80)
                .build();
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        assertThat(ScidFormat.header()).isEqualTo(ScidFixtures.withHeader().build());
    }

    @Test
    void shouldAppendAfterTheLastFullRecordDroppingAPartialTail() throws IOException {
        Path file = dir.resolve("a.scid");
        Files.write(file, ScidFixtures.withHeader().buyTick(T0, 6000f, 1).bytes(new byte[11]).build());

        try (ScidWriter w = ScidWriter.append(file)) {
            assertThat(w.recordCount()).isEqualTo(1);
            w.writeTick(ScidTime.toEpochMicros(T0 + 5), 6000.5f, 6000.25f, 6000.5f, 9, Aggressor.BUY);
            assertThat(w.recordCount()).isEqualTo(2);
        }

        assertThat(Files.size(file)).isEqualTo(56 + 2 * 40);
        List<ScidRecord> records = ParseResult.values(ScidReaderTest.readAll(file, ScidReadOptions.defaults().complete(true)));
        assertThat(records).extracting(ScidRecord::totalVolume).containsExactly(1L, 9L);
    }

    @Test
    void shouldCreateTheFileWhenAppendingToAMissingOne() throws IOException {
        Path file = dir.resolve("new.scid");
        try (ScidWriter w = ScidWriter.append(file)) {
            w.writeTick(1_733_409_000_000_000L, 6000f, 6000f, 6000.25f, 1, Aggressor.SELL);
        }
        List<ScidRecord> records = ParseResult.values(ScidReaderTest.readAll(file, ScidReadOptions.defaults()));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.instant()).isEqualTo(Instant.parse("2024-12-05T14:30:00Z"));
            assertThat(r.aggressor()).isEqualTo(Aggressor.SELL);
        });
    }

    @Test
    void shouldRefuseToAppendToAFileWithABadHeader() throws IOException {
        Path file = dir.resolve("bad.scid");
        Files.write(file, new ScidFixtures().header("SCID", 56, 36, 1).build(), StandardOpenOption.CREATE);
        assertThatThrownBy(() -> ScidWriter.append(file)).isInstanceOf(IOException.class).hasMessageContaining("record size 36");
    }

    @Test
    void shouldConvertBetweenSierraAndUnixTime() {
        assertThat(ScidTime.toInstant(T0)).isEqualTo(Instant.parse("2024-12-05T14:30:00Z"));
        assertThat(ScidTime.toInstant(0)).isEqualTo(Instant.parse("1899-12-30T00:00:00Z"));
        assertThat(ScidTime.fromInstant(Instant.parse("1970-01-01T00:00:00.000001Z"))).isEqualTo(2_209_161_600_000_001L);
        assertThat(ScidFixtures.instantOf(T0 + 1)).isEqualTo(ScidTime.toInstant(T0 + 1));
    }
}
