package io.liquidityengine.notifier.message;

import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.ReasonCode;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.DeltaPosition;
import io.liquidityengine.schemas.signals.PlanLeg;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.schemas.signals.TrendDirection;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Hand-made records for the tests. */
public final class Records {

    public static final Instant T = Instant.parse("2024-12-05T14:31:05Z");

    private Records() {
    }

    public static Bias.Builder bias() {
        return Bias.newBuilder().setInstrument("ES").setEventTime(T).setBias(BiasValue.LONG).setPreviousBias(BiasValue.SHORT)
                .setFlip(true).setLiquiditySide(1).setTrend(TrendDirection.LONG).setDeltaPosition(DeltaPosition.LONG)
                .setRoc15(0.0123).setSlope(-0.004).setRsi(61.25).setExtended(false).setNormalActionBars(12).setClose(6001.25)
                .setLongTargets(List.of(6010.5, 6020.0, 6030.0)).setShortTargets(List.of(5990.0, 5980.25, 5975.0));
    }

    public static TradePlan.Builder plan() {
        return TradePlan.newBuilder().setPlanId("ES-ema-1").setRevision(0).setInstrument("ES").setStrategyId("ema-cross-patterns")
                .setStatus(PlanStatus.NEW).setSide(PlanSide.BUY).setEventTime(T).setEntryPrice(6000.25).setStopPrice(5995.0)
                .setLegs(List.of(new PlanLeg(1, 1, 6005.0), new PlanLeg(2, 2, 6010.5), new PlanLeg(3, 1, 6020.0)))
                .setTotalQuantity(4).setRewardRisk(0.9047619).setReason(null);
    }

    public static RiskDecision.Builder decision() {
        return RiskDecision.newBuilder().setDecisionId("ES-PAPER-1/ES-ema-1/0").setAccount("ES-PAPER-1").setPlanId("ES-ema-1")
                .setPlanRevision(0).setInstrument("ES").setEventTime(T).setStatus(DecisionStatus.REJECTED)
                .setReason(ReasonCode.REWARD_RISK_TOO_LOW).setQuantity(0).setMessage("reward/risk 0.90 below 1.00");
    }

    public static ExecutionReport.Builder fill() {
        return ExecutionReport.newBuilder().setReportId("r-7").setClientOrderId("ES-ema-1/0/entry").setBracketId("b-1").setLegId(null)
                .setAccount("ES-PAPER-1").setInstrument("ES").setExecType(ExecType.FILLED).setRole(OrderRole.ENTRY).setSide(Side.BUY)
                .setFillPrice(6000.5).setFillQuantity(4.0).setCommission(new BigDecimal("9.000000")).setEventTime(T).setText("");
    }

    public static Position.Builder position() {
        return Position.newBuilder().setPositionId("b-1").setAccount("ES-PAPER-1").setInstrument("ES").setStatus(PositionStatus.CLOSED)
                .setSide(Side.BUY).setQuantity(0).setAverageEntryPrice(6000.5).setRealizedTicks(34)
                .setRealizedPnl(new BigDecimal("425.000000")).setCommission(new BigDecimal("18.000000")).setCurrency("USD")
                .setOpenedTime(T).setEventTime(Instant.parse("2024-12-05T14:52:30Z"));
    }

    public static DeadLetter.Builder deadLetter() {
        return DeadLetter.newBuilder().setSource("topology.ticks").setOrigin("md.ticks-1").setPosition(42)
                .setPositionKind(PositionKind.KAFKA_OFFSET).setReason(DeadLetterReason.OFF_TICK_GRID)
                .setDetail("price 6000.13 is not on the 0.25 grid").setPayload(ByteBuffer.wrap(new byte[] {1, 2})).setEventTime(T);
    }
}
