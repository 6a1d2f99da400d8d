package io.liquidityengine.demo;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.RiskDecision;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The closed loop's outcome read back from risk.decisions, exec.orders, exec.reports and exec.positions. */
record TradingSummary(List<RiskDecision> decisions, List<Order> orders, List<ExecutionReport> reports, Map<String, Position> finalPositions) {

    static TradingSummary read(TopicReader reader) {
        List<RiskDecision> decisions = reader.readAll(Topics.RISK_DECISIONS).stream().map(ConsumerRecord::value).toList();
        List<Order> orders = reader.readAll(Topics.EXEC_ORDERS).stream().map(ConsumerRecord::value).toList();
        List<ExecutionReport> reports = reader.readAll(Topics.EXEC_REPORTS).stream().map(ConsumerRecord::value).toList();
        // the last state of each position, in the order they were opened
        Map<String, Position> positions = new LinkedHashMap<>();
        reader.readAll(Topics.EXEC_POSITIONS).forEach(r -> positions.put(r.value().getPositionId(), r.value()));
        return new TradingSummary(decisions, orders, reports, positions);
    }

    /** Orders whose bracket (account:plan) never had an APPROVED decision. */
    List<String> ordersWithoutApprovedDecision() {
        Set<String> approved = decisions.stream().filter(d -> d.getStatus() == DecisionStatus.APPROVED)
                .map(d -> d.getAccount() + ":" + d.getPlanId()).collect(Collectors.toSet());
        return orders.stream().filter(o -> !approved.contains(o.getBracketId())).map(Order::getClientOrderId).toList();
    }

    /** Trades and net P&L per strategy (the strategy is the second part of a position id, account:strategy:...). */
    private void printByStrategy() {
        Map<String, long[]> trades = new TreeMap<>();
        Map<String, BigDecimal> net = new TreeMap<>();
        for (Position p : finalPositions.values()) {
            String[] parts = p.getPositionId().split(":");
            String strategy = parts.length > 1 ? parts[1] : p.getPositionId();
            trades.computeIfAbsent(strategy, k -> new long[1])[0]++;
            net.merge(strategy, p.getRealizedPnl().subtract(p.getCommission()), BigDecimal::add);
        }
        trades.forEach((strategy, n) -> System.out.printf("    %-24s %,d %s, net %s %s%n", strategy, n[0], n[0] == 1 ? "trade" : "trades",
                net.get(strategy).stripTrailingZeros().toPlainString(), currency()));
    }

    /** The positions' currency (USD for ES, USDT for Binance's BTCUSDT); USD when there are none. */
    private String currency() {
        return finalPositions.values().stream().map(p -> p.getCurrency().toString()).distinct().reduce((a, b) -> a + "/" + b).orElse("USD");
    }

    void print(ZoneId zone) {
        Map<String, Long> byVerdict = new TreeMap<>();
        decisions.forEach(d -> byVerdict.merge(d.getStatus() + " " + d.getReason(), 1L, Long::sum));
        System.out.printf("  risk decisions:           %,d %s%n", decisions.size(), byVerdict);
        Map<String, Long> byAction = new TreeMap<>();
        orders.forEach(o -> byAction.merge(o.getAction().name(), 1L, Long::sum));
        System.out.printf("  orders on exec.orders:    %,d %s; without an APPROVED decision: %d%n", orders.size(), byAction,
                ordersWithoutApprovedDecision().size());
        Map<String, Long> byReport = new TreeMap<>();
        reports.forEach(r -> byReport.merge(r.getRole() + " " + r.getExecType(), 1L, Long::sum));
        long fills = reports.stream().filter(r -> r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED).count();
        System.out.printf("  execution reports:        %,d (%,d fills) %s%n", reports.size(), fills, byReport);

        System.out.printf("  trades (exec.positions):  %,d positions%n", finalPositions.size());
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        long ticks = 0;
        for (Position p : finalPositions.values()) {
            pnl = pnl.add(p.getRealizedPnl());
            commission = commission.add(p.getCommission());
            ticks += p.getRealizedTicks();
            System.out.printf("    %s %-4s %s opened %s avg %.2f  %s  %+d ticks  %s %s  commission %s%n", p.getPositionId(), p.getSide(),
                    p.getInstrument(), p.getOpenedTime().atZone(zone).toLocalTime(), p.getAverageEntryPrice(),
                    p.getStatus() == PositionStatus.CLOSED ? "closed " + p.getEventTime().atZone(zone).toLocalTime() : "OPEN qty " + p.getQuantity(),
                    p.getRealizedTicks(), p.getRealizedPnl().stripTrailingZeros().toPlainString(), p.getCurrency(),
                    p.getCommission().stripTrailingZeros().toPlainString());
        }
        String ccy = currency();
        System.out.printf("  realized P&L:             %+d ticks = %s %s before commission, %s %s commission, net %s %s%n", ticks,
                pnl.stripTrailingZeros().toPlainString(), ccy, commission.stripTrailingZeros().toPlainString(), ccy,
                pnl.subtract(commission).stripTrailingZeros().toPlainString(), ccy);
        printByStrategy();
        List<RiskDecision> rejected = decisions.stream().filter(d -> d.getStatus() == DecisionStatus.REJECTED).toList();
        rejected.stream().limit(8).forEach(d -> System.out.printf("    rejected %s %s: %s%n", d.getPlanId(), d.getReason(), d.getMessage()));
        if (rejected.size() > 8) {
            System.out.printf("    ... %,d more rejections%n", rejected.size() - 8);
        }
    }
}
