package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.ExecType;
import io.liquidityengine.topology.domain.position.ExecutionEvent;
import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.PositionStatus;
import io.liquidityengine.topology.domain.position.PositionUpdate;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** ES terms, New York times on Tuesday 2024-03-05, plans and reports for the risk tests. */
final class RiskFixtures {

    static final String ACC = "acc";
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final InstrumentTerms ES = InstrumentTerms.es("ESH4");

    private RiskFixtures() {
    }

    /** UTC micros of a New York local time on 2024-03-05, e.g. "10:30" or "15:55:00". */
    static long at(String localTime) {
        return on("2024-03-05", localTime);
    }

    static long on(String date, String localTime) {
        Instant i = LocalDateTime.parse(date + "T" + localTime).atZone(NY).toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    /** A 1:2:1 plan of 4 contracts. */
    static PlanEvent plan(String planId, int revision, PlanStatus status, String instrument, PlanSide side, long t,
                          double entry, double stop, double t1, double t2, double t3) {
        double rr = Math.abs(t1 - entry) / Math.abs(entry - stop);
        return new PlanEvent(planId, revision, instrument, "reference", status, side, t, entry, stop,
                List.of(new PlanLeg(1, 1, t1), new PlanLeg(2, 2, t2), new PlanLeg(3, 1, t3)), 4, rr,
                status == PlanStatus.NEW ? null : "test");
    }

    /** Long ES plan: entry 5000, stop 4994 (6 points, 24 ticks), targets 5006 / 5010 / 5014. */
    static PlanEvent longPlan(String planId, long t) {
        return plan(planId, 0, PlanStatus.NEW, "ESH4", PlanSide.BUY, t, 5000.00, 4994.00, 5006.00, 5010.00, 5014.00);
    }

    static ExecutionEvent report(String clientOrderId, String bracketId, ExecType type, OrderRole role, String legId,
                                 Double price, int qty, long t) {
        String id = clientOrderId + "/" + role.name().toLowerCase(Locale.ROOT) + (legId == null ? "" : "/" + legId) + "/"
                + type.name().toLowerCase(Locale.ROOT);
        return new ExecutionEvent(id, clientOrderId, bracketId, legId, ACC, "ESH4", type, role,
                role == OrderRole.ENTRY ? Side.BUY : Side.SELL, price, qty, BigDecimal.ZERO, t, "");
    }

    /** A fill of the long bracket {@code acc:<planId>} placed at revision 0. */
    static ExecutionEvent fill(String planId, OrderRole role, String leg, double price, int qty, long t) {
        String bracketId = ACC + ":" + planId;
        return report(bracketId + ":0:PLACE", bracketId, ExecType.FILLED, role, leg == null ? null : bracketId + ":" + leg,
                price, qty, t);
    }

    static PositionUpdate position(String planId, PositionStatus status, int qty, double average, long realizedTicks, long t) {
        return new PositionUpdate(ACC + ":" + planId, ACC, "ESH4", status, Side.BUY, qty, average, realizedTicks,
                new BigDecimal("12.50").multiply(BigDecimal.valueOf(realizedTicks)), BigDecimal.ZERO, "USD", t, t);
    }
}
