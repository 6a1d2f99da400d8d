package io.liquidityengine.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.message.Embed.Field;
import io.liquidityengine.notifier.message.Notification.Kind;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.ReasonCode;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void biasFlipNamesOldAndNewBiasPriceAndEventTime() {
        Notification n = Messages.biasFlip(Records.bias().build()).orElseThrow();

        assertThat(n.kind()).isEqualTo(Kind.BIAS_FLIP);
        assertThat(n.content()).isEqualTo("**ES** bias flip SHORT → LONG at 6001.25 (2024-12-05 14:31:05 UTC)");
        assertThat(n.embeds()).isEmpty();
        assertThat(Messages.biasFlip(Records.bias().setFlip(false).build())).isEmpty();
    }

    @Test
    void statusEmbedHasEveryFieldAndTheBiasColour() {
        Notification n = Messages.status(Records.bias().build(), Records.position().setStatus(PositionStatus.OPEN).setQuantity(4).build(),
                Records.plan().build(), 5);

        Embed e = n.embeds().get(0);
        assertThat(n.kind()).isEqualTo(Kind.STATUS);
        assertThat(n.content()).isNull();
        assertThat(e.title()).isEqualTo("ES status 6001.25");
        assertThat(e.color()).isEqualTo(0x2ECC71);
        assertThat(e.timestamp()).isEqualTo("2024-12-05T14:31:05Z");
        assertThat(e.fields()).containsExactly(
                new Field("Bias", "LONG", true),
                new Field("Liquidity side", "above", true),
                new Field("Trend", "LONG", true),
                new Field("Delta", "LONG", true),
                new Field("ROC15", "+1.23 %", true),
                new Field("Slope", "-0.40 %", true),
                new Field("T1", "6010.5", true),
                new Field("T2", "6020", true),
                new Field("Stop", "5995", true),
                new Field("Position", "long 4 @ 6000.5", true),
                new Field("RSI", "61.3", true),
                new Field("Since extension", "60 s", true));
    }

    @Test
    void statusOfAShortIsRedWithShortTargetsAndHoldIsWhiteWithoutTargets() {
        Embed shortStatus = Messages.status(Records.bias().setBias(BiasValue.SHORT).setLiquiditySide(-1).setExtended(true)
                .setRoc15(null).setSlope(null).setRsi(null).build(), null, null, 5).embeds().get(0);
        Embed hold = Messages.status(Records.bias().setBias(BiasValue.HOLD).setLiquiditySide(0).build(), null, null, 5).embeds().get(0);

        assertThat(shortStatus.color()).isEqualTo(0xE74C3C);
        assertThat(shortStatus.fields()).extracting(Field::value)
                .containsExactly("SHORT", "below", "LONG", "LONG", "–", "–", "5990", "5980.25", "–", "flat", "–", "extended");
        assertThat(hold.color()).isEqualTo(0xFFFFFF);
        assertThat(hold.fields()).extracting(Field::value)
                .containsExactly("HOLD", "–", "LONG", "LONG", "+1.23 %", "-0.40 %", "–", "–", "–", "flat", "61.3", "60 s");
    }

    @Test
    void newPlanEmbedListsEntryStopTargetsAndQuantity() {
        Notification n = Messages.plan(Records.plan().build());

        Embed e = n.embeds().get(0);
        assertThat(n.kind()).isEqualTo(Kind.PLAN);
        assertThat(e.title()).isEqualTo("ES plan NEW: long 6000.25");
        assertThat(e.color()).isEqualTo(0x2ECC71);
        assertThat(e.footer()).isEqualTo("plan ES-ema-1 rev 0");
        assertThat(e.timestamp()).isEqualTo("2024-12-05T14:31:05Z");
        assertThat(e.fields()).containsExactly(
                new Field("Entry", "6000.25", true),
                new Field("Stop", "5995", true),
                new Field("Targets", "T1 6005 ×1, T2 6010.5 ×2, T3 6020 ×1", false),
                new Field("Quantity", "4", true),
                new Field("Reward/risk", "0.90", true),
                new Field("Strategy", "ema-cross-patterns", true));
    }

    @Test
    void amendedAndCancelledPlansCarryTheirReason() {
        Embed amended = Messages.plan(Records.plan().setStatus(PlanStatus.AMENDED).setRevision(1).setSide(PlanSide.SELL)
                .setReason("targets moved").build()).embeds().get(0);
        Embed cancelled = Messages.plan(Records.plan().setStatus(PlanStatus.CANCELLED).setRevision(2)
                .setReason("bias flipped").build()).embeds().get(0);

        assertThat(amended.title()).isEqualTo("ES plan AMENDED: short 6000.25");
        assertThat(amended.color()).isEqualTo(0xE74C3C);
        assertThat(amended.footer()).isEqualTo("plan ES-ema-1 rev 1");
        assertThat(amended.fields()).last().isEqualTo(new Field("Reason", "targets moved", false));
        assertThat(cancelled.title()).isEqualTo("ES plan CANCELLED: long 6000.25");
        assertThat(cancelled.color()).isEqualTo(0x95A5A6);
        assertThat(cancelled.fields()).last().isEqualTo(new Field("Reason", "bias flipped", false));
    }

    @Test
    void rejectedDecisionNamesAccountPlanAndReasonAndApprovalsSayNothing() {
        Notification n = Messages.rejected(Records.decision().build()).orElseThrow();

        assertThat(n.kind()).isEqualTo(Kind.REJECTED_DECISION);
        assertThat(n.content()).isEqualTo(
                "ES-PAPER-1 rejected ES plan ES-ema-1 rev 0: REWARD_RISK_TOO_LOW: reward/risk 0.90 below 1.00 (2024-12-05 14:31:05 UTC)");
        assertThat(Messages.rejected(Records.decision().setMessage("").setReason(ReasonCode.HALTED).build()).orElseThrow().content())
                .isEqualTo("ES-PAPER-1 rejected ES plan ES-ema-1 rev 0: HALTED (2024-12-05 14:31:05 UTC)");
        assertThat(Messages.rejected(Records.decision().setStatus(DecisionStatus.APPROVED).setReason(ReasonCode.OK).build())).isEmpty();
    }

    @Test
    void fillsShowTheQuantityChangeAndPrice() {
        Notification entry = Messages.fill(Records.fill().build()).orElseThrow();
        Notification target = Messages.fill(Records.fill().setExecType(ExecType.PARTIALLY_FILLED).setRole(OrderRole.TARGET)
                .setSide(Side.SELL).setLegId("T2").setFillQuantity(1.0).setFillPrice(6010.5).build()).orElseThrow();

        assertThat(entry.kind()).isEqualTo(Kind.FILL);
        assertThat(entry.content()).isEqualTo("ES-PAPER-1 ES fill +4 @ 6000.5, ENTRY of bracket b-1 (2024-12-05 14:31:05 UTC)");
        assertThat(target.content())
                .isEqualTo("ES-PAPER-1 ES fill -1 @ 6010.5 (partial), TARGET of bracket b-1 leg T2 (2024-12-05 14:31:05 UTC)");
        assertThat(Messages.fill(Records.fill().setExecType(ExecType.ACCEPTED).setFillPrice(null).setFillQuantity(0).build())).isEmpty();
    }

    @Test
    void closedPositionShowsTicksPnlCommissionAndNet() {
        Notification n = Messages.closed(Records.position().build()).orElseThrow();
        Notification loss = Messages.closed(Records.position().setSide(Side.SELL).setRealizedTicks(-8)
                .setRealizedPnl(new BigDecimal("-100.000000")).build()).orElseThrow();

        assertThat(n.kind()).isEqualTo(Kind.POSITION_CLOSED);
        assertThat(n.content()).isEqualTo("ES-PAPER-1 ES long closed: +34 ticks, P&L 425.00 USD, commission 18.00, net 407.00 USD"
                + " (entry avg 6000.5, opened 2024-12-05 14:31:05 UTC, closed 2024-12-05 14:52:30 UTC)");
        assertThat(loss.content()).startsWith("ES-PAPER-1 ES short closed: -8 ticks, P&L -100.00 USD, commission 18.00, net -118.00 USD");
        assertThat(Messages.closed(Records.position().setStatus(PositionStatus.OPEN).setQuantity(4).build())).isEmpty();
    }

    @Test
    void deadLetterAlertNamesTopicReasonSourceAndPosition() {
        Notification n = Messages.deadLetter("dlq.topology", Records.deadLetter().build());
        Notification noTime = Messages.deadLetter("dlq.ingest", Records.deadLetter().setEventTime(null).build());

        assertThat(n.kind()).isEqualTo(Kind.DEAD_LETTER);
        assertThat(n.content()).isEqualTo("Dead letter on dlq.topology: OFF_TICK_GRID from topology.ticks at md.ticks-1 KAFKA_OFFSET 42:"
                + " price 6000.13 is not on the 0.25 grid (2024-12-05 14:31:05 UTC)");
        assertThat(noTime.content()).endsWith("not on the 0.25 grid");
    }

    @Test
    void statusBoardPostsTheFirstBiasOfEachMinuteWithTheOpenPositionAndPlan() {
        StatusBoard board = new StatusBoard(5);
        board.onPlan(Records.plan().build());
        board.onPosition(Records.position().setStatus(PositionStatus.OPEN).setQuantity(4).build());

        assertThat(board.onBias(Records.bias().setEventTime(Instant.parse("2024-12-05T14:31:05Z")).build())).isPresent();
        assertThat(board.onBias(Records.bias().setEventTime(Instant.parse("2024-12-05T14:31:55Z")).build())).isEmpty();
        Notification next = board.onBias(Records.bias().setEventTime(Instant.parse("2024-12-05T14:32:00Z")).build()).orElseThrow();
        assertThat(next.embeds().get(0).fields()).extracting(Field::value).contains("5995", "long 4 @ 6000.5");
        assertThat(board.onBias(Records.bias().setInstrument("NQ").setEventTime(Instant.parse("2024-12-05T14:31:55Z")).build())).isPresent();

        board.onPlan(Records.plan().setStatus(PlanStatus.CANCELLED).build());
        board.onPosition(Records.position().build());
        Notification later = board.onBias(Records.bias().setEventTime(Instant.parse("2024-12-05T14:35:00Z")).build()).orElseThrow();
        assertThat(later.embeds().get(0).fields()).extracting(Field::value).doesNotContain("5995").contains("flat");
        assertThat(List.of(later.kind())).containsExactly(Kind.STATUS);
    }

    @Test
    void statusCarriesTheBarsAvgAfterTheLiquiditySideWhenTheyHaveIt() {
        Embed e = Messages.status(Records.bias().build(), null, null, 5, 72.456).embeds().get(0);

        assertThat(e.fields()).hasSize(13);
        assertThat(e.fields().subList(0, 4)).containsExactly(
                new Field("Bias", "LONG", true),
                new Field("Liquidity side", "above", true),
                new Field("Avg", "72.46", true),
                new Field("Trend", "LONG", true));
        assertThat(Messages.status(Records.bias().build(), null, null, 5, null).embeds().get(0).fields())
                .extracting(Field::name).doesNotContain("Avg").hasSize(12);
    }

    @Test
    void statusBoardTakesTheAvgOfTheLatestBarAtOrBeforeTheBias() {
        StatusBoard board = new StatusBoard(5);
        Instant t = Instant.parse("2024-12-05T14:31:00Z");
        board.onBar(bar("ES", t, java.util.Map.of("Avg", 72.5, "RSI", 55.0)));
        board.onBar(bar("ES", t.plusSeconds(5), java.util.Map.of("Avg", 71.25)));
        board.onBar(bar("ES", t.plusSeconds(10), java.util.Map.of("Avg", 69.0))); // after the bias: not its Avg
        board.onBar(bar("ES", t.plusSeconds(15), java.util.Map.of())); // no study: changes nothing
        board.onBar(bar("NQ", t, java.util.Map.of("Avg", 10.0)));

        Notification es = board.onBias(Records.bias().setEventTime(t.plusSeconds(5)).build()).orElseThrow();
        assertThat(es.embeds().get(0).fields().get(2)).isEqualTo(new Field("Avg", "71.25", true));
        Notification later = board.onBias(Records.bias().setEventTime(t.plusSeconds(75)).build()).orElseThrow();
        assertThat(later.embeds().get(0).fields().get(2)).isEqualTo(new Field("Avg", "69.00", true));
        Notification nqBefore = board.onBias(Records.bias().setInstrument("NQ").setEventTime(t.minusSeconds(5)).build()).orElseThrow();
        assertThat(nqBefore.embeds().get(0).fields()).extracting(Field::name).doesNotContain("Avg");
        Notification ym = board.onBias(Records.bias().setInstrument("YM").setEventTime(t).build()).orElseThrow();
        assertThat(ym.embeds().get(0).fields()).extracting(Field::name).doesNotContain("Avg");
    }

    private static io.liquidityengine.schemas.marketdata.Bar bar(String instrument, Instant end, java.util.Map<String, Double> studies) {
        return io.liquidityengine.schemas.marketdata.Bar.newBuilder().setInstrument(instrument).setIntervalSeconds(5)
                .setStartTime(end.minusSeconds(5)).setEndTime(end).setOpen(6000).setHigh(6001).setLow(5999).setClose(6000.5)
                .setVolume(10).setTrades(3).setBidVolume(5).setAskVolume(5).setStudies(studies).build();
    }
}
