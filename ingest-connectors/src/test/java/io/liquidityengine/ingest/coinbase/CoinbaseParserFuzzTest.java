package io.liquidityengine.ingest.coinbase;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidityengine.ingest.crypto.VenueFrame;
import io.liquidityengine.ingest.crypto.VenueTrade;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary text through {@link CoinbaseParser}: it never throws, a trade keeps the frame's text as its
 * raw form and has a symbol, a trade count of at least one and exact decimals, and parsing is a pure
 * function (the same text twice gives the same result).
 *
 * <p>In {@code ./mvnw verify} this runs the seeds in {@code CoinbaseParserFuzzTestInputs/parse/} (recorded
 * frames of every kind and broken ones); {@code JAZZER_FUZZ=1} fuzzes, see the module README.
 */
class CoinbaseParserFuzzTest {

    private final CoinbaseParser parser = new CoinbaseParser();

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        VenueFrame frame = parser.parse(text);
        check(frame != null, "null result");
        check(frame.equals(parser.parse(text)), "not a pure function of the text");
        if (frame instanceof VenueFrame.Trade t) {
            VenueTrade trade = t.trade();
            check(trade.raw().equals(text), "raw text changed");
            check(!trade.symbol().isEmpty(), "empty symbol");
            check(trade.tradeCount() == 1, "trade count " + trade.tradeCount());
            check(trade.price().toPlainString().length() <= 200 && trade.size().toPlainString().length() <= 200, "decimal too large");
        } else if (frame instanceof VenueFrame.Quote q) {
            check(!q.quote().symbol().isEmpty(), "empty symbol");
        } else if (frame instanceof VenueFrame.Bad bad) {
            check(bad.detail() != null && !bad.detail().isEmpty(), "no detail");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
