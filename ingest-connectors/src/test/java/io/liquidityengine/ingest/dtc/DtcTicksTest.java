package io.liquidityengine.ingest.dtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAskCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator;
import io.liquidityengine.dtc.message.MarketDataUpdateTradeWithUnbundledIndicator2;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.AssetClass;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtcTicksTest {

    private static final InstrumentSpec ES = new InstrumentSpec("ES", "E-mini", AssetClass.FUTURE, 0.25, new BigDecimal("12.50"),
            "USD", 1, ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(17, 0));
    private static final long T = 1_763_130_605_123_000L;

    private final DtcTicks ticks = new DtcTicks(ES, "dtc:test/ESZ5");
    private final List<ParseProblem> problems = new ArrayList<>();

    @Test
    void everyTradeVariantCarriesTheLastQuoteOfItsSymbolAndOthersAreIgnored() {
        assertThat(ticks.trade(MarketDataUpdateTrade.builder().symbolId(1).atBidOrAsk(2).price(6043.25).volume(3).dateTime(T / 1e6).build(), 1))
                .isEqualTo(new DtcTrade(T, 6043.25, 3, 2, Double.NaN, Double.NaN));
        ticks.onSnapshot(MarketDataSnapshot.builder().symbolId(1).bidPrice(6043.0).askPrice(Dtc.UNSET_DOUBLE).build());
        assertThat(ticks.trade(MarketDataUpdateTradeCompact.builder().symbolId(1).atBidOrAsk(1).price(6043f).volume(1f)
                .dateTime(1_763_130_606L).build(), 1)).isEqualTo(new DtcTrade(1_763_130_606_000_000L, 6043.0, 1, 1, 6043.0, Double.NaN));
        assertThat(ticks.trade(MarketDataUpdateBidAsk.builder().symbolId(1).bidPrice(6043.0).askPrice(6043.25).build(), 1)).isNull();
        assertThat(ticks.trade(MarketDataUpdateBidAskCompact.builder().symbolId(2).bidPrice(1f).askPrice(2f).build(), 1)).isNull();
        assertThat(ticks.trade(MarketDataUpdateTradeWithUnbundledIndicator.builder().symbolId(1).atBidOrAsk(2).price(6043.5)
                .volume(4).dateTime(T / 1e6).unbundledTradeIndicator(1).build(), 1))
                .isEqualTo(new DtcTrade(T, 6043.5, 4, 2, 6043.0, 6043.25));
        assertThat(ticks.trade(MarketDataUpdateTradeWithUnbundledIndicator2.builder().symbolId(1).atBidOrAsk(0).price(6043.5f)
                .volume(4).dateTime(T + 456).build(), 1)).isEqualTo(new DtcTrade(T + 456, 6043.5, 4, 0, 6043.0, 6043.25));
        assertThat(ticks.trade(MarketDataUpdateTrade.builder().symbolId(2).price(1).volume(1).build(), 1)).isNull();
    }

    @Test
    void aTradeBecomesATickWithItsAggressorQuoteAndSequence() {
        OutRecord<Tick> record = ticks.toRecord(new DtcTrade(T, 6043.25, 3, 2, 6043.0, 6043.25), 41, problems, "dtc://x", () -> new byte[0]);
        assertThat(problems).isEmpty();
        assertThat(record.topic()).isEqualTo(Topics.MD_TICKS);
        assertThat(record.key()).isEqualTo("ES");
        assertThat(record.timestampMillis()).isEqualTo(T / 1000);
        Tick tick = record.value();
        assertThat(Micros.of(tick.getEventTime())).isEqualTo(T);
        assertThat(tick.getPrice()).isEqualTo(6043.25);
        assertThat(tick.getSize()).isEqualTo(3.0);
        assertThat(tick.getAggressor()).isEqualTo(AggressorSide.BUY);
        assertThat(tick.getBid()).isEqualTo(6043.0);
        assertThat(tick.getAsk()).isEqualTo(6043.25);
        assertThat(tick.getSource()).isEqualTo("dtc:test/ESZ5");
        assertThat(tick.getSourceSequence()).isEqualTo(41);
        Tick historical = ticks.toRecord(new DtcTrade(T, 6043.0, 1, 1), 42, problems, "dtc://x", () -> new byte[0]).value();
        assertThat(historical.getAggressor()).isEqualTo(AggressorSide.SELL);
        assertThat(historical.getBid()).isNull();
        assertThat(historical.getAsk()).isNull();
        assertThat(ticks.toRecord(new DtcTrade(T, 6043.0, 1, 0), 43, problems, "dtc://x", () -> new byte[0]).value().getAggressor())
                .isEqualTo(AggressorSide.UNKNOWN);
    }

    @Test
    void aPriceOffTheGridOrAnImpossibleSizeIsAProblemWithTheTradesBytes() {
        byte[] raw = {1, 2, 3};
        assertThat(ticks.toRecord(new DtcTrade(T, 6043.1, 1, 2), 7, problems, "dtc://x/ESZ5", () -> raw)).isNull();
        assertThat(ticks.toRecord(new DtcTrade(T, 6043.0, 0, 2), 8, problems, "dtc://x/ESZ5", () -> raw)).isNull();
        assertThat(ticks.toRecord(new DtcTrade(T, Double.NaN, 1, 2), 9, problems, "dtc://x/ESZ5", () -> raw)).isNull();
        assertThat(problems).extracting(ParseProblem::reason)
                .containsExactly(ProblemReason.OFF_TICK_GRID, ProblemReason.INVALID_VALUE, ProblemReason.INVALID_VALUE);
        assertThat(problems.get(0).detail()).isEqualTo("trade 7: price 6043.1 is not on the ES tick grid 0.25");
        assertThat(problems.get(0).position()).isEqualTo(7);
        assertThat(problems.get(0).origin()).isEqualTo("dtc://x/ESZ5");
        assertThat(problems.get(0).raw()).containsExactly(1, 2, 3);
    }
}
