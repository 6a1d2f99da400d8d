package io.liquidityengine.topology.domain.position;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedBracketTest {

    private static final BigDecimal TICK_VALUE = new BigDecimal("12.50");

    /** Short ES bracket: entry 5000 (20000 ticks), stop 5006 (20024), targets 4994 / 4990 / 4986; 1,2,1. */
    private static ManagedBracket shortBracket() {
        return ManagedBracket.placed("acc", "S1", 0, "ESH4", Side.SELL, 0.25, TICK_VALUE, 20_000, 20_024,
                new int[] {1, 2, 1}, new long[] {19_976, 19_960, 19_944});
    }

    private int reports;

    private ExecutionEvent fill(OrderRole role, String leg, double price, int qty) {
        String legId = leg == null ? null : "acc:S1:" + leg;
        return new ExecutionEvent("acc:S1:0:PLACE/" + role + "/" + legId + "/" + reports++, "acc:S1:0:PLACE", "acc:S1", legId, "acc", "ESH4",
                ExecType.FILLED, role, role == OrderRole.ENTRY ? Side.SELL : Side.BUY, price, qty, BigDecimal.ZERO, 1L, "");
    }

    @Test
    void shouldDeriveIdsFromAccountPlanRevisionAndAction() {
        OrderInstruction place = shortBracket().placeOrder(1L, "x");

        assertThat(place.clientOrderId()).isEqualTo("acc:S1:0:PLACE");
        assertThat(place.bracketId()).isEqualTo("acc:S1");
        assertThat(place.legs()).extracting(BracketLegOrder::legId).containsExactly("acc:S1:L1", "acc:S1:L2", "acc:S1:L3");
        assertThat(BracketIds.decisionId("acc", "S1", 2)).isEqualTo("acc:S1:2");
    }

    @Test
    void shouldMoveShortStopsDownToBreakEvenAfterT1AndNeverBackUp() {
        ManagedBracket b = shortBracket();
        b.onReport(fill(OrderRole.ENTRY, null, 5000.00, 2));
        b.onReport(fill(OrderRole.ENTRY, null, 5000.25, 2));

        BracketFeedback t1 = b.onReport(fill(OrderRole.TARGET, "L1", 4994.00, 1));

        assertThat(b.ledger().averageEntryTicks()).isEqualByComparingTo("20000.5");
        assertThat(t1.orders()).hasSize(1);
        assertThat(t1.orders().get(0).legs()).extracting(BracketLegOrder::stopPrice).containsOnly(5000.00);
        assertThat(b.tightenStops(20_010, 2L, "looser")).isEmpty();
        assertThat(b.tightenStops(20_000, 2L, "same")).isEmpty();
        Optional<OrderInstruction> tighter = b.tightenStops(19_990, 3L, "trail");
        assertThat(tighter).isPresent();
        assertThat(tighter.get().clientOrderId()).isEqualTo("acc:S1:2:MODIFY");
        assertThat(b.legs()).extracting(ManagedLeg::stopTicks).containsExactly(20_024L, 19_990L, 19_990L);
    }

    @Test
    void shouldRealizeTicksTimesContractsForAShort() {
        ManagedBracket b = shortBracket();
        b.onReport(fill(OrderRole.ENTRY, null, 5000.00, 4));
        b.onReport(fill(OrderRole.TARGET, "L1", 4994.00, 1));
        b.onReport(fill(OrderRole.STOP, "L2", 5000.00, 2));
        BracketFeedback last = b.onReport(fill(OrderRole.STOP, "L3", 5006.00, 1));

        assertThat(b.realizedTicks()).isEqualByComparingTo("0");
        assertThat(last.finished()).isTrue();
        assertThat(b.openQuantity()).isZero();
    }

    @Test
    void shouldIgnoreTargetsThatWouldNotLieBeyondTheStop() {
        ManagedBracket b = shortBracket();
        b.onReport(fill(OrderRole.ENTRY, null, 5000.00, 4));

        Optional<OrderInstruction> moved = b.moveTargets(Map.of(1, 20_030L, 2, 19_950L), 5L);

        assertThat(moved).isPresent();
        assertThat(moved.get().legs()).containsExactly(new BracketLegOrder("acc:S1:L2", 2, 4987.50, 5006.00));
    }

    @Test
    void shouldNotManageAWorkingEntry() {
        ManagedBracket b = shortBracket();

        assertThat(b.breakEven(1L)).isEmpty();
        assertThat(b.moveTargets(Map.of(2, 19_950L), 1L)).isEmpty();
        assertThatThrownBy(() -> b.flatten(1L, "x")).isInstanceOf(IllegalStateException.class);
        assertThat(b.cancel(1L, "halt").clientOrderId()).isEqualTo("acc:S1:1:CANCEL");
        assertThat(b.phase()).isEqualTo(BracketPhase.CANCELLING);
    }

    @Test
    void shouldEndTheBracketWhenItsPlacementIsRejected() {
        ManagedBracket b = shortBracket();

        BracketFeedback rejected = b.onReport(new ExecutionEvent("r1", "acc:S1:0:PLACE", "acc:S1", null, "acc", "ESH4",
                ExecType.REJECTED, OrderRole.ENTRY, Side.SELL, null, 0, BigDecimal.ZERO, 1L, "no"));

        assertThat(rejected.finished()).isTrue();
        assertThat(List.of(rejected.orders())).containsExactly(List.of());
    }
}
