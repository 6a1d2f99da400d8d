package io.liquidityengine.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.Notification.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCoalescerTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private static Notification status(String s) {
        return Notification.text(Kind.STATUS, s);
    }

    @Test
    void aFastReplayPostsTheFirstThenTheLastStatusPerIntervalOfWallTime() {
        StatusCoalescer c = new StatusCoalescer(Duration.ofMinutes(5));

        assertThat(c.offer("ES", status("ES 09:31"), 0)).containsExactly(status("ES 09:31"));
        assertThat(c.offer("ES", status("ES 09:32"), MINUTE)).isEmpty();
        assertThat(c.offer("NQ", status("NQ 09:32"), MINUTE)).containsExactly(status("NQ 09:32"));
        assertThat(c.offer("ES", status("ES 09:33"), 2 * MINUTE)).isEmpty();
        assertThat(c.due(4 * MINUTE)).isEmpty();
        assertThat(c.due(5 * MINUTE)).containsExactly(status("ES 09:33"));
        assertThat(c.due(20 * MINUTE)).isEmpty();
        assertThat(c.offer("ES", status("ES 09:34"), 9 * MINUTE)).isEmpty();
        assertThat(c.offer("ES", status("ES 09:35"), 10 * MINUTE)).containsExactly(status("ES 09:35"));
        assertThat(c.due(30 * MINUTE)).isEmpty();
    }

    @Test
    void zeroIntervalPostsEveryStatus() {
        StatusCoalescer c = new StatusCoalescer(Duration.ZERO);

        assertThat(c.offer("ES", status("a"), 0)).containsExactly(status("a"));
        assertThat(c.offer("ES", status("b"), 0)).containsExactly(status("b"));
        assertThat(c.due(0)).isEmpty();
    }
}
