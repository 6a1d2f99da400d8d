package io.liquidityengine.ingest.optiondelta;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.ProblemReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionDeltaParserTest {

    @TempDir
    Path dir;

    private static Path excerpt() throws URISyntaxException {
        return Path.of(OptionDeltaParserTest.class.getResource("/optiondelta/optiondelta-2024-12-05.txt").toURI());
    }

    @Test
    void shouldKeepTheFirstValuePerMinuteStampedWithTheMinuteStartInNewYorkTime() throws Exception {
        List<ParseResult<OptionDeltaPoint>> results = new OptionDeltaParser().parse(excerpt());

        List<OptionDeltaPoint> points = ParseResult.values(results);
        assertThat(points).extracting(OptionDeltaPoint::eventTime).containsExactly(
                Instant.parse("2024-12-05T14:30:00Z"),
                Instant.parse("2024-12-05T14:31:00Z"),
                Instant.parse("2024-12-05T14:32:00Z"),
                Instant.parse("2024-12-05T14:33:00Z"),
                Instant.parse("2024-12-05T14:36:00Z"));
        assertThat(points).extracting(OptionDeltaPoint::value)
                .containsExactly(1524340.10, 1530000.5, 1529000.0, 1531000.25, -250.75);
        assertThat(points.get(0).sourceEpochMicros()).isEqualTo(1_733_409_002_000_000L);
        assertThat(points.get(2).sourceEpochMicros()).isEqualTo(1_733_409_123_000_000L);
        assertThat(results.stream().filter(ParseResult::isParsed).map(ParseResult::position))
                .containsExactly(2L, 4L, 6L, 8L, 12L);
    }

    @Test
    void shouldReportBadRowsWithTheirLineNumbers() throws Exception {
        List<ParseProblem> problems = ParseResult.problems(new OptionDeltaParser().parse(excerpt()));

        assertThat(problems).extracting(ParseProblem::position).containsExactly(5L, 7L, 9L, 10L);
        assertThat(problems).extracting(ParseProblem::reason).containsExactly(
                ProblemReason.UNPARSABLE_ROW, ProblemReason.TIMESTAMP_BACKWARDS,
                ProblemReason.INVALID_VALUE, ProblemReason.UNPARSABLE_ROW);
        assertThat(problems.get(0).rawText()).isEqualTo("09:32:00,abc");
        assertThat(problems.get(0).origin()).endsWith("optiondelta-2024-12-05.txt");
    }

    @Test
    void shouldPreferTheConfiguredDateAndZoneOverTheFileName() throws Exception {
        OptionDeltaConfig config = OptionDeltaConfig.defaults().withTradingDate(LocalDate.of(2024, 7, 1)).withZone(ZoneOffset.UTC);

        OptionDeltaPoint first = ParseResult.values(new OptionDeltaParser(config).parse(excerpt())).get(0);

        assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-07-01T09:30:00Z"));
    }

    @Test
    void shouldFollowDaylightSavingTimeInNewYork() throws IOException {
        Path file = dir.resolve("delta_20240701.csv");
        Files.writeString(file, "Time,Delta\n09:30:59,10\n");

        OptionDeltaPoint first = ParseResult.values(new OptionDeltaParser().parse(file)).get(0);

        assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-07-01T13:30:00Z"));
        assertThat(first.value()).isEqualTo(10.0);
    }

    @Test
    void shouldFindTheTradingDateInFileNames() {
        assertThat(OptionDeltaParser.dateFromFileName("optiondelta-2024-12-05.txt")).hasValue(LocalDate.of(2024, 12, 5));
        assertThat(OptionDeltaParser.dateFromFileName("es_20241205_delta.csv")).hasValue(LocalDate.of(2024, 12, 5));
        assertThat(OptionDeltaParser.dateFromFileName("v2-20241399-20240102.txt")).hasValue(LocalDate.of(2024, 1, 2));
        assertThat(OptionDeltaParser.dateFromFileName("optiondelta.txt")).isEmpty();
        assertThat(OptionDeltaParser.dateFromFileName("id123456789.txt")).isEmpty();
    }

    @Test
    void shouldRefuseAFileWithoutAnyTradingDate() throws IOException {
        Path file = dir.resolve("optiondelta.txt");
        Files.writeString(file, "time,delta\n09:30:00,1\n");

        assertThatThrownBy(() -> new OptionDeltaParser().parse(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optiondelta.txt");
    }

    @Test
    void shouldEndTheFileWhenTheHeaderRowIsMissing() throws IOException {
        List<ParseResult<OptionDeltaPoint>> results = new OptionDeltaParser()
                .parse(new StringReader("09:30:00,1\n09:31:00,2\n"), "s3://bucket/optiondelta.txt", LocalDate.of(2024, 12, 5));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.problem().reason()).isEqualTo(ProblemReason.BAD_HEADER);
            assertThat(r.problem().position()).isEqualTo(1);
            assertThat(r.problem().origin()).isEqualTo("s3://bucket/optiondelta.txt");
        });
    }
}
