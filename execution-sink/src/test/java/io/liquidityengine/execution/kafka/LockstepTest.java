package io.liquidityengine.execution.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.sink.LockstepState;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.risk.RiskClock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sink's side of the lockstep: when a trade may run, and which market clocks to publish. */
class LockstepTest {

    private static final long T = 1_733_412_600_000_000L; // 2024-12-05 15:30:00 UTC

    private static RiskClock clock(long through, long orders, long reports, long positions) {
        return RiskClock.newBuilder().setAccount("paper").setEventTime(Micros.instant(through)).setOrdersEmitted(orders)
                .setReportsProcessed(reports).setPositionsProcessed(positions).build();
    }

    @Test
    void shouldRunTradesOnlyBelowTheDecidedTimeWithEveryOrderHereAndEveryReportAnswered() {
        Lockstep lockstep = new Lockstep("paper", Set.of());
        assertThat(lockstep.gate(T)).isEqualTo(Lockstep.Gate.NO_CLOCK);

        lockstep.riskClock("paper", clock(T + 5_000_000, 1, 0, 0));
        assertThat(lockstep.gate(T)).isEqualTo(Lockstep.Gate.ORDERS); // one order emitted, none received
        lockstep.orderQueued("paper");
        assertThat(lockstep.gate(T)).isEqualTo(Lockstep.Gate.OPEN);
        assertThat(lockstep.gate(T + 5_000_000)).isEqualTo(Lockstep.Gate.TIME);

        lockstep.orderProcessed("paper");
        lockstep.reportPublished("paper"); // e.g. the entry fill
        assertThat(lockstep.gate(T + 1)).isEqualTo(Lockstep.Gate.ANSWERS);
        lockstep.riskClock("paper", clock(T + 5_000_000, 2, 1, 0)); // answered with a break-even MODIFY
        assertThat(lockstep.gate(T + 1)).isEqualTo(Lockstep.Gate.ORDERS);
        lockstep.orderQueued("paper");
        assertThat(lockstep.gate(T + 1)).isEqualTo(Lockstep.Gate.OPEN);
    }

    @Test
    void shouldPublishAMarketClockOncePerDecidedTimeWithTheCountsAndKeepItAcrossASnapshot() {
        Lockstep lockstep = new Lockstep("paper", Set.of());
        lockstep.riskClock("paper", clock(T, 0, 0, 0));
        lockstep.reportPublished("paper");
        lockstep.positionPublished("paper");

        List<MarketClock> marks = lockstep.marks(T);
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).getAccount()).isEqualTo("paper");
        assertThat(marks.get(0).getSinkId()).isEqualTo("paper");
        assertThat(Micros.of(marks.get(0).getEventTime())).isEqualTo(T);
        assertThat(marks.get(0).getReportsPublished()).isEqualTo(1);
        assertThat(marks.get(0).getPositionsPublished()).isEqualTo(1);
        assertThat(lockstep.marks(T)).isEmpty();

        LockstepState saved = lockstep.snapshot();
        Lockstep restored = new Lockstep("paper", Set.of());
        restored.restore(saved);
        assertThat(restored.marks(T)).isEmpty();
        assertThat(restored.decidedThrough()).isEqualTo(T);
        assertThat(restored.snapshot()).isEqualTo(saved);
    }

    @Test
    void shouldIgnoreAccountsOfOtherSinks() {
        Lockstep lockstep = new Lockstep("paper", Set.of("paper"));
        lockstep.riskClock("other", clock(T, 3, 0, 0));
        lockstep.orderQueued("other");
        assertThat(lockstep.gate(T - 1)).isEqualTo(Lockstep.Gate.NO_CLOCK);
        assertThat(lockstep.decidedThrough()).isEqualTo(Long.MIN_VALUE);
    }
}
