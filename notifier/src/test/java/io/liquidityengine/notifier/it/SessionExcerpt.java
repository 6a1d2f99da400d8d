package io.liquidityengine.notifier.it;

import static io.liquidityengine.notifier.it.NotifierProcess.produce;

import io.liquidityengine.local.LocalStack;
import io.liquidityengine.notifier.message.Records;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.signals.BiasValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A 40-minute MES session excerpt on 2024-12-10 as the services publish it: the instrument (session
 * close 10:30 New York), 1-minute bars from 09:50 ET whose open rises 0.25 a minute for 30 minutes and then
 * falls 0.5 a minute, a bias at each bar's end (HOLD, LONG from 10:05, SHORT from 10:20), level L-a
 * (6010, above, created 09:55, filled 10:12) and L-b (5995, below, created 10:02); the paper account
 * MES-PAPER's entry (+1 @ 6002.25 at 09:58:30) and exit (-1 @ 6010 at 10:14:10, T1) and its market clocks.
 */
final class SessionExcerpt {

    static final Instant OPEN = Instant.parse("2024-12-10T14:50:00Z"); // 09:50 ET
    static final String ACCOUNT = "MES-PAPER";

    private SessionExcerpt() {
    }

    /** The instrument record, the levels, the bars and the bias, as the ingest and the topology publish them. */
    static void signals(LocalStack stack) throws Exception {
        produce(stack, Topics.REF_INSTRUMENTS, "MES", Instrument.newBuilder().setSymbol("MES").setAssetClass(AssetClass.FUTURE)
                .setTickSize(0.25).setTickValue(new BigDecimal("1.250000")).setCurrency("USD").setTimeZone("America/New_York")
                .setSessionOpen(LocalTime.of(9, 30)).setSessionClose(LocalTime.of(10, 30)).build());
        produce(stack, Topics.SIG_LEVELS, "MES", level("L-a", 6010.0, LevelDirection.LONG, OPEN.plusSeconds(300), null));
        produce(stack, Topics.SIG_LEVELS, "MES", level("L-b", 5995.0, LevelDirection.SHORT, OPEN.plusSeconds(720), null));
        BiasValue previous = BiasValue.HOLD;
        for (int m = 0; m < 40; m++) {
            Instant start = OPEN.plusSeconds(60L * m);
            BiasValue bias = m < 15 ? BiasValue.HOLD : m < 30 ? BiasValue.LONG : BiasValue.SHORT;
            produce(stack, Topics.SIG_BIAS, "MES", Records.bias().setInstrument("MES").setEventTime(start.plusSeconds(60))
                    .setBias(bias).setPreviousBias(previous).setFlip(bias != previous).setClose(open(m + 1)).build());
            produce(stack, Topics.SIG_BARS, "MES", Bar.newBuilder().setInstrument("MES").setIntervalSeconds(60).setStartTime(start)
                    .setEndTime(start.plusSeconds(60)).setOpen(open(m)).setClose(open(m + 1))
                    .setHigh(Math.max(open(m), open(m + 1)) + 0.5).setLow(Math.min(open(m), open(m + 1)) - 0.5)
                    .setVolume(100).setTrades(10).setBidVolume(40).setAskVolume(60).build());
            if (m == 22) { // 10:12 ET: L-a filled
                produce(stack, Topics.SIG_LEVELS, "MES", level("L-a", 6010.0, LevelDirection.LONG, OPEN.plusSeconds(300), start));
            }
            previous = bias;
        }
    }

    /** The entry fill at 09:58:30 ET. */
    static ExecutionReport entry() {
        return Records.fill().setAccount(ACCOUNT).setInstrument("MES").setReportId("m-1").setFillQuantity(1.0).setFillPrice(6002.25)
                .setEventTime(OPEN.plusSeconds(510)).build();
    }

    /** The exit fill (target T1) at 10:14:10 ET. */
    static ExecutionReport exit() {
        return Records.fill().setAccount(ACCOUNT).setInstrument("MES").setReportId("m-2").setFillQuantity(1.0).setSide(Side.SELL)
                .setRole(OrderRole.TARGET).setLegId("T1").setFillPrice(6010.0).setEventTime(OPEN.plusSeconds(24 * 60 + 10)).build();
    }

    /** The sink's market clock: every trade before {@code minutes} after the open has been run. */
    static MarketClock clock(int minutes) {
        return MarketClock.newBuilder().setAccount(ACCOUNT).setSinkId("it").setEventTime(OPEN.plusSeconds(60L * minutes))
                .setReportsPublished(0).setPositionsPublished(0).build();
    }

    /** The open of minute m: up 0.25 a minute for 30 minutes, then down 0.5 a minute. */
    static double open(int m) {
        return m <= 30 ? 6000 + 0.25 * m : 6007.5 - 0.5 * (m - 30);
    }

    private static LiquidityLevel level(String id, double price, LevelDirection direction, Instant created, Instant filled) {
        return LiquidityLevel.newBuilder().setInstrument("MES").setLevelId(id).setPrice(price).setDirection(direction)
                .setOrigin(LevelOrigin.FOOTPRINT_IMBALANCE).setEvent(filled == null ? LevelEvent.CREATED : LevelEvent.FILLED)
                .setCreatedTime(created).setFilledTime(filled).build();
    }
}
