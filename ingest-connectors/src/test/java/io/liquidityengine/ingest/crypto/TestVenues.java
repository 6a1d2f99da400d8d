package io.liquidityengine.ingest.crypto;

import io.liquidityengine.exchangesim.ExchangeSimulator;
import io.liquidityengine.ingest.binance.BinanceStream;
import io.liquidityengine.ingest.binance.BinanceVenue;
import io.liquidityengine.ingest.coinbase.CoinbaseVenue;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.reference.AssetClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruments of the recorded sessions (tick and quantity steps as fine as the recordings' own
 * decimals) and crypto sources pointed at a simulator, for tests without Kafka.
 */
public final class TestVenues {

    /** Venue symbol -> {tick size, quantity step}. */
    public static final Map<String, double[]> STEPS = Map.ofEntries(
            Map.entry("BTCUSDT", new double[] {0.01, 0.000001}), Map.entry("DOTUSDT", new double[] {0.0001, 0.01}),
            Map.entry("ETHUSDT", new double[] {0.01, 0.00001}), Map.entry("SWRVBUSD", new double[] {0.001, 0.001}),
            Map.entry("VETETH", new double[] {0.00000001, 1}), Map.entry("AAVEUPUSDT", new double[] {0.001, 0.01}),
            Map.entry("BUSDTRY", new double[] {0.01, 0.01}), Map.entry("GTOBTC", new double[] {0.00000001, 1}),
            Map.entry("PERLBNB", new double[] {0.000001, 1}), Map.entry("ONTTRY", new double[] {0.01, 1}),
            Map.entry("FTMUSDT", new double[] {0.00001, 0.1}), Map.entry("XMRBTC", new double[] {0.000001, 0.001}),
            Map.entry("SXPBTC", new double[] {0.00000001, 1}), Map.entry("BADGERBTC", new double[] {0.0000001, 0.01}),
            Map.entry("NKNUSDT", new double[] {0.0001, 1}), Map.entry("LRCBTC", new double[] {0.00000001, 1}),
            Map.entry("BLZETH", new double[] {0.00000001, 1}), Map.entry("RUNEEUR", new double[] {0.001, 0.01}),
            Map.entry("BAND-GBP", new double[] {0.0001, 0.01}), Map.entry("SKL-GBP", new double[] {0.0001, 0.1}),
            Map.entry("NU-GBP", new double[] {0.0001, 0.001}), Map.entry("YFI-BTC", new double[] {0.00001, 0.000001}),
            Map.entry("SKL-BTC", new double[] {0.00000001, 0.1}), Map.entry("CRV-EUR", new double[] {0.0001, 0.01}),
            Map.entry("BAND-BTC", new double[] {0.00000001, 0.01}), Map.entry("DASH-BTC", new double[] {0.00000001, 0.001}),
            Map.entry("NMR-EUR", new double[] {0.0001, 0.001}), Map.entry("SKL-USD", new double[] {0.0001, 0.1}),
            Map.entry("NOPE-USD", new double[] {0.01, 0.01}), Map.entry("BNBBTC", new double[] {0.000001, 0.01}));

    private TestVenues() {
    }

    /** A crypto instrument (UTC, around the clock) named like the venue symbol. */
    public static InstrumentSpec instrument(String symbol) {
        double[] steps = STEPS.get(symbol);
        return new InstrumentSpec(symbol, "test " + symbol, AssetClass.CRYPTO, steps[0], BigDecimal.valueOf(steps[0]), "USD", steps[1],
                ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public static Map<String, InstrumentSpec> instruments(List<String> symbols) {
        Map<String, InstrumentSpec> out = new LinkedHashMap<>();
        symbols.forEach(s -> out.put(s, instrument(s)));
        return out;
    }

    /** Settings for a simulator: quick reconnects, short REST waits. */
    public static CryptoSettings settings(ExchangeSimulator sim, List<String> symbols) {
        return new CryptoSettings(URI.create(sim.wsUrl()), URI.create(sim.restUrl()), symbols, Duration.ofSeconds(20),
                Duration.ofSeconds(60), Duration.ofHours(23), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    public static CryptoMarketDataSource binance(String id, ExchangeSimulator sim, List<String> symbols) {
        return binance(id, settings(sim, symbols));
    }

    public static CryptoMarketDataSource binance(String id, CryptoSettings settings) {
        RestClient rest = new RestClient(settings.restTimeout(), settings.restMaxWait(), 10, s -> { });
        return new CryptoMarketDataSource(id, new BinanceVenue(settings, BinanceStream.AGG_TRADE, rest), settings,
                instruments(settings.symbols()), new SimpleMeterRegistry());
    }

    public static CryptoMarketDataSource coinbase(String id, ExchangeSimulator sim, List<String> symbols) {
        CryptoSettings settings = settings(sim, symbols);
        RestClient rest = new RestClient(settings.restTimeout(), settings.restMaxWait(), 10, s -> { });
        return new CryptoMarketDataSource(id, new CoinbaseVenue(settings, rest), settings, instruments(symbols), new SimpleMeterRegistry());
    }
}
