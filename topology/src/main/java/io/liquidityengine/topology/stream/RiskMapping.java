package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.topology.domain.position.BracketLegOrder;
import io.liquidityengine.topology.domain.position.ExecType;
import io.liquidityengine.topology.domain.position.ExecutionEvent;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.PositionStatus;
import io.liquidityengine.topology.domain.position.PositionUpdate;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.risk.CommandType;
import io.liquidityengine.topology.domain.risk.InstrumentTerms;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Avro contracts of the risk and execution contexts <-> the domain's risk and position values. */
public final class RiskMapping {

    private RiskMapping() {
    }

    public static InstrumentTerms terms(Instrument i) {
        return new InstrumentTerms(i.getSymbol(), BigDecimal.valueOf(i.getTickSize()), i.getTickValue(), i.getCurrency(),
                ZoneId.of(i.getTimeZone()), i.getSessionOpen(), i.getSessionClose());
    }

    static PlanEvent plan(TradePlan p) {
        List<PlanLeg> legs = new ArrayList<>(p.getLegs().size());
        for (var leg : p.getLegs()) {
            legs.add(new PlanLeg(leg.getLeg(), leg.getWeight(), leg.getTargetPrice()));
        }
        return new PlanEvent(p.getPlanId(), p.getRevision(), p.getInstrument(), p.getStrategyId(),
                PlanStatus.valueOf(p.getStatus().name()), PlanSide.valueOf(p.getSide().name()), Micros.of(p.getEventTime()),
                p.getEntryPrice(), p.getStopPrice(), legs, p.getTotalQuantity(), p.getRewardRisk(), p.getReason());
    }

    static ExecutionEvent execution(ExecutionReport r) {
        return new ExecutionEvent(r.getReportId(), r.getClientOrderId(), r.getBracketId(), r.getLegId(), r.getAccount(),
                r.getInstrument(), ExecType.valueOf(r.getExecType().name()), OrderRole.valueOf(r.getRole().name()),
                Side.valueOf(r.getSide().name()), r.getFillPrice(), (int) Math.round(r.getFillQuantity()), r.getCommission(),
                Micros.of(r.getEventTime()), r.getText());
    }

    static PositionUpdate position(Position p) {
        return new PositionUpdate(p.getPositionId(), p.getAccount(), p.getInstrument(), PositionStatus.valueOf(p.getStatus().name()),
                Side.valueOf(p.getSide().name()), (int) Math.round(p.getQuantity()), p.getAverageEntryPrice(), p.getRealizedTicks(),
                p.getRealizedPnl(), p.getCommission(), p.getCurrency(), Micros.of(p.getOpenedTime()),
                Micros.of(p.getEventTime()));
    }

    static io.liquidityengine.topology.domain.risk.ControlCommand command(ControlCommand c) {
        return new io.liquidityengine.topology.domain.risk.ControlCommand(c.getCommandId(), c.getAccount(),
                CommandType.valueOf(c.getCommand().name()), c.getInstrument(), Micros.of(c.getEventTime()),
                c.getIssuedBy(), c.getReason());
    }

    static RiskDecision decision(io.liquidityengine.topology.domain.risk.RiskDecision d) {
        Map<String, Double> numbers = new TreeMap<>();
        d.numbers().forEach((k, v) -> numbers.put(k, v.doubleValue()));
        return RiskDecision.newBuilder()
                .setDecisionId(d.decisionId()).setAccount(d.account()).setPlanId(d.planId()).setPlanRevision(d.planRevision())
                .setInstrument(d.instrument()).setEventTime(Micros.instant(d.eventMicros()))
                .setStatus(io.liquidityengine.schemas.risk.DecisionStatus.valueOf(d.status().name()))
                .setReason(io.liquidityengine.schemas.risk.ReasonCode.valueOf(d.reason().name()))
                .setQuantity(d.quantity()).setNumbers(numbers).setMessage(d.message())
                .build();
    }

    static Order order(OrderInstruction o) {
        List<BracketLeg> legs = new ArrayList<>(o.legs().size());
        for (BracketLegOrder leg : o.legs()) {
            legs.add(new BracketLeg(leg.legId(), (double) leg.quantity(), Double.isNaN(leg.targetPrice()) ? null : leg.targetPrice(),
                    leg.stopPrice()));
        }
        return Order.newBuilder()
                .setClientOrderId(o.clientOrderId()).setBracketId(o.bracketId()).setAccount(o.account())
                .setInstrument(o.instrument()).setPlanId(o.planId())
                .setAction(io.liquidityengine.schemas.execution.OrderAction.valueOf(o.action().name()))
                .setSide(io.liquidityengine.schemas.execution.Side.valueOf(o.side().name()))
                .setEntryType(io.liquidityengine.schemas.execution.OrderType.valueOf(o.entryType().name()))
                .setQuantity(o.quantity()).setEntryPrice(o.entryPrice()).setLegs(legs)
                .setEventTime(Micros.instant(o.eventMicros())).setReason(o.reason())
                .build();
    }
}
