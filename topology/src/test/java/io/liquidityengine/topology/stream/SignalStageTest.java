package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import static io.liquidityengine.schemas.marketdata.AggressorSide.BUY;
import static io.liquidityengine.schemas.marketdata.AggressorSide.SELL;
import static io.liquidityengine.topology.stream.TopologyFixture.T0;
import static io.liquidityengine.topology.stream.TopologyFixture.importedBar;
import static io.liquidityengine.topology.stream.TopologyFixture.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.DeltaPosition;
import io.liquidityengine.schemas.signals.PlanLeg;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.schemas.signals.TrendDirection;
import io.liquidityengine.topology.domain.engine.EngineStateCodec;
import io.liquidityengine.topology.domain.engine.ReferenceSignalEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class SignalStageTest {

    private static final long T0_MICROS = Micros.of(T0);

    @Test
    void shouldCreateALevelFromStackedBuyImbalancesAndFillItOnALaterBar() {
        try (TopologyFixture f = new TopologyFixture()) {
            // bar 1: bid 1 @ 6000.00, ask 5 @ 6000.25 / 6000.50 / 6000.75 -> buy imbalances at .25 (5 >= 3 x 1), .50 and .75
            // (5 >= 3 x 0): a stack of 3, level at its lowest price 6000.25, below the close 6000.75 -> SHORT
            f.pipe(tick("ES", T0.plusMillis(100), 6000.00, 1, SELL));
            f.pipe(tick("ES", T0.plusMillis(200), 6000.25, 5, BUY));
            f.pipe(tick("ES", T0.plusMillis(300), 6000.50, 5, BUY));
            f.pipe(tick("ES", T0.plusMillis(400), 6000.75, 5, BUY));
            f.pipe(tick("ES", T0.plusSeconds(5), 6001.00, 1, BUY));    // bar 2: low 6001.00 does not reach the level
            f.pipe(tick("ES", T0.plusSeconds(10), 6000.25, 1, SELL));  // bar 3: low 6000.25 fills it
            f.pipe(tick("ES", T0.plusSeconds(15), 6000.25, 1, SELL));  // closes bar 3

            List<TestRecord<String, LiquidityLevel>> levels = f.output(Topics.SIG_LEVELS).readRecordsToList();
            String id = "ES:fp:B:" + T0_MICROS + ":24001";
            assertThat(levels).extracting(r -> r.key(), r -> r.value().getEvent(), r -> r.value().getLevelId(), r -> r.value().getPrice(),
                    r -> r.value().getDirection(), r -> r.value().getOrigin(), r -> r.value().getCreatedTime(), r -> r.value().getFilledTime(),
                    r -> r.value().getReferencePrice(), TestRecord::timestamp)
                    .containsExactly(
                            tuple("ES", LevelEvent.CREATED, id, 6000.25, LevelDirection.SHORT, LevelOrigin.FOOTPRINT_IMBALANCE, T0, null,
                                    6000.75, T0.plusSeconds(5).toEpochMilli()),
                            tuple("ES", LevelEvent.FILLED, id, 6000.25, LevelDirection.SHORT, LevelOrigin.FOOTPRINT_IMBALANCE, T0,
                                    T0.plusSeconds(10), 6000.75, T0.plusSeconds(15).toEpochMilli()));
            List<Bias> bias = f.output(Topics.SIG_BIAS).readValuesToList();
            assertThat(bias).extracting(Bias::getEventTime, Bias::getLiquiditySide, Bias::getClose).containsExactly(
                    tuple(T0.plusSeconds(5), 0, 6000.75),
                    tuple(T0.plusSeconds(10), 0, 6001.00),
                    tuple(T0.plusSeconds(15), -1, 6000.25));
        }
    }

    @Test
    void shouldShiftTheChopBandAndFlipTheTrendOnlyForALevelFromAnEarlierPeriod() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipe(importedBar(0, 5000.00, 5000.00, 5000.00, 5000.00));      // band [4994, 5006], period 0
            f.pipeImportedLevel("1", T0.plusSeconds(1), 5003.00);             // above the close 5000 -> LONG, period 0
            f.pipe(importedBar(5, 5001.00, 5007.00, 5001.00, 5006.00));      // fills L1 (high >= 5003) in period 0: trend stays FLAT
            f.pipe(importedBar(10, 5006.00, 5008.00, 5005.00, 5006.00));     // previous high 5007 > 5006: band [5000, 5012], period 1 -> LONG
            ReferenceSignalEngine afterShift = engine(f);
            assertThat(afterShift.chop().bandLow()).isEqualTo(5000.00);
            assertThat(afterShift.chop().bandHigh()).isEqualTo(5012.00);
            assertThat(afterShift.chop().period()).isEqualTo(1);
            f.pipeImportedLevel("2", T0.plusSeconds(12), 5001.00);            // below the close 5006 -> SHORT, period 1
            f.pipe(importedBar(15, 5003.00, 5005.00, 4999.75, 5000.00));     // fills L2 in its own period: trend stays LONG
            f.pipe(importedBar(20, 5000.00, 5001.00, 4999.00, 5000.00));     // previous low 4999.75 < 5000: period 2 -> SHORT
            ReferenceSignalEngine afterDown = engine(f);
            assertThat(afterDown.chop().bandLow()).isEqualTo(4994.00);
            assertThat(afterDown.chop().bandHigh()).isEqualTo(5006.00);
            assertThat(afterDown.chop().period()).isEqualTo(2);

            assertThat(f.output(Topics.SIG_BIAS).readValuesToList()).extracting(Bias::getTrend, Bias::getLiquiditySide).containsExactly(
                    tuple(TrendDirection.FLAT, 0),
                    tuple(TrendDirection.FLAT, 1),
                    tuple(TrendDirection.LONG, 1),
                    tuple(TrendDirection.LONG, -1),
                    tuple(TrendDirection.SHORT, -1));
            assertThat(f.output(Topics.SIG_LEVELS).readValuesToList()).extracting(l -> l.getEvent(), l -> l.getPrice(), l -> l.getDirection(),
                    l -> l.getOrigin(), l -> l.getFilledTime()).containsExactly(
                    tuple(LevelEvent.CREATED, 5003.00, LevelDirection.LONG, LevelOrigin.IMPORTED, null),
                    tuple(LevelEvent.FILLED, 5003.00, LevelDirection.LONG, LevelOrigin.IMPORTED, T0.plusSeconds(5)),
                    tuple(LevelEvent.CREATED, 5001.00, LevelDirection.SHORT, LevelOrigin.IMPORTED, null),
                    tuple(LevelEvent.FILLED, 5001.00, LevelDirection.SHORT, LevelOrigin.IMPORTED, T0.plusSeconds(15)));
        }
    }

    @Test
    void shouldComputeRoc15AndSlopeAsOfTheLastCompletedMinuteAndFlipTheBias() {
        try (TopologyFixture f = new TopologyFixture()) {
            // v[m] = 1000 + m^2 for minutes 0..25, then v[26] = 1000; minutes 24..26 are already known when the bars arrive
            for (int m = 0; m <= 25; m++) {
                f.pipeDelta(T0.plusSeconds(60L * m), 1000 + m * m);
            }
            f.pipeDelta(T0.plusSeconds(60L * 26), 1000);
            f.pipe(importedBar(20 * 60, 5000.00, 5000.00, 5000.00, 5000.00));   // reads minute 19: ROC15 defined, slope not -> HOLD
            f.pipeImportedLevel("1", T0.plusSeconds(20 * 60 + 1), 5002.00);      // LONG
            f.pipe(importedBar(24 * 60, 5000.00, 5003.00, 5000.00, 5003.00));   // fills it: side +1; reads minute 23 (not 24 or later)
            f.pipe(importedBar(24 * 60 + 5, 5003.00, 5003.00, 5003.00, 5003.00));
            f.pipe(importedBar(25 * 60, 5003.00, 5003.00, 5003.00, 5003.00));   // reads minute 24
            f.pipe(importedBar(27 * 60, 5003.00, 5003.00, 5003.00, 5003.00));   // reads minute 26: ROC15 < 0, slope < 0 -> SHORT

            List<Bias> bias = f.output(Topics.SIG_BIAS).readValuesToList();
            assertThat(bias).extracting(Bias::getBias, Bias::getPreviousBias, Bias::getFlip, Bias::getDeltaPosition).containsExactly(
                    tuple(BiasValue.HOLD, BiasValue.HOLD, false, DeltaPosition.HOLD),
                    tuple(BiasValue.LONG, BiasValue.HOLD, true, DeltaPosition.LONG),
                    tuple(BiasValue.LONG, BiasValue.HOLD, true, DeltaPosition.LONG),   // minute 23 had no bar: compared with minute 20
                    tuple(BiasValue.LONG, BiasValue.LONG, false, DeltaPosition.LONG),
                    tuple(BiasValue.HOLD, BiasValue.LONG, true, DeltaPosition.SHORT));
            // minute 19: (1361 - 1016) / 1016; slope needs ROC15 at minute 11, which needs minute -4
            assertThat(bias.get(0).getRoc15()).isEqualTo((1361.0 - 1016.0) / 1016.0);
            assertThat(bias.get(0).getSlope()).isNull();
            // minute 23: ROC15 = (1529 - 1064) / 1064, slope = ROC15[23] - ROC15[15] = that - (1225 - 1000) / 1000
            assertThat(bias.get(1).getRoc15()).isEqualTo(465.0 / 1064.0);
            assertThat(bias.get(1).getSlope()).isEqualTo(465.0 / 1064.0 - 225.0 / 1000.0);
            // minute 24: (1576 - 1081) / 1081 and ROC15[16] = (1256 - 1001) / 1001
            assertThat(bias.get(3).getRoc15()).isEqualTo(495.0 / 1081.0);
            assertThat(bias.get(3).getSlope()).isEqualTo(495.0 / 1081.0 - 255.0 / 1001.0);
            // minute 26: (1000 - 1121) / 1121, ROC15[18] = (1324 - 1009) / 1009
            assertThat(bias.get(4).getRoc15()).isEqualTo(-121.0 / 1121.0);
            assertThat(bias.get(4).getSlope()).isEqualTo(-121.0 / 1121.0 - 315.0 / 1009.0);
        }
    }

    @Test
    void shouldPublishAPlanThenAmendItThenCancelItUnderOneIdWhenTheTrendTurns() {
        try (TopologyFixture f = new TopologyFixture()) {
            for (int m = 0; m < 24; m++) {                                      // delta LONG as of T0
                f.pipeDelta(T0.minusSeconds(60L * (24 - m)), 100 + m * m);
            }
            // stacked buy imbalances 5000.25..5000.75 above the close 5000.00: a LONG level at 5000.25 in period 0
            f.pipe(importedBar(T0, 5, 5001.00, 5001.00, 5000.00, 5000.00, List.of(
                    new FootprintLevel(5000.00, 10.0, 0.0), new FootprintLevel(5000.25, 2.0, 30.0), new FootprintLevel(5000.50, 1.0, 6.0),
                    new FootprintLevel(5000.75, 1.0, 5.0), new FootprintLevel(5001.00, 4.0, 2.0))));
            f.pipe(importedBar(5, 5000.00, 5000.25, 5000.00, 5000.25));         // fills it
            f.pipe(importedBar(10, 5000.50, 5007.25, 5000.50, 5007.00));        // breaks above the band: next bar is period 1
            f.pipeImportedLevel("a", T0.plusSeconds(12), 5001.00);
            f.pipeImportedLevel("b", T0.plusSeconds(12), 5013.00);
            f.pipeImportedLevel("c", T0.plusSeconds(12), 5020.00);

            int i = 3;
            List<TradePlan> plans = new ArrayList<>();
            while (plans.isEmpty() && i < 120) {                                 // RSI settles, then 24 normal-action bars
                double close = i % 2 == 0 ? 5007.00 : 5007.25;
                f.pipe(importedBar(5L * i, close, 5007.25, 5007.00, close));
                plans.addAll(f.output(Topics.SIG_PLANS).readValuesToList());
                i++;
            }
            assertThat(plans).hasSize(1);
            TradePlan created = plans.get(0);
            String planId = "reference:ES:" + (T0_MICROS + 5_000_000L * (i - 1));
            assertThat(created.getPlanId()).isEqualTo(planId);
            assertThat(created.getStatus()).isEqualTo(PlanStatus.NEW);
            assertThat(created.getRevision()).isZero();
            assertThat(created.getSide()).isEqualTo(PlanSide.BUY);
            assertThat(created.getEntryPrice()).isEqualTo(5001.00);
            assertThat(created.getStopPrice()).isEqualTo(4995.00);                // entry - 6.00
            assertThat(created.getLegs()).containsExactly(new PlanLeg(1, 1, 5013.00), new PlanLeg(2, 2, 5013.00), new PlanLeg(3, 1, 5013.00));
            assertThat(created.getRewardRisk()).isEqualTo(2.0);                   // (5013 - 5001) / 6
            assertThat(created.getTotalQuantity()).isEqualTo(4);

            f.pipeImportedLevel("d", T0.plusSeconds(5L * i - 1), 5004.00);       // a nearer level below: the entry moves up
            double close = i % 2 == 0 ? 5007.00 : 5007.25;
            f.pipe(importedBar(5L * i, close, 5007.25, 5007.00, close));
            f.pipeImportedLevel("e", T0.plusSeconds(5L * i - 1), 4990.00);       // a SHORT level (below the close) in period 1
            f.pipe(importedBar(5L * (i + 1), 5007.25, 5010.00, 5007.00, 5010.00));  // RSI jumps above 60: extended, the plan stays
            f.pipe(importedBar(5L * (i + 2), 5010.00, 5010.00, 4989.75, 4990.00));  // fills the levels below, breaks below the band
            f.pipe(importedBar(5L * (i + 3), 4990.00, 4990.25, 4990.00, 4990.25));  // period 2: a level of period 1 filled, trend SHORT

            List<TradePlan> later = f.output(Topics.SIG_PLANS).readValuesToList();
            assertThat(later).extracting(TradePlan::getPlanId, TradePlan::getRevision, TradePlan::getStatus, TradePlan::getEntryPrice,
                    TradePlan::getStopPrice, TradePlan::getRewardRisk, TradePlan::getReason, TradePlan::getEventTime).containsExactly(
                    tuple(planId, 1, PlanStatus.AMENDED, 5004.00, 4998.00, 1.5, "entry level changed", T0.plusSeconds(5L * i + 5)),
                    tuple(planId, 2, PlanStatus.CANCELLED, 5004.00, 4998.00, 1.5, "setup no longer holds", T0.plusSeconds(5L * i + 20)));
            assertThat(later.get(0).getLegs()).extracting(PlanLeg::getTargetPrice).containsExactly(5013.00, 5013.00, 5013.00);
        }
    }

    @Test
    void shouldPublishTheCurrentTargetsForALongAndAShortOnEveryBias() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipe(importedBar(0, 5000.00, 5000.25, 4999.75, 5000.00));          // no levels yet: no targets
            for (double price : new double[] {5002.00, 5002.25, 5004.00, 5010.00, 5020.00, 4998.00, 4985.00, 4980.00}) {
                f.pipeImportedLevel(String.valueOf(price), T0.plusSeconds(6), price);
            }
            // close 5000.00. Long: T1 = 5002.00 (nearest above); 5002.00 has a level one tick beyond, so the gaps are
            // 5002.25 (next 5004.00) and 5004.00 (next 5010.00, 4.00 from the close < 15): T2 5002.25, T3 5004.00.
            // Short: T1 = 4998.00; gaps 4998.00 (next 4985.00) and 4985.00 (next 4980.00), which is exactly 15.00
            // from the close, not less: T3 = T2 = 4998.00.
            f.pipe(importedBar(10, 5000.00, 5000.25, 4999.75, 5000.00));
            // the high fills 5002.00; close 5001.00. Long: T1 = 5002.25, now also the nearest gap; T3 5004.00.
            // Short: the second gap 4985.00 is 16.00 away: T3 = T2 = 4998.00.
            f.pipe(importedBar(15, 5000.00, 5002.00, 5000.00, 5001.00));

            assertThat(f.output(Topics.SIG_BIAS).readValuesToList()).extracting(Bias::getEventTime, Bias::getClose,
                    Bias::getLongTargets, Bias::getShortTargets).containsExactly(
                    tuple(T0.plusSeconds(5), 5000.00, List.of(), List.of()),
                    tuple(T0.plusSeconds(15), 5000.00, List.of(5002.00, 5002.25, 5004.00), List.of(4998.00, 4998.00, 4998.00)),
                    tuple(T0.plusSeconds(20), 5001.00, List.of(5002.25, 5002.25, 5004.00), List.of(4998.00, 4998.00, 4998.00)));
            assertThat(f.output(Topics.SIG_LEVELS).readValuesToList()).filteredOn(l -> l.getEvent() == LevelEvent.FILLED)
                    .extracting(LiquidityLevel::getPrice).containsExactly(5002.00);
        }
    }

    @Test
    void shouldDeadLetterOutOfOrderOffGridAndMiskeyedSignalInputs() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipe(importedBar(10, 5000.00, 5000.00, 5000.00, 5000.00));
            f.pipe(importedBar(5, 5000.00, 5000.00, 5000.00, 5000.00));            // earlier than the last bar
            f.pipe(importedBar(15, 5000.10, 5000.10, 5000.10, 5000.10));           // off the 0.25 grid
            Bar other = importedBar(20, 5000.00, 5000.00, 5000.00, 5000.00);
            f.input(Topics.MD_BARS_IMPORTED).pipeInput("NQ", other, other.getEndTime());  // key is not the instrument
            f.pipeDelta(T0, Double.NaN);

            assertThat(f.output(Topics.SIG_BIAS).readValuesToList()).hasSize(1);
            List<DeadLetter> letters = f.output(Topics.DLQ_TOPOLOGY).readValuesToList();
            assertThat(letters).extracting(DeadLetter::getSource, DeadLetter::getReason).containsExactly(
                    tuple("topology.signals", DeadLetterReason.TIMESTAMP_BACKWARDS),
                    tuple("topology.signals", DeadLetterReason.OFF_TICK_GRID),
                    tuple("topology.signals", DeadLetterReason.INVALID_VALUE),
                    tuple("topology.signals", DeadLetterReason.INVALID_VALUE));
            assertThat(letters.get(0).getOrigin()).isEqualTo("md.bars.imported-0");
            assertThat(letters.get(0).getPosition()).isEqualTo(1L);
        }
    }

    private static ReferenceSignalEngine engine(TopologyFixture f) {
        byte[] state = f.driver.<String, byte[]>getKeyValueStore(SignalProcessor.ENGINE_STORE).get("ES");
        return EngineStateCodec.decode(state, SignalProcessor::engineConfig);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
