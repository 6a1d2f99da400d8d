package io.liquidityengine.backtest.report;

import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.RiskDecision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * exec.positions + exec.reports + risk.decisions -> the report's closed trades and rejections, the
 * same whether the records come from a one-process backtest or were read from the topics of a run
 * of the services. A trade is a position's CLOSED record; its exits, their prices and reasons come
 * from the position's exit fills on exec.reports; the strategy from the bracket id
 * ({@code account:strategy:instrument:...}).
 */
public final class TradeLedger {

    private TradeLedger() {
    }

    public static List<ClosedTrade> trades(List<Position> positions, List<ExecutionReport> reports) {
        Map<String, List<ExecutionReport>> fills = new LinkedHashMap<>();
        for (ExecutionReport r : reports) {
            if (r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED) {
                fills.computeIfAbsent(r.getBracketId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<ClosedTrade> out = new ArrayList<>();
        for (Position p : positions) {
            if (p.getStatus() != PositionStatus.CLOSED) {
                continue;
            }
            double entered = 0;
            double exited = 0;
            BigDecimal exitNotional = BigDecimal.ZERO;
            Set<String> reasons = new LinkedHashSet<>();
            java.time.Instant exitTime = p.getEventTime();
            for (ExecutionReport f : fills.getOrDefault(p.getPositionId(), List.of())) {
                if (f.getRole() == OrderRole.ENTRY) {
                    entered += f.getFillQuantity();
                } else {
                    exited += f.getFillQuantity();
                    exitNotional = exitNotional.add(BigDecimal.valueOf(f.getFillPrice()).multiply(BigDecimal.valueOf(f.getFillQuantity())));
                    reasons.add(f.getRole().name());
                    exitTime = f.getEventTime();
                }
            }
            if (entered <= 0 || exited <= 0) {
                throw new IllegalArgumentException("closed position " + p.getPositionId() + " has no entry or no exit fill on exec.reports");
            }
            BigDecimal exitPrice = exitNotional.divide(BigDecimal.valueOf(exited), MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            out.add(new ClosedTrade(p.getInstrument(), strategyOf(p.getPositionId()),
                    p.getSide() == Side.BUY ? ClosedTrade.Side.LONG : ClosedTrade.Side.SHORT, Math.round(entered), p.getOpenedTime(),
                    BigDecimal.valueOf(p.getAverageEntryPrice()), exitTime, exitPrice, p.getRealizedTicks(), p.getRealizedPnl(),
                    p.getCommission(), String.join(",", reasons)));
        }
        return out;
    }

    /** REJECTED decisions counted by reason code. */
    public static Map<String, Long> rejections(List<RiskDecision> decisions) {
        Map<String, Long> out = new TreeMap<>();
        for (RiskDecision d : decisions) {
            if (d.getStatus() == DecisionStatus.REJECTED) {
                out.merge(d.getReason().name(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** The strategy id in a bracket id {@code account:strategy:instrument:...}; the whole id when it has no such parts. */
    static String strategyOf(String bracketId) {
        String[] parts = bracketId.split(":");
        return parts.length >= 3 ? parts[1] : bracketId;
    }
}
