package io.liquidityengine.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterAlertsTest {

    @Test
    void theFirstTenthAndHundredthOfEachTopicAndReasonArePosted() {
        DeadLetterAlerts alerts = new DeadLetterAlerts();
        List<String> posted = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            alerts.onDeadLetter("dlq.topology", Records.deadLetter().setPosition(i).build()).ifPresent(n -> posted.add(n.content()));
        }
        alerts.onDeadLetter("dlq.ingest", Records.deadLetter().build()).ifPresent(n -> posted.add(n.content()));
        alerts.onDeadLetter("dlq.topology", Records.deadLetter().setReason(DeadLetterReason.LATE_EVENT).build())
                .ifPresent(n -> posted.add(n.content()));

        assertThat(posted).containsExactly(
                "Dead letter on dlq.topology: OFF_TICK_GRID from topology.ticks at md.ticks-1 KAFKA_OFFSET 1: price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC)",
                "Dead letter on dlq.topology: OFF_TICK_GRID from topology.ticks at md.ticks-1 KAFKA_OFFSET 10: price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC) [10 OFF_TICK_GRID dead letters on dlq.topology so far]",
                "Dead letter on dlq.topology: OFF_TICK_GRID from topology.ticks at md.ticks-1 KAFKA_OFFSET 100: price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC) [100 OFF_TICK_GRID dead letters on dlq.topology so far]",
                "Dead letter on dlq.ingest: OFF_TICK_GRID from topology.ticks at md.ticks-1 KAFKA_OFFSET 42: price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC)",
                "Dead letter on dlq.topology: LATE_EVENT from topology.ticks at md.ticks-1 KAFKA_OFFSET 42: price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC)");
        assertThat(DeadLetterAlerts.isPowerOfTen(1000)).isTrue();
        assertThat(DeadLetterAlerts.isPowerOfTen(20)).isFalse();
        assertThat(DeadLetterAlerts.isPowerOfTen(101)).isFalse();
    }
}
