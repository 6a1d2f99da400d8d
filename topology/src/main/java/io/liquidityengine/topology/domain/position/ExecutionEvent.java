package io.liquidityengine.topology.domain.position;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An execution report from exec.reports (mirrors execution ExecutionReport).
 *
 * @param legId        leg of a target or stop report, null for the entry and flatten fills
 * @param fillPrice    fill price for FILLED / PARTIALLY_FILLED, null otherwise
 * @param fillQuantity contracts filled by this report, 0 when not a fill
 * @param commission   charged for this report, currency
 */
public record ExecutionEvent(String reportId, String clientOrderId, String bracketId, String legId, String account,
                             String instrument, ExecType execType, OrderRole role, Side side, Double fillPrice,
                             int fillQuantity, BigDecimal commission, long eventMicros, String text) {

    public ExecutionEvent {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(bracketId, "bracketId");
        Objects.requireNonNull(execType, "execType");
        Objects.requireNonNull(role, "role");
        commission = commission == null ? BigDecimal.ZERO : commission;
        text = text == null ? "" : text;
        if (isFill() && (fillPrice == null || !Double.isFinite(fillPrice) || fillQuantity < 1)) {
            throw new IllegalArgumentException("a fill needs a finite price and a quantity >= 1: " + reportId);
        }
    }

    public boolean isFill() {
        return execType == ExecType.FILLED || execType == ExecType.PARTIALLY_FILLED;
    }
}
