package io.liquidityengine.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class S3KeyTemplateTest {

    @Test
    void shouldPutTheTradingDateInPlaceOfEveryDatePlaceholder() {
        S3KeyTemplate template = new S3KeyTemplate("deltas/{date}/optiondelta-{date}.txt");

        assertThat(template.keyFor(LocalDate.of(2024, 12, 5))).isEqualTo("deltas/2024-12-05/optiondelta-2024-12-05.txt");
        assertThat(template.dated()).isTrue();
    }

    @Test
    void shouldKeepAKeyWithoutPlaceholderAsItIs() {
        S3KeyTemplate template = new S3KeyTemplate("optiondelta.txt");

        assertThat(template.keyFor(LocalDate.of(2025, 1, 15))).isEqualTo("optiondelta.txt");
        assertThat(template.dated()).isFalse();
    }

    @Test
    void shouldRejectUnknownPlaceholdersBlankKeysAndLeadingSlashes() {
        assertThatThrownBy(() -> new S3KeyTemplate("deltas/{yyyyMMdd}.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder {yyyyMMdd} in S3 key template deltas/{yyyyMMdd}.txt; only {date} (yyyy-MM-dd) is known");
        assertThatThrownBy(() -> new S3KeyTemplate("deltas/{date")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown placeholder {date in S3 key template");
        assertThatThrownBy(() -> new S3KeyTemplate(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3KeyTemplate("/deltas/{date}.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an S3 key has no leading '/': /deltas/{date}.txt");
    }
}
