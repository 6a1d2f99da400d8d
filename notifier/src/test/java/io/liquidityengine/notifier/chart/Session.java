package io.liquidityengine.notifier.chart;

import io.liquidityengine.notifier.message.Records;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Instant;

/**
 * A hand-made ES session on 2024-12-05 (09:30 ET = 14:30 UTC): 1-minute bars whose prices are a fixed
 * function of the minute, bias LONG for minutes 0-29, SHORT 30-59, HOLD after, extended in minutes 40-44.
 */
final class Session {

    static final Instant OPEN = Instant.parse("2024-12-05T14:30:00Z");

    private Session() {
    }

    /** The open of minute {@code i}: a rise of 0.5 a minute for 30 minutes, then a fall, then flat-ish. */
    static double open(int i) {
        double base = i < 30 ? 6000 + 0.5 * i : i < 60 ? 6015 - 0.75 * (i - 30) : 5992.5 + 0.25 * (i % 4);
        return base;
    }

    static Bar bar(int i) {
        return bar(i, 60);
    }

    static Bar bar(int i, int seconds) {
        double o = open(i);
        double c = open(i + 1);
        return Bar.newBuilder().setInstrument("ES").setIntervalSeconds(seconds).setStartTime(OPEN.plusSeconds(60L * i))
                .setEndTime(OPEN.plusSeconds(60L * i + seconds)).setOpen(o).setClose(c).setHigh(Math.max(o, c) + 1.25)
                .setLow(Math.min(o, c) - 1.0).setVolume(100 + i).setTrades(10).setBidVolume(50).setAskVolume(50 + i).build();
    }

    static BiasValue biasOf(int i) {
        return i < 30 ? BiasValue.LONG : i < 60 ? BiasValue.SHORT : BiasValue.HOLD;
    }

    /** The bias after the last base bar of minute {@code i} (event time = the minute's end). */
    static Bias bias(int i) {
        return Records.bias().setEventTime(OPEN.plusSeconds(60L * (i + 1))).setBias(biasOf(i)).setFlip(false)
                .setExtended(i >= 40 && i <= 44).setClose(open(i + 1)).build();
    }

    static LiquidityLevel level(String id, double price, LevelEvent event, int createdMinute, Integer filledMinute) {
        return LiquidityLevel.newBuilder().setInstrument("ES").setLevelId(id).setPrice(price).setEvent(event)
                .setDirection(price > 6005 ? LevelDirection.LONG : LevelDirection.SHORT).setOrigin(LevelOrigin.FOOTPRINT_IMBALANCE)
                .setCreatedTime(OPEN.plusSeconds(60L * createdMinute))
                .setFilledTime(filledMinute == null ? null : OPEN.plusSeconds(60L * filledMinute)).build();
    }

    static io.liquidityengine.schemas.reference.Instrument instrument(String symbol, String zone, java.time.LocalTime close) {
        return io.liquidityengine.schemas.reference.Instrument.newBuilder().setSymbol(symbol).setAssetClass(io.liquidityengine.schemas.reference.AssetClass.FUTURE).setTickSize(0.25)
                .setTickValue(new java.math.BigDecimal("12.500000")).setCurrency("USD").setTimeZone(zone)
                .setSessionOpen(java.time.LocalTime.of(17, 0)).setSessionClose(close).build();
    }

    static ExecutionReport fill(String id, int second, double price, Side side, OrderRole role) {
        return Records.fill().setReportId(id).setEventTime(OPEN.plusSeconds(second)).setFillPrice(price).setSide(side).setRole(role)
                .setExecType(ExecType.FILLED).setFillQuantity(2.0).build();
    }
}
