package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import static io.liquidityengine.schemas.marketdata.AggressorSide.BUY;
import static io.liquidityengine.schemas.marketdata.AggressorSide.SELL;
import static io.liquidityengine.topology.stream.TopologyFixture.T0;
import static io.liquidityengine.topology.stream.TopologyFixture.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class BarStageTest {

    @Test
    void shouldEmitFinalBaseBarWithOhlcvAndFootprintWhenWindowCloses() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            f.pipe(tick("ES", T0.plusMillis(100), 6000.00, 2, BUY));
            f.pipe(tick("ES", T0.plusMillis(1200), 6000.50, 3, BUY));
            f.pipe(tick("ES", T0.plusMillis(2500), 5999.75, 4, SELL));
            f.pipe(tick("ES", T0.plusMillis(4999), 6000.00, 1, SELL));
            assertThat(f.output(Topics.SIG_BARS).isEmpty()).isTrue();

            f.pipe(tick("ES", T0.plusSeconds(5), 6000.25, 1, BUY)); // opens the next window, closes the first

            List<TestRecord<String, Bar>> bars = f.output(Topics.SIG_BARS).readRecordsToList();
            assertThat(bars).hasSize(1);
            Bar bar = bars.get(0).value();
            assertThat(bars.get(0).key()).isEqualTo("ES");
            assertThat(bars.get(0).timestamp()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
            assertThat(bar.getIntervalSeconds()).isEqualTo(5);
            assertThat(bar.getStartTime()).isEqualTo(T0);
            assertThat(bar.getEndTime()).isEqualTo(T0.plusSeconds(5));
            assertThat(List.of(bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose())).containsExactly(6000.00, 6000.50, 5999.75, 6000.00);
            assertThat(bar.getVolume()).isEqualTo(10.0);
            assertThat(bar.getTrades()).isEqualTo(4);
            assertThat(bar.getAskVolume()).isEqualTo(5.0);
            assertThat(bar.getBidVolume()).isEqualTo(5.0);
            assertThat(bar.getFootprint()).containsExactly(
                    new FootprintLevel(5999.75, 4.0, 0.0),
                    new FootprintLevel(6000.00, 1.0, 2.0),
                    new FootprintLevel(6000.50, 0.0, 3.0));
        }
    }

    @Test
    void shouldAcceptALateTickInsideGraceAndDeadLetterOneOutsideIt() {
        try (TopologyFixture f = new TopologyFixture(Duration.ofSeconds(2))) {
            f.pipe(tick("ES", T0.plusMillis(1000), 6000.00, 1, BUY));
            f.pipe(tick("ES", T0.plusMillis(6000), 6001.00, 1, BUY));   // next window; first not final yet (grace)
            f.pipe(tick("ES", T0.plusMillis(500), 5999.00, 7, SELL));   // late, inside grace: earlier than the first trade
            assertThat(f.output(Topics.SIG_BARS).isEmpty()).isTrue();
            f.pipe(tick("ES", T0.plusMillis(7000), 6001.25, 1, BUY));   // event time 7 s = end 5 s + grace 2 s: first bar final

            List<Bar> bars = f.output(Topics.SIG_BARS).readValuesToList();
            assertThat(bars).hasSize(1);
            assertThat(List.of(bars.get(0).getOpen(), bars.get(0).getHigh(), bars.get(0).getLow(), bars.get(0).getClose()))
                    .containsExactly(5999.00, 6000.00, 5999.00, 6000.00);
            assertThat(bars.get(0).getVolume()).isEqualTo(8.0);

            f.pipe(tick("ES", T0.plusMillis(4000), 6000.00, 1, BUY));   // late, outside grace
            assertThat(f.output(Topics.SIG_BARS).isEmpty()).isTrue();
            List<DeadLetter> letters = f.output(Topics.DLQ_TOPOLOGY).readValuesToList();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).getReason()).isEqualTo(DeadLetterReason.LATE_EVENT);
            assertThat(letters.get(0).getSource()).isEqualTo("topology.bars");
            assertThat(letters.get(0).getOrigin()).isEqualTo("md.ticks-0");
            assertThat(letters.get(0).getPositionKind()).isEqualTo(PositionKind.KAFKA_OFFSET);
            assertThat(letters.get(0).getPosition()).isEqualTo(4L);
        }
    }

    @Test
    void shouldRollBaseBarsUpIntoOneMinuteBars() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            for (int s = 0; s < 60; s += 5) {
                f.pipe(tick("ES", T0.plusSeconds(s), 6000.00 + s * 0.25 / 5, 1, s % 10 == 0 ? BUY : SELL));
            }
            f.pipe(tick("ES", T0.plusSeconds(60), 6010.00, 1, BUY));

            List<Bar> bars = f.output(Topics.SIG_BARS).readValuesToList();
            List<Bar> minutes = bars.stream().filter(b -> b.getIntervalSeconds() == 60).toList();
            assertThat(bars.stream().filter(b -> b.getIntervalSeconds() == 5)).hasSize(12);
            assertThat(minutes).hasSize(1);
            Bar minute = minutes.get(0);
            assertThat(minute.getStartTime()).isEqualTo(T0);
            assertThat(List.of(minute.getOpen(), minute.getHigh(), minute.getLow(), minute.getClose()))
                    .containsExactly(6000.00, 6002.75, 6000.00, 6002.75);
            assertThat(minute.getVolume()).isEqualTo(12.0);
            assertThat(minute.getAskVolume()).isEqualTo(6.0);
            assertThat(minute.getFootprint()).hasSize(12);
            // the minute bar follows its last base bar
            assertThat(bars.get(bars.size() - 1)).isEqualTo(minute);
        }
    }

    @Test
    void shouldDeadLetterUnknownInstrumentsOffGridPricesAndUndecodableBytes() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            f.pipe(tick("ZZ", T0, 100.00, 1, BUY));
            f.pipe(tick("ES", T0, 6000.10, 1, BUY));
            f.driver.createInputTopic(Topics.MD_TICKS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer())
                    .pipeInput("ES", new byte[] {9, 0, 0, 0, 1, 2}, T0);

            List<DeadLetter> letters = f.output(Topics.DLQ_TOPOLOGY).readValuesToList();
            assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                    DeadLetterReason.UNKNOWN_INSTRUMENT, DeadLetterReason.OFF_TICK_GRID, DeadLetterReason.DESERIALIZATION_FAILED);
            assertThat(letters.get(2).getPayload().array()).containsExactly(9, 0, 0, 0, 1, 2);
            assertThat(letters.get(2).getDetail()).contains("magic byte 9");
            assertThat(f.output(Topics.SIG_BARS).isEmpty()).isTrue();
            assertThat(f.driver.metrics().keySet().stream()
                    .filter(m -> m.name().equals("dead-letters-total") && "OFF_TICK_GRID".equals(m.tags().get("reason"))))
                    .singleElement()
                    .satisfies(m -> assertThat(f.driver.metrics().get(m).metricValue()).isEqualTo(1.0));
        }
    }

    @Test
    void shouldKeepOpenBarsInTheStateStore() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            f.pipe(tick("ES", T0.plusMillis(100), 6000.00, 2, BUY));
            var store = f.driver.<String, BarState>getKeyValueStore(BarProcessor.STORE);
            BarState state = store.get("ES");
            assertThat(state.maxTimeMicros).isEqualTo(Micros.of(T0.plusMillis(100)));
            assertThat(state.openBase).hasSize(1);
            assertThat(state.openBase.firstEntry().getValue().bar().volume()).isEqualTo(2.0);
            assertThat(Map.copyOf(state.rollups)).isEmpty();
        }
    }
}
