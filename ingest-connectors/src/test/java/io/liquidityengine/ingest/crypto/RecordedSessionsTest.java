package io.liquidityengine.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.CoinbaseSimulator;
import io.liquidityengine.exchangesim.ExchangeSimulator;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorded sessions of {@code src/test/resources/exchanges/} (copied from the project's data set with
 * their {@code facts.json}), replayed by the simulator over a real websocket into the source: the ticks
 * match the facts exactly (count, first and last trade, total size, aggressor split, per symbol counts,
 * sizes, sides and id ranges), with no dead letter.
 */
class RecordedSessionsTest {

    private static JsonNode facts(String name) throws Exception {
        try (InputStream in = RecordedSessionsTest.class.getResourceAsStream("/exchanges/facts.json")) {
            return JsonFields.JSON.readTree(in).get("files").get(name);
        }
    }

    /** Every symbol a recording has data of, in order of appearance. */
    private static List<String> symbols(RecordedFrames frames) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (RecordedFrames.Frame f : frames.frames()) {
            JsonNode n = JsonFields.JSON.readTree(f.text());
            JsonNode data = n.has("data") ? n.get("data") : n;
            String s = data.has("s") ? data.get("s").asText() : data.path("product_id").asText("");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return new ArrayList<>(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binance_spot_2021-04-04", "binance_spot_2021-04-17", "binance_spot_2021-08-14", "binance_spot_2021-10-12",
            "coinbase_2021-04-17"})
    void shouldPublishEveryRecordedTradeAsTheFactsSay(String name) throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/" + name);
        JsonNode facts = facts(name);
        assertThat(frames.size()).isEqualTo(facts.get("frames").asInt());
        boolean binance = name.startsWith("binance");
        List<String> symbols = symbols(frames);
        try (ExchangeSimulator sim = binance ? BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0)
                : CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0);
             CryptoMarketDataSource source = binance ? TestVenues.binance("facts", sim, symbols) : TestVenues.coinbase("facts", sim, symbols)) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.subscriptions() == 1 && source.framesRead() == 1, "subscription ack");
            assertThat(sim.releaseAll()).isEqualTo(frames.size());
            long sent = sim.framesSent();
            pump.until(() -> source.framesRead() == sent, "all " + sent + " frames read");

            assertThat(pump.problems).isEmpty();
            List<Tick> ticks = pump.ticks;
            assertThat(ticks).hasSize(facts.get("trade_messages").asInt());
            assertTrade(ticks.get(0), facts.get("first_trade"), binance);
            assertTrade(ticks.get(ticks.size() - 1), facts.get("last_trade"), binance);
            BigDecimal total = ticks.stream().map(t -> BigDecimal.valueOf(t.getSize())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo(facts.get(binance ? "sum_size_all_symbols" : "sum_size_all_products").asText());

            JsonNode perSymbol = facts.get(binance ? "per_symbol_trades" : "per_product_trades");
            Map<String, List<Tick>> bySymbol = ticks.stream().collect(Collectors.groupingBy(t -> t.getInstrument().toString(),
                    TreeMap::new, Collectors.toList()));
            assertThat(bySymbol.keySet()).containsExactlyInAnyOrderElementsOf(iterable(perSymbol.fieldNames()));
            for (Map.Entry<String, List<Tick>> e : bySymbol.entrySet()) {
                JsonNode f = perSymbol.get(e.getKey());
                List<Tick> ts = e.getValue();
                String at = name + " " + e.getKey();
                assertThat(ts).as(at).hasSize(f.get("trades").asInt());
                assertThat(ts.stream().map(t -> BigDecimal.valueOf(t.getSize())).reduce(BigDecimal.ZERO, BigDecimal::add)).as(at)
                        .isEqualByComparingTo(f.get("sum_size").asText());
                assertThat(ts.stream().filter(t -> t.getAggressor() == AggressorSide.BUY).count()).as(at)
                        .isEqualTo(f.get("buy_aggressor").asLong());
                assertThat(ts.stream().filter(t -> t.getAggressor() == AggressorSide.SELL).count()).as(at)
                        .isEqualTo(f.get("sell_aggressor").asLong());
                JsonNode ids = f.get(binance ? "agg_id" : "trade_id");
                for (int i = 0; i < ts.size(); i++) {
                    assertThat(ts.get(i).getSourceSequence()).as(at + " trade " + i).isEqualTo(ids.get("min").asLong() + i);
                }
                assertThat(ts.get(ts.size() - 1).getSourceSequence()).as(at).isEqualTo(ids.get("max").asLong());
                if (binance) {
                    // aggregates cover the underlying trade ids f..l without a break
                    JsonNode underlying = f.get("underlying_trade_ids");
                    assertThat(ts.stream().mapToLong(Tick::getTradeCount).sum()).as(at)
                            .isEqualTo(underlying.get(1).asLong() - underlying.get(0).asLong() + 1);
                }
            }
            if (name.equals("binance_spot_2021-04-04")) {
                // bookTicker was not subscribed in that recording: no quotes
                assertThat(ticks).allSatisfy(t -> assertThat(t.getBid()).isNull());
            }
        }
    }

    private static void assertTrade(Tick tick, JsonNode trade, boolean binance) {
        assertThat(tick.getInstrument()).isEqualTo(trade.get("symbol").asText());
        assertThat(tick.getSourceSequence()).isEqualTo(trade.get("id").asLong());
        assertThat(BigDecimal.valueOf(tick.getPrice())).isEqualByComparingTo(trade.get("price").asText());
        assertThat(BigDecimal.valueOf(tick.getSize())).isEqualByComparingTo(trade.get("size").asText());
        assertThat(tick.getAggressor()).isEqualTo(AggressorSide.valueOf(trade.get("aggressor").asText()));
        long micros = binance ? trade.get("trade_time_ms").asLong() * 1000 : Micros.of(Instant.parse(trade.get("time").asText()));
        assertThat(Micros.of(tick.getEventTime())).isEqualTo(micros);
        assertThat(tick.getSource()).isEqualTo(binance ? "ws:binance" : "ws:coinbase");
        if (binance) {
            assertThat((long) tick.getTradeCount()).isEqualTo(trade.get("last_trade_id").asLong() - trade.get("first_trade_id").asLong() + 1);
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
