package io.liquidityengine.backtest.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.Tick;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class BarPathTest {

    private static final Instant START = Instant.parse("2023-09-25T13:30:00Z");

    private static Bar bar(double open, double high, double low, double close, double volume) {
        return Bar.newBuilder().setInstrument("ES").setIntervalSeconds(60).setStartTime(START).setEndTime(START.plusSeconds(60))
                .setOpen(open).setHigh(high).setLow(low).setClose(close).setVolume(volume).setTrades(0).setBidVolume(0).setAskVolume(0)
                .setFootprint(List.of()).setStudies(Map.of()).setSource(BarSource.IMPORTED).build();
    }

    @Test
    void shouldGoFromTheOpenToTheNearerExtremeThenTheOtherThenTheCloseInsideTheBar() {
        List<Tick> path = BarPath.trades(bar(4348.25, 4350.75, 4347.25, 4349.25, 13_387));

        assertThat(path).extracting(Tick::getPrice).containsExactly(4348.25, 4347.25, 4350.75, 4349.25);
        assertThat(path).extracting(Tick::getEventTime).containsExactly(START, START.plusSeconds(15), START.plusSeconds(30),
                START.plusSeconds(45));
        assertThat(path).extracting(Tick::getSize).containsOnly(3_346.0);
        assertThat(path).extracting(Tick::getInstrument, Tick::getSource).containsOnly(Tuple.tuple("ES", "bar-path"));
    }

    @Test
    void shouldTakeTheHighFirstWhenItIsNearerOrAsNearAsTheLow() {
        assertThat(BarPath.trades(bar(4349.00, 4350.00, 4347.00, 4348.00, 2))).extracting(Tick::getPrice)
                .containsExactly(4349.00, 4350.00, 4347.00, 4348.00);
        assertThat(BarPath.trades(bar(4349.00, 4350.00, 4348.00, 4348.00, 2))).extracting(Tick::getPrice)
                .containsExactly(4349.00, 4350.00, 4348.00, 4348.00);
        assertThat(BarPath.trades(bar(4349.00, 4350.00, 4348.00, 4348.00, 2))).extracting(Tick::getSize).containsOnly(1.0);
    }
}
