package io.liquidityengine.execution;

import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realized P&L per bracket recomputed from FILLED reports alone, independently of the sink's books. */
public final class Recompute {

    private Recompute() {
    }

    public record Result(BigDecimal realizedTicks, BigDecimal realizedPnl, BigDecimal commission, BigDecimal openQuantity) {
    }

    public static Map<String, Result> fromReports(List<ExecutionReport> reports, BigDecimal tickSize, BigDecimal tickValue) {
        Map<String, BigDecimal[]> acc = new LinkedHashMap<>(); // entered qty, entry cost, exited qty, exit proceeds, commission, sign
        for (ExecutionReport r : reports) {
            BigDecimal[] a = acc.computeIfAbsent(r.getBracketId(), k -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            a[4] = a[4].add(r.getCommission());
            if (r.getExecType() != ExecType.FILLED) {
                continue;
            }
            BigDecimal qty = BigDecimal.valueOf(r.getFillQuantity());
            BigDecimal price = BigDecimal.valueOf(r.getFillPrice());
            if (r.getRole() == OrderRole.ENTRY) {
                a[0] = a[0].add(qty);
                a[1] = a[1].add(price.multiply(qty));
                a[5] = BigDecimal.valueOf(r.getSide() == Side.BUY ? 1 : -1);
            } else {
                a[2] = a[2].add(qty);
                a[3] = a[3].add(price.multiply(qty));
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        acc.forEach((bracket, a) -> {
            if (a[0].signum() == 0) {
                out.put(bracket, new Result(BigDecimal.ZERO, BigDecimal.ZERO, a[4], BigDecimal.ZERO));
                return;
            }
            BigDecimal averageEntry = a[1].divide(a[0], MathContext.DECIMAL128);
            BigDecimal ticks = a[3].subtract(averageEntry.multiply(a[2])).multiply(a[5]).divide(tickSize, MathContext.DECIMAL128);
            out.put(bracket, new Result(ticks, ticks.multiply(tickValue), a[4], a[0].subtract(a[2])));
        });
        return out;
    }
}
