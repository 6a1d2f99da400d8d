package io.liquidityengine.ingest.sierra.zones;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneExportParserTest {

    private static Path realExport() throws URISyntaxException {
        return Path.of(ZoneExportParserTest.class.getResource("/sierra/ES-zone-export.csv").toURI());
    }

    @Test
    void shouldParseAllEightRowsOfTheRealExport() throws Exception {
        List<ParseResult<ExportedLevel>> results = new ZoneExportParser().parse(realExport());

        assertThat(ParseResult.problems(results)).isEmpty();
        List<ExportedLevel> levels = ParseResult.values(results);
        assertThat(levels).hasSize(8);
        assertThat(levels).extracting(ExportedLevel::lineId)
                .containsExactly(10075L, 10055L, 10057L, 15019L, 10021L, 10017L, 15015L, 10017L);
        assertThat(levels).extracting(ExportedLevel::price)
                .containsExactly(6103.75, 6098.25, 6098.25, 6078.50, 6089.00, 6087.75, 6079.25, 6088.25);
    }

    @Test
    void shouldTreatNotFilledAsAnOpenLevel() throws Exception {
        List<ExportedLevel> levels = ParseResult.values(new ZoneExportParser().parse(realExport()));

        ExportedLevel open = levels.get(0);
        assertThat(open.isFilled()).isFalse();
        assertThat(open.filled()).isNull();
        assertThat(open.filledEpochMicros()).isNull();
        assertThat(open.created()).isEqualTo(Instant.parse("2024-12-06T07:36:35Z"));
        assertThat(levels.subList(1, 8)).allMatch(ExportedLevel::isFilled);

        ExportedLevel filled = levels.get(1);
        assertThat(filled.created()).isEqualTo(Instant.parse("2024-12-06T07:41:30Z"));
        assertThat(filled.filled()).isEqualTo(Instant.parse("2024-12-06T08:32:40Z"));
        assertThat(filled.createdEpochMicros()).isEqualTo(1_733_470_890_000_000L);
    }

    @Test
    void shouldGiveEachLevelAUniqueIdAlthoughLineIdsRepeat() throws Exception {
        List<ExportedLevel> levels = ParseResult.values(new ZoneExportParser().parse(realExport()));

        assertThat(levels.stream().map(ExportedLevel::lineId).distinct().count()).isEqualTo(7);
        assertThat(levels).extracting(ExportedLevel::levelId).doesNotHaveDuplicates();
        assertThat(levels.get(5).levelId()).isEqualTo("10017@2024-12-06T08:00:00Z@6087.75");
        assertThat(levels.get(7).levelId()).isEqualTo("10017@2024-12-06T08:00:05Z@6088.25");
        assertThat(levels.get(3).levelId()).isEqualTo("15019@2024-12-06T07:59:35Z@6078.5");
    }

    @Test
    void shouldReadTimesInTheConfiguredZone() throws Exception {
        ExportedLevel first = ParseResult.values(new ZoneExportParser(ZoneId.of("Europe/Berlin")).parse(realExport())).get(0);

        assertThat(first.created()).isEqualTo(Instant.parse("2024-12-06T06:36:35Z"));
        assertThat(first.levelId()).isEqualTo("10075@2024-12-06T06:36:35Z@6103.75");
    }

    @Test
    void shouldReportBadRowsWithLineNumbersAndCarryOn() throws IOException {
        String csv = "LineID, Open_time, Value, Close_time\n"
                + "1, 2024-12-06  07:36:35, 6103.75, Not Filled\n"
                + "x2, 2024-12-06  07:36:35, 6103.75, Not Filled\n"
                + "3, 2024-12-06  07:36:35, 6103.75\n"
                + "4, 2024-12-06  09:00:00, 6100.00, 2024-12-06  08:00:00\n"
                + "5, 2024-12-06 07:40:00, 6101.00, sometime\n"
                + "6, 2024-12-06 07:45:00, 6102.00, 2024-12-06 07:50:00\n";

        List<ParseResult<ExportedLevel>> results = new ZoneExportParser().parse(new StringReader(csv), "zones.csv");

        assertThat(ParseResult.problems(results)).extracting(ParseProblem::position).containsExactly(3L, 4L, 5L, 6L);
        assertThat(ParseResult.problems(results)).extracting(ParseProblem::reason).containsExactly(
                ProblemReason.UNPARSABLE_ROW, ProblemReason.UNPARSABLE_ROW, ProblemReason.INVALID_VALUE, ProblemReason.UNPARSABLE_ROW);
        assertThat(ParseResult.values(results)).extracting(ExportedLevel::lineId).containsExactly(1L, 6L);
        assertThat(ParseResult.values(results).get(1).filled()).isEqualTo(Instant.parse("2024-12-06T07:50:00Z"));
    }

    @Test
    void shouldEndTheFileOnAWrongHeader() throws IOException {
        List<ParseResult<ExportedLevel>> results = new ZoneExportParser()
                .parse(new StringReader("Id, Time, Price\n1, 2024-12-06 07:36:35, 6103.75\n"), "zones.csv");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.problem().reason()).isEqualTo(ProblemReason.BAD_HEADER);
            assertThat(r.problem().rawText()).isEqualTo("Id, Time, Price");
        });
    }
}
