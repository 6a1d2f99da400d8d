package io.liquidityengine.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.message.Messages;
import io.liquidityengine.notifier.message.Records;
import io.liquidityengine.schemas.signals.BiasValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statuses to a file: one line each with the event time, appended across reopenings. */
class StatusFileTest {

    @TempDir
    Path dir;

    @Test
    void everyStatusIsOneLineWithItsEventTimeAppended() throws Exception {
        Path file = dir.resolve("statuses").resolve("status.log");
        Instant t = Instant.parse("2024-12-05T14:31:05Z");
        try (StatusFile f = StatusFile.open(file)) {
            f.append(t, Messages.status(Records.bias().setEventTime(t).build(), null, null, 5));
        }
        try (StatusFile f = StatusFile.open(file)) { // a restart appends
            f.append(t.plusSeconds(60), Messages.status(Records.bias().setEventTime(t.plusSeconds(60)).setBias(BiasValue.HOLD)
                    .setClose(6002.0).build(), null, null, 5, 71.5));
        }

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "2024-12-05T14:31:05Z ES status 6001.25 | Bias LONG | Liquidity side above | Trend LONG | Delta LONG | ROC15 +1.23 %"
                        + " | Slope -0.40 % | T1 6010.5 | T2 6020 | Stop – | Position flat | RSI 61.3 | Since extension 60 s",
                "2024-12-05T14:32:05Z ES status 6002 | Bias HOLD | Liquidity side above | Avg 71.50 | Trend LONG | Delta LONG | ROC15 +1.23 %"
                        + " | Slope -0.40 % | T1 – | T2 – | Stop – | Position flat | RSI 61.3 | Since extension 60 s");
    }
}
