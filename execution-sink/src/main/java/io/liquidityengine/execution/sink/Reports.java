package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/**
 * Broker events and bracket books as the sink publishes them: an {@link ExecutionReport} per event with
 * its deterministic id ({@code <clientOrderId>/<role>[/<legId>]/<execType>}), a {@link Position} per
 * book; money at scale 6. Pure functions.
 */
final class Reports {

    private Reports() {
    }

    /**
     * The report of {@code event} for a bracket of {@code account} in {@code instrument} entered on
     * {@code side}; a rejection is the FLATTEN's when {@code flatten} (the instruction being processed is
     * one), else the entry's.
     */
    static ExecutionReport report(BrokerEvent event, String account, String instrument, Side side, boolean flatten) {
        ExecutionReport.Builder report = ExecutionReport.newBuilder().setClientOrderId(event.clientOrderId()).setBracketId(event.bracketId())
                .setAccount(account).setInstrument(instrument).setEventTime(instant(event.eventTimeMicros()))
                .setCommission(money(BigDecimal.ZERO)).setFillQuantity(0.0).setText("");
        OrderRole role;
        String legId = null;
        if (event instanceof BrokerEvent.Modified m) {
            role = m.role();
            legId = m.legId();
            report.setExecType(ExecType.MODIFIED).setText(m.text());
        } else if (event instanceof BrokerEvent.Cancelled c) {
            role = c.role();
            legId = c.legId();
            report.setExecType(ExecType.CANCELLED).setText(c.text());
        } else if (event instanceof BrokerEvent.Rejected r) {
            role = flatten ? OrderRole.FLATTEN : OrderRole.ENTRY;
            report.setExecType(ExecType.REJECTED).setText(r.text());
        } else if (event instanceof BrokerEvent.Filled f) {
            role = f.role();
            legId = f.legId();
            report.setExecType(ExecType.FILLED).setFillPrice(f.price().doubleValue()).setFillQuantity(f.quantity().doubleValue())
                    .setCommission(money(f.commission()));
        } else {
            role = OrderRole.ENTRY;
            report.setExecType(ExecType.ACCEPTED);
        }
        Side reportedSide = role == OrderRole.ENTRY ? side : side.opposite();
        return report.setRole(io.liquidityengine.schemas.execution.OrderRole.valueOf(role.name()))
                .setSide(io.liquidityengine.schemas.execution.Side.valueOf(reportedSide.name()))
                .setLegId(legId)
                .setReportId(reportId(event.clientOrderId(), role, legId, report.getExecType()))
                .build();
    }

    static String reportId(String clientOrderId, OrderRole role, String legId, ExecType type) {
        return clientOrderId + "/" + role.name().toLowerCase(Locale.ROOT) + (legId == null ? "" : "/" + legId) + "/"
                + type.name().toLowerCase(Locale.ROOT);
    }

    static Position position(BracketBook book) {
        return Position.newBuilder().setPositionId(book.bracketId()).setAccount(book.account()).setInstrument(book.instrument())
                .setStatus(book.closed() ? PositionStatus.CLOSED : PositionStatus.OPEN)
                .setSide(io.liquidityengine.schemas.execution.Side.valueOf(book.side().name()))
                .setQuantity(book.openQuantity().doubleValue()).setAverageEntryPrice(book.averageEntryPrice().doubleValue())
                .setRealizedTicks(book.realizedWholeTicks()).setRealizedPnl(money(book.realizedPnl()))
                .setCommission(money(book.commission())).setCurrency(book.currency())
                .setOpenedTime(instant(book.openedMicros() == null ? book.lastEventMicros() : book.openedMicros()))
                .setEventTime(instant(book.lastEventMicros())).build();
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN);
    }

    static Instant instant(long micros) {
        return Micros.instant(micros);
    }
}
