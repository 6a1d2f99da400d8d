package io.liquidityengine.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day's realized P&L per account as the risk stage counts it, and the loss limit, as gauges. */
class DayPnlMetersTest {

    /** Thursday 2024-12-05 10:30 New York: trading day 12-05. */
    private static final Instant THURSDAY = Instant.parse("2024-12-05T15:30:00Z");
    /** 18:00 New York the same evening: ES's session opens, trading day 12-06. */
    private static final Instant EVENING = Instant.parse("2024-12-05T23:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DayPnlMeters meters = new DayPnlMeters(registry, List.of("paper"), new BigDecimal("3000"));

    @Test
    void shouldSumTheChangesOfTheDaysPositionsAndStartTheNextDayAtZero() {
        assertThat(pnl()).isEqualTo(0.0);
        assertThat(registry.get("engine.risk.daily.loss.limit").tag("account", "paper").gauge().value()).isEqualTo(3000.0);
        // a position record before its instrument's reference data waits for it
        meters.position(position("paper", "B1", "-1250", THURSDAY));
        assertThat(pnl()).isEqualTo(0.0);
        meters.instrument(es());
        assertThat(pnl()).isEqualTo(-1250.0);
        // B1's later records carry its total so far: only the change counts; B2 adds; another account does not
        meters.position(position("paper", "B1", "-1500", THURSDAY.plusSeconds(60)));
        meters.position(position("paper", "B2", "-1600", THURSDAY.plusSeconds(120)));
        meters.position(position("other", "B9", "-9000", THURSDAY.plusSeconds(120)));
        assertThat(pnl()).isEqualTo(-3100.0);
        assertThat(registry.find("engine.risk.day.realized.pnl").tag("account", "other").gauge()).isNull();
        // the first bar of the next trading day (ES: the 18:00 open) starts it at zero; B1 closing then counts for that day
        meters.bar(bar(EVENING));
        assertThat(pnl()).isEqualTo(0.0);
        meters.position(position("paper", "B1", "-1400", EVENING.plusSeconds(5)));
        assertThat(pnl()).isEqualTo(100.0);
        // a late record of the previous day does not go back to it
        meters.position(position("paper", "B2", "-1700", THURSDAY.plusSeconds(180)));
        assertThat(pnl()).isEqualTo(100.0);
    }

    private double pnl() {
        return registry.get("engine.risk.day.realized.pnl").tag("account", "paper").gauge().value();
    }

    private static Instrument es() {
        return Instrument.newBuilder().setSymbol("ES").setAssetClass(AssetClass.FUTURE).setTickSize(0.25)
                .setTickValue(new BigDecimal("12.500000")).setCurrency("USD").setTimeZone("America/New_York")
                .setSessionOpen(LocalTime.of(18, 0)).setSessionClose(LocalTime.of(17, 0)).build();
    }

    private static Position position(String account, String id, String pnl, Instant time) {
        return Position.newBuilder().setPositionId(id).setAccount(account).setInstrument("ES").setStatus(PositionStatus.OPEN)
                .setSide(Side.BUY).setQuantity(1).setAverageEntryPrice(6000.25).setRealizedTicks(0)
                .setRealizedPnl(new BigDecimal(pnl).setScale(6)).setCommission(BigDecimal.ZERO.setScale(6)).setCurrency("USD")
                .setOpenedTime(THURSDAY).setEventTime(time).build();
    }

    private static Bar bar(Instant end) {
        return Bar.newBuilder().setInstrument("ES").setIntervalSeconds(5).setStartTime(end.minusSeconds(5)).setEndTime(end)
                .setOpen(6000).setHigh(6001).setLow(5999).setClose(6000.5).setVolume(10).setTrades(3).setBidVolume(4).setAskVolume(6)
                .setFootprint(List.of()).setStudies(Map.of()).setSource(BarSource.TICKS).build();
    }
}
