package io.liquidityengine.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectLinesTest {

    @Test
    void shouldKeepOnlyTheLinesEndedByALineBreak() {
        ObjectLines lines = ObjectLines.of("time,delta\n09:30:02,1.5\n09:31:0".getBytes(StandardCharsets.UTF_8));

        assertThat(lines.lineCount()).isEqualTo(2);
        assertThat(lines.text()).isEqualTo("time,delta\n09:30:02,1.5\n");
        assertThat(lines.line(1)).isEqualTo("time,delta");
        assertThat(lines.line(2)).isEqualTo("09:30:02,1.5");
    }

    @Test
    void shouldCountLineBreaksAsBufferedReaderDoes() {
        ObjectLines lines = ObjectLines.of("a\r\nb\rc\n\nd\n");

        assertThat(lines.lineCount()).isEqualTo(5);
        assertThat(lines.line(1)).isEqualTo("a");
        assertThat(lines.line(2)).isEqualTo("b");
        assertThat(lines.line(3)).isEqualTo("c");
        assertThat(lines.line(4)).isEmpty();
        assertThat(lines.line(5)).isEqualTo("d");
    }

    @Test
    void shouldHaveNoLinesBeforeTheFirstLineBreak() {
        assertThat(ObjectLines.of("").lineCount()).isZero();
        assertThat(ObjectLines.of("time,delta").lineCount()).isZero();
        assertThat(ObjectLines.of("time,delta").text()).isEmpty();
    }

    @Test
    void shouldFindNoChangeWhenTheNewVersionOnlyGrew() {
        ObjectLines published = ObjectLines.of("h\n1\n2\n");
        ObjectLines grown = ObjectLines.of("h\n1\n2\n3\n4");

        assertThat(ObjectLines.firstChangedLine(published, 3, grown)).isZero();
        assertThat(ObjectLines.firstChangedLine(published, 0, ObjectLines.of(""))).isZero();
    }

    @Test
    void shouldFindTheFirstChangedOrMissingPublishedLine() {
        ObjectLines published = ObjectLines.of("h\n1\n2\n3\n");

        assertThat(ObjectLines.firstChangedLine(published, 4, ObjectLines.of("h\n1\nX\n3\n4\n"))).isEqualTo(3);
        assertThat(ObjectLines.firstChangedLine(published, 2, ObjectLines.of("h\n1\nX\n3\n4\n"))).isZero();
        assertThat(ObjectLines.firstChangedLine(published, 4, ObjectLines.of("h\n1\n2\n"))).isEqualTo(4);
        assertThat(ObjectLines.firstChangedLine(published, 4, ObjectLines.of("h\n1\n2\n3"))).isEqualTo(4);
        // line breaks are not content
        assertThat(ObjectLines.firstChangedLine(published, 4, ObjectLines.of("h\r\n1\r\n2\r\n3\r\n"))).isZero();
    }
}
