package io.liquidityengine.ingest.binance;

/** Which Binance trade stream a source takes: aggregate trades (the default) or single trades. */
public enum BinanceStream {
    /** {@code <symbol>@aggTrade}, ids {@code a}; gaps filled from {@code GET /api/v3/aggTrades}. */
    AGG_TRADE("aggTrade", "/api/v3/aggTrades"),
    /** {@code <symbol>@trade}, ids {@code t}; gaps filled from {@code GET /api/v3/historicalTrades}. */
    TRADE("trade", "/api/v3/historicalTrades");

    private final String streamSuffix;
    private final String historyPath;

    BinanceStream(String streamSuffix, String historyPath) {
        this.streamSuffix = streamSuffix;
        this.historyPath = historyPath;
    }

    public String streamSuffix() {
        return streamSuffix;
    }

    public String historyPath() {
        return historyPath;
    }

    /** {@code aggTrade} or {@code trade}, as configured. */
    public static BinanceStream of(String name) {
        for (BinanceStream s : values()) {
            if (s.streamSuffix.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Binance stream must be aggTrade or trade, got '" + name + "'");
    }
}
