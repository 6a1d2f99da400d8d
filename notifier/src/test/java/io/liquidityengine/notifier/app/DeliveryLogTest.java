package io.liquidityengine.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.app.DeliveryLog.RecordPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogTest {

    @Test
    void stepsAndFinishedRecordsSurviveAReopen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve("delivery.log");
        DeliveryLog log = DeliveryLog.open(file);
        RecordPosition r5 = new RecordPosition("exec.reports", 1, 5);

        log.finished(new RecordPosition("exec.reports", 1, 4));
        log.posted(r5, 0);
        log.posted(r5, 1);
        log.finished(new RecordPosition("sig.bias", 0, 9));

        assertThat(Files.readString(file)).isEqualTo("exec.reports 1 5 2\nsig.bias 0 10 0\n");
        DeliveryLog reopened = DeliveryLog.open(file);
        assertThat(reopened.done(new RecordPosition("exec.reports", 1, 4), 7)).isTrue();
        assertThat(reopened.done(r5, 1)).isTrue();
        assertThat(reopened.done(r5, 2)).isFalse();
        assertThat(reopened.done(new RecordPosition("exec.reports", 1, 6), 0)).isFalse();
        assertThat(reopened.done(new RecordPosition("exec.reports", 0, 5), 0)).isFalse();
        assertThat(reopened.done(new RecordPosition("sig.bias", 0, 9), 0)).isTrue();
        assertThat(reopened.done(new RecordPosition("sig.bias", 0, 10), 0)).isFalse();
    }

    @Test
    void neverMovesBackwards() {
        DeliveryLog log = DeliveryLog.inMemory();
        RecordPosition r = new RecordPosition("t", 0, 3);

        log.finished(r);
        log.posted(r, 0);
        log.posted(new RecordPosition("t", 0, 2), 5);

        assertThat(log.done(new RecordPosition("t", 0, 3), 9)).isTrue();
        assertThat(log.done(new RecordPosition("t", 0, 4), 0)).isFalse();
    }
}
