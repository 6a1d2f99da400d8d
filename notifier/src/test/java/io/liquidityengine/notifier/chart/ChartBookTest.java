package io.liquidityengine.notifier.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When charts are due and complete (event time only) and what they hold. */
class ChartBookTest {

    private final ChartBook book = ChartBook.futuresDefault();

    /** Feeds minute i's bias then its bar (the bias at the bar's end ranks first), collecting the released charts. */
    private List<ChartData> feed(ChartBook b, int from, int to) {
        List<ChartData> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.addAll(b.onBias(Session.bias(i)));
            out.addAll(b.onBar(Session.bar(i)));
        }
        return out;
    }

    private List<ChartData> feed(int from, int to) {
        return feed(book, from, to);
    }

    private static MarketClock clock(String account, Instant t) {
        return MarketClock.newBuilder().setAccount(account).setSinkId("sink").setEventTime(t).setReportsPublished(0).setPositionsPublished(0)
                .build();
    }

    @Test
    void hourlyChartsAtTheBarsEndingOnTheHourOnly() {
        List<Instant> triggers = new ArrayList<>();
        for (int i = 0; i < 95; i++) { // 09:30 .. 11:05 ET
            book.onBias(Session.bias(i)).forEach(c -> triggers.add(c.end()));
            book.onBar(Session.bar(i, 5)).forEach(c -> triggers.add(c.end())); // 5 s bars never trigger
            book.onBar(Session.bar(i)).forEach(c -> triggers.add(c.end()));
        }
        // 10:00 ET = 15:00 UTC after 30 candles, 11:00 ET after 90
        assertThat(triggers).containsExactly(Instant.parse("2024-12-05T15:00:00Z"), Instant.parse("2024-12-05T16:00:00Z"));
    }

    @Test
    void theChartWaitsUntilEveryInputHasPassedItsEnd() {
        List<ChartData> out = new ArrayList<>(feed(0, 30)); // up to the bar and bias ending 10:00 ET
        assertThat(out).as("nothing has passed 10:00 yet").isEmpty();
        // records at or before 10:00 still come (the merge hands them out in event-time order): a level, a fill
        out.addAll(book.onLevel(Session.level("L9", 6020.0, LevelEvent.CREATED, 29, null)));
        out.addAll(book.onReport(Session.fill("f9", 29 * 60 + 59, 6014.75, Side.BUY, OrderRole.ENTRY)));
        out.addAll(book.onReport(Session.fill("f10", 30 * 60, 6015.0, Side.SELL, OrderRole.STOP))); // at 10:00: the next bar's
        assertThat(out).isEmpty();

        out.addAll(book.onBias(Session.bias(30))); // 10:01: the inputs have passed 10:00

        assertThat(out).hasSize(1);
        ChartData c = out.get(0);
        assertThat(c.reason()).isEqualTo(ChartData.Reason.HOURLY);
        assertThat(c.end()).isEqualTo(Instant.parse("2024-12-05T15:00:00Z"));
        assertThat(c.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(c.candles()).hasSize(30);
        assertThat(c.candles().get(0)).isEqualTo(new ChartData.Candle(Session.OPEN, 6000, 6001.75, 5999, 6000.5, BiasValue.LONG, false));
        assertThat(c.candles()).extracting(ChartData.Candle::bias).containsOnly(BiasValue.LONG);
        assertThat(c.levels()).containsExactly(new ChartData.Level("L9", 6020.0, true));
        assertThat(c.fills()).containsExactly(new ChartData.Fill(Instant.parse("2024-12-05T14:59:59Z"), 6014.75, 2.0, true, true));
    }

    @Test
    void withTheMarketClockTheChartWaitsForEveryAccountsClock() {
        ChartBook b = new ChartBook(SessionCalendar.futuresDefault(), true, Duration.ofMinutes(15));
        List<ChartData> out = new ArrayList<>(feed(b, 0, 40)); // signals up to 10:10 ET
        assertThat(out).as("no market clock yet").isEmpty();
        out.addAll(b.onMarketClock(clock("B", Instant.parse("2024-12-05T14:59:55Z"))));
        out.addAll(b.onMarketClock(clock("A", Instant.parse("2024-12-05T15:05:00Z"))));
        assertThat(out).as("B's trades up to 10:00 not all run").isEmpty();
        // the sink publishes B's fill before 10:00 with the clock that covers it
        out.addAll(b.onReport(Session.fill("b1", 29 * 60 + 57, 6013.5, Side.SELL, OrderRole.TARGET)));
        out.addAll(b.onMarketClock(clock("B", Instant.parse("2024-12-05T15:00:00Z"))));

        assertThat(out).extracting(ChartData::end).containsExactly(Instant.parse("2024-12-05T15:00:00Z"));
        assertThat(out.get(0).fills()).containsExactly(new ChartData.Fill(Instant.parse("2024-12-05T14:59:57Z"), 6013.5, 2.0, false, false));
    }

    @Test
    void aGapOverTheHourTriggersAtTheFirstBarAfterIt() {
        List<ChartData> out = new ArrayList<>(feed(0, 28)); // last bar ends 09:58
        out.addAll(book.onBias(Session.bias(33)));
        out.addAll(book.onBar(Session.bar(33))); // 10:03-10:04
        out.addAll(book.onBias(Session.bias(34)));

        assertThat(out).extracting(ChartData::end).containsExactly(Instant.parse("2024-12-05T15:04:00Z"));
        assertThat(out.get(0).candles()).hasSize(29);
    }

    @Test
    void sessionCloseChartOnceThenANewSession() {
        List<ChartData> out = new ArrayList<>(feed(388, 390)); // 15:58 and 15:59 ET: the bar ending 16:00 is the close
        assertThat(out).isEmpty();
        out.addAll(book.onBias(Session.bias(390))); // 16:01: past the close
        assertThat(out).extracting(ChartData::reason).containsExactly(ChartData.Reason.SESSION_CLOSE);
        assertThat(out.get(0).end()).isEqualTo(Instant.parse("2024-12-05T21:00:00Z"));
        assertThat(out.get(0).candles()).hasSize(2);

        // 16:00-16:01 ET belongs to the next session (closing 2024-12-06 16:00): a fresh book, no chart
        out.clear();
        out.addAll(book.onBar(Session.bar(390)));
        out.addAll(feed(391, 392));
        assertThat(out).isEmpty();
        assertThat(book.sessions().session("ES", Session.bar(390).getEndTime())).hasToString("2024-12-06");
        assertThat(book.sessions().session("ES", Session.bar(389).getEndTime())).hasToString("2024-12-05");
    }

    @Test
    void theSessionCloseAndZoneComeFromTheInstrumentsRecord() {
        // ES on Chicago time, closing 15:15 CT = 16:15 ET: 16:00 ET is an hourly chart, 16:15 ET the close
        book.onInstrument(Session.instrument("ES", "America/Chicago", LocalTime.of(15, 15)));
        List<ChartData> out = feed(385, 407); // 15:55 .. 16:17 ET

        assertThat(out).extracting(ChartData::reason, ChartData::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChartData.Reason.HOURLY, Instant.parse("2024-12-05T21:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(ChartData.Reason.SESSION_CLOSE, Instant.parse("2024-12-05T21:15:00Z")));
        assertThat(out.get(1).zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(out.get(1).candles()).hasSize(20);
        assertThat(new ChartRenderer().title(out.get(1))).isEqualTo("ES 2024-12-05 15:15 CST, session close");
        assertThat(ChartMessages.filename(out.get(1))).isEqualTo("ES-20241205-1515-close.png");
        // another instrument keeps the fallback close
        assertThat(book.sessions().closeOf("NQ", java.time.LocalDate.of(2024, 12, 5))).isEqualTo(Instant.parse("2024-12-05T21:00:00Z"));
    }

    @Test
    void dataThatStopsShortOfTheCloseGetsItsCloseChartWhenIdle() {
        List<ChartData> out = new ArrayList<>(feed(300, 389)); // 14:30 .. 15:58-15:59 ET, the 15:59 bar never closed
        assertThat(out).extracting(ChartData::end).containsExactly(Instant.parse("2024-12-05T20:00:00Z"));

        List<ChartData> idle = book.idle();

        assertThat(idle).hasSize(1);
        ChartData close = idle.get(0);
        assertThat(close.reason()).isEqualTo(ChartData.Reason.SESSION_CLOSE);
        assertThat(close.end()).as("the last bar's end: nothing after it arrived").isEqualTo(Instant.parse("2024-12-05T20:59:00Z"));
        assertThat(close.candles()).hasSize(89);
        assertThat(ChartMessages.filename(close)).isEqualTo("ES-20241205-1559-close.png");
        assertThat(book.idle()).as("once per session").isEmpty();
        assertThat(feed(389, 391)).as("a late last bar: no second close chart").isEmpty();
    }

    @Test
    void idleBeforeTheCloseWindowReleasesNothing() {
        feed(300, 374); // last bar ends 15:44 ET: 16 minutes before the close
        assertThat(book.idle()).isEmpty();
        feed(374, 375); // ends 15:45
        assertThat(book.idle()).extracting(ChartData::end).containsExactly(Instant.parse("2024-12-05T20:45:00Z"));
    }

    @Test
    void withTheMarketClockAnIdleCloseWaitsUntilTheSinkHasRunTheLastBar() {
        ChartBook b = new ChartBook(SessionCalendar.futuresDefault(), true, Duration.ofMinutes(90));
        b.onMarketClock(clock("A", Instant.parse("2024-12-05T19:30:00Z")));
        assertThat(feed(b, 300, 389)).isEmpty(); // the signals ran ahead of the sink (lockstep): 15:00 ET waits for the clock

        assertThat(b.idle()).as("the inputs paused while the sink is at 14:30 ET").isEmpty();
        assertThat(b.onMarketClock(clock("A", Instant.parse("2024-12-05T20:30:00Z")))).extracting(ChartData::end)
                .containsExactly(Instant.parse("2024-12-05T20:00:00Z"));
        assertThat(b.idle()).isEmpty();
        b.onMarketClock(clock("A", Instant.parse("2024-12-05T20:59:55Z")));
        assertThat(b.idle()).extracting(ChartData::reason, ChartData::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChartData.Reason.SESSION_CLOSE, Instant.parse("2024-12-05T20:59:00Z")));
    }

    @Test
    void anIdleCloseAtAnHourlyChartsEndReplacesIt() {
        ChartBook b = new ChartBook(SessionCalendar.futuresDefault(), false, Duration.ofMinutes(90));
        assertThat(feed(b, 300, 330)).isEmpty(); // the last bar ends 15:00 ET: its hourly chart is due, the inputs not past it

        assertThat(b.idle()).extracting(ChartData::reason, ChartData::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChartData.Reason.SESSION_CLOSE, Instant.parse("2024-12-05T20:00:00Z")));
    }

    @Test
    void levelsUnfilledAtTheChartsEndAndFillsAsMarkers() {
        book.onLevel(Session.level("L1", 6020.0, LevelEvent.CREATED, 5, null));
        book.onLevel(Session.level("L2", 5996.0, LevelEvent.CREATED, 10, null));
        book.onLevel(Session.level("L3", 6008.0, LevelEvent.CREATED, 12, null));
        book.onLevel(Session.level("L3", 6008.0, LevelEvent.FILLED, 12, 20)); // filled at 09:50: not on the 10:00 chart
        book.onLevel(Session.level("L4", 6003.0, LevelEvent.CREATED, 12, null));
        book.onReport(Session.fill("f1", 15 * 60 + 20, 6007.75, Side.BUY, OrderRole.ENTRY));
        book.onReport(Session.fill("f1", 15 * 60 + 20, 6007.75, Side.BUY, OrderRole.ENTRY)); // re-read: once
        book.onReport(io.liquidityengine.notifier.message.Records.fill().setExecType(ExecType.ACCEPTED).setFillPrice(null).build());
        book.onReport(Session.fill("f2", 25 * 60 + 40, 6012.25, Side.SELL, OrderRole.TARGET));

        List<ChartData> out = new ArrayList<>(feed(0, 45));
        book.onLevel(Session.level("L4", 6003.0, LevelEvent.FILLED, 12, 45)); // filled at 10:15: still on the 10:00 chart
        book.onReport(Session.fill("f3", 50 * 60, 6000.0, Side.SELL, OrderRole.ENTRY)); // 10:20
        out.addAll(feed(45, 91));

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
