package io.liquidityengine.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.control.CommandType;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineMetersTest {

    private static final Instant T = Instant.parse("2024-12-05T15:30:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineMeters meters = new EngineMeters(registry, List.of("paper"));

    @Test
    void shouldCountBarsPerInstrumentAndInterval() {
        meters.bar(bar("ES", 5));
        meters.bar(bar("ES", 5));
        meters.bar(bar("ES", 60));
        meters.bar(bar("NQ", 3600));

        assertThat(registry.get("engine.bars").tags("instrument", "ES", "interval", "5s").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("engine.bars").tags("instrument", "ES", "interval", "1m").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("engine.bars").tags("instrument", "NQ", "interval", "1h").counter().count()).isEqualTo(1.0);
        assertThat(EngineMeters.interval(900)).isEqualTo("15m");
        assertThat(EngineMeters.interval(300)).isEqualTo("5m");
    }

    @Test
    void shouldCountFlipsByTheNewBiasAndKeepTheLastBiasCloseAndEventTime() {
        meters.bias(bias(T, BiasValue.HOLD, BiasValue.LONG, true, 6001.25));
        meters.bias(bias(T.plusSeconds(5), BiasValue.LONG, BiasValue.LONG, false, 6002.00));
        meters.bias(bias(T.plusSeconds(10), BiasValue.LONG, BiasValue.SHORT, true, 5999.75));

        assertThat(registry.get("engine.bias.flips").tags("instrument", "ES", "bias", "LONG").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("engine.bias.flips").tags("instrument", "ES", "bias", "SHORT").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("engine.bias").tag("instrument", "ES").gauge().value()).isEqualTo(-1.0);
        assertThat(registry.get("engine.close.price").tag("instrument", "ES").gauge().value()).isEqualTo(5999.75);
        assertThat(registry.get("engine.signal.event.time").tag("instrument", "ES").gauge().value())
                .isEqualTo(T.plusSeconds(10).getEpochSecond());
        assertThat(registry.get("engine.signal.event.time").gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void shouldCountPlansDecisionsAndDeadLetters() {
        meters.plan(plan(PlanStatus.NEW));
        meters.plan(plan(PlanStatus.CANCELLED));
        meters.decision(decision(DecisionStatus.REJECTED, ReasonCode.DAILY_LOSS_LIMIT));
        meters.deadLetter(DeadLetter.newBuilder().setSource("topology.ticks").setOrigin("md.ticks-0").setPosition(7)
                .setPositionKind(PositionKind.KAFKA_OFFSET).setReason(DeadLetterReason.OFF_TICK_GRID).setDetail("6000.10")
                .setPayload(ByteBuffer.wrap(new byte[0])).build());

        assertThat(registry.get("engine.plans").tags("instrument", "ES", "strategy", "reference", "status", "NEW").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("engine.plans").tags("status", "CANCELLED").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("engine.risk.decisions").tags("account", "paper", "status", "REJECTED", "reason", "DAILY_LOSS_LIMIT")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("engine.dead.letters").tags("source", "topology.ticks", "reason", "OFF_TICK_GRID").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldStartTheConfiguredAccountsSeriesAtZero() {
        // APPROVED/OK plus REJECTED with each of the 17 reasons, 4 order actions, the halt gauge
        assertThat(registry.get("engine.risk.decisions").tag("account", "paper").counters()).hasSize(18);
        assertThat(registry.get("engine.risk.decisions").tag("account", "paper").counters()).allMatch(c -> c.count() == 0.0);
        assertThat(registry.get("engine.orders").tag("account", "paper").counters()).hasSize(4);
        assertThat(registry.get("engine.account.halted").tag("account", "paper").gauge().value()).isEqualTo(0.0);
    }

    @Test
    void shouldMarkAnAccountHaltedUntilItIsResumed() {
        meters.command(command("paper", CommandType.HALT));
        meters.command(command("ES-LIVE-1", CommandType.HALT));
        meters.command(command("paper", CommandType.FLATTEN));
        assertThat(registry.get("engine.account.halted").tag("account", "paper").gauge().value()).isEqualTo(1.0);
        meters.command(command("paper", CommandType.RESUME));
        assertThat(registry.get("engine.account.halted").tag("account", "paper").gauge().value()).isEqualTo(0.0);
        assertThat(registry.get("engine.account.halted").tag("account", "ES-LIVE-1").gauge().value()).isEqualTo(1.0);
    }

    private static Bar bar(String instrument, int interval) {
        return Bar.newBuilder().setInstrument(instrument).setIntervalSeconds(interval).setStartTime(T).setEndTime(T.plusSeconds(interval))
                .setOpen(6000).setHigh(6001).setLow(5999).setClose(6000.5).setVolume(10).setTrades(3).setBidVolume(4).setAskVolume(6)
                .setFootprint(List.of()).setStudies(Map.of()).setSource(BarSource.TICKS).build();
    }

    private static Bias bias(Instant time, BiasValue previous, BiasValue bias, boolean flip, double close) {
        return Bias.newBuilder().setInstrument("ES").setEventTime(time).setBias(bias).setPreviousBias(previous).setFlip(flip)
                .setLiquiditySide(0).setTrend(TrendDirection.FLAT).setDeltaPosition(DeltaPosition.HOLD).setExtended(false)
                .setNormalActionBars(30).setClose(close).build();
    }

    private static TradePlan plan(PlanStatus status) {
        return TradePlan.newBuilder().setPlanId("P1").setRevision(0).setInstrument("ES").setStrategyId("reference").setStatus(status)
                .setSide(PlanSide.BUY).setEventTime(T).setEntryPrice(6000).setStopPrice(5994).setLegs(List.of(new PlanLeg(1, 1, 6008.0)))
                .setTotalQuantity(1).setRewardRisk(1.33).build();
    }

    private static RiskDecision decision(DecisionStatus status, ReasonCode reason) {
        return RiskDecision.newBuilder().setDecisionId("paper:P1:0").setAccount("paper").setPlanId("P1").setPlanRevision(0)
                .setInstrument("ES").setEventTime(T).setStatus(status).setReason(reason).setQuantity(0).build();
    }

    private static ControlCommand command(String account, CommandType type) {
        return ControlCommand.newBuilder().setCommandId(account + type).setAccount(account).setCommand(type).setEventTime(T)
                .setIssuedBy("test").setReason("test").build();
    }
}
