package io.liquidityengine.notifier.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When charts are due (event time only) and what they hold. */
class ChartBookTest {

    private final ChartBook book = ChartBook.futuresDefault();

    /** Feeds minute i's bias then its bar (as the topology emits them), collecting the released charts. */
    private List<ChartData> feed(int from, int to) {
        List<ChartData> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.addAll(book.onBias(Session.bias(i)));
            out.addAll(book.onBar(Session.bar(i)));
        }
        return out;
    }

    @Test
    void hourlyChartsAtTheBarsEndingOnTheHourOnly() {
        List<Instant> triggers = new ArrayList<>();
        for (int i = 0; i < 95; i++) { // 09:30 .. 11:05 ET
            book.onBias(Session.bias(i));
            book.onBar(Session.bar(i, 5)).forEach(c -> triggers.add(c.end())); // 5 s bars never count
            book.onBar(Session.bar(i)).forEach(c -> triggers.add(c.end()));
        }
        // 10:00 ET = 15:00 UTC after 30 candles, 11:00 ET after 90
        assertThat(triggers).containsExactly(Instant.parse("2024-12-05T15:00:00Z"), Instant.parse("2024-12-05T16:00:00Z"));
    }

    @Test
    void theChartWaitsForTheBiasOfItsLastMinute() {
        List<ChartData> out = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            out.addAll(book.onBar(Session.bar(i))); // bars ahead of the bias channel
        }
        assertThat(out).isEmpty();
        for (int i = 0; i < 29; i++) {
            out.addAll(book.onBias(Session.bias(i)));
        }
        assertThat(out).isEmpty();
        out.addAll(book.onBias(Session.bias(29))); // event time 10:00 ET: the hour's chart is complete

        assertThat(out).hasSize(1);
        ChartData c = out.get(0);
        assertThat(c.reason()).isEqualTo(ChartData.Reason.HOURLY);
        assertThat(c.end()).isEqualTo(Instant.parse("2024-12-05T15:00:00Z"));
        assertThat(c.candles()).hasSize(30); // the 10:00-10:01 bar that arrived early is not in it
        assertThat(c.candles().get(0)).isEqualTo(new ChartData.Candle(Session.OPEN, 6000, 6001.75, 5999, 6000.5, BiasValue.LONG, false));
        assertThat(c.candles()).extracting(ChartData.Candle::bias).containsOnly(BiasValue.LONG);
    }

    @Test
    void aGapOverTheHourTriggersAtTheFirstBarAfterIt() {
        List<ChartData> out = new ArrayList<>(feed(0, 28)); // last bar ends 09:58
        out.addAll(book.onBias(Session.bias(33)));
        out.addAll(book.onBar(Session.bar(33))); // 10:03-10:04

        assertThat(out).extracting(ChartData::end).containsExactly(Instant.parse("2024-12-05T15:04:00Z"));
        assertThat(out.get(0).candles()).hasSize(29);
    }

    @Test
    void sessionCloseChartOnceThenANewSession() {
        List<ChartData> out = new ArrayList<>();
        // 15:58 and 15:59 ET (minutes 388, 389): the bar ending 16:00 is the close, not an hourly chart
        for (int i = 388; i < 390; i++) {
            out.addAll(book.onBias(Session.bias(i)));
            out.addAll(book.onBar(Session.bar(i)));
        }
        assertThat(out).extracting(ChartData::reason).containsExactly(ChartData.Reason.SESSION_CLOSE);
        assertThat(out.get(0).end()).isEqualTo(Instant.parse("2024-12-05T21:00:00Z"));
        assertThat(out.get(0).candles()).hasSize(2);

        // 16:00-16:01 ET belongs to the next session (closing 2024-12-06 16:00): a fresh book, no chart
        out.clear();
        out.addAll(book.onBias(Session.bias(390)));
        out.addAll(book.onBar(Session.bar(390)));
        assertThat(out).isEmpty();
        assertThat(book.session(Session.bar(390).getEndTime())).hasToString("2024-12-06");
        assertThat(book.session(Session.bar(389).getEndTime())).hasToString("2024-12-05");
    }

    @Test
    void levelsUnfilledAtTheChartsEndAndFillsAsMarkers() {
        book.onLevel(Session.level("L1", 6020.0, LevelEvent.CREATED, 5, null));
        book.onLevel(Session.level("L2", 5996.0, LevelEvent.CREATED, 10, null));
        book.onLevel(Session.level("L3", 6008.0, LevelEvent.CREATED, 12, null));
        book.onLevel(Session.level("L3", 6008.0, LevelEvent.FILLED, 12, 20)); // filled at 09:50: not on the 10:00 chart
        book.onLevel(Session.level("L4", 6003.0, LevelEvent.CREATED, 12, null));
        book.onLevel(Session.level("L4", 6003.0, LevelEvent.FILLED, 12, 45)); // filled at 10:15: still on the 10:00 chart
        book.onReport(Session.fill("f1", 15 * 60 + 20, 6007.75, Side.BUY, OrderRole.ENTRY));
        book.onReport(io.liquidityengine.notifier.message.Records.fill().setExecType(ExecType.ACCEPTED).setFillPrice(null).build());
        book.onReport(Session.fill("f2", 25 * 60 + 40, 6012.25, Side.SELL, OrderRole.TARGET));
        book.onReport(Session.fill("f3", 50 * 60, 6000.0, Side.SELL, OrderRole.ENTRY)); // after 10:00

        List<ChartData> out = feed(0, 90);

        assertThat(out).hasSize(2);
        ChartData ten = out.get(0);
        assertThat(ten.levels()).containsExactly(new ChartData.Level("L1", 6020.0, true), new ChartData.Level("L4", 6003.0, false),
                new ChartData.Level("L2", 5996.0, false));
        assertThat(ten.fills()).containsExactly(
                new ChartData.Fill(Instant.parse("2024-12-05T14:45:20Z"), 6007.75, 2.0, true, true),
                new ChartData.Fill(Instant.parse("2024-12-05T14:55:40Z"), 6012.25, 2.0, false, false));
        ChartData eleven = out.get(1);
        assertThat(eleven.levels()).extracting(ChartData.Level::levelId).containsExactly("L1", "L2");
        assertThat(eleven.fills()).hasSize(3);
        assertThat(eleven.candles()).hasSize(90);
        assertThat(eleven.candles()).extracting(ChartData.Candle::extended).filteredOn(e -> e).hasSize(5);
        assertThat(eleven.candles().get(40).extended()).isTrue();
        assertThat(eleven.candles().get(45).extended()).isFalse();
        assertThat(eleven.candles().get(45).bias()).isEqualTo(BiasValue.SHORT);
        assertThat(eleven.candles().get(60).bias()).isEqualTo(BiasValue.HOLD);
    }
}
