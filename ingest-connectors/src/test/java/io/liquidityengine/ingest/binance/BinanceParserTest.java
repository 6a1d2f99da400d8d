package io.liquidityengine.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.crypto.VenueFrame;
import io.liquidityengine.ingest.crypto.VenueQuote;
import io.liquidityengine.ingest.crypto.VenueTrade;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Binance frames as recorded (binance_spot_2021-04-04 and 2021-08-14) and as documented, read by the pure parser. */
class BinanceParserTest {

    private final BinanceParser parser = new BinanceParser();

    @Test
    void shouldReadAnAggregateTradeWithTheSellerAsAggressorWhenTheBuyerIsTheMaker() {
        String frame = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1617566591315,\"s\":\"BTCUSDT\",\"a\":665076760,"
                + "\"p\":\"58001.03000000\",\"q\":\"0.08620500\",\"f\":745522877,\"l\":745522877,\"T\":1617566591314,\"m\":true,\"M\":true}}";
        VenueFrame parsed = parser.parse(frame);
        assertThat(parsed).isEqualTo(new VenueFrame.Trade(new VenueTrade("BTCUSDT", 665076760L, new BigDecimal("58001.03000000"),
                new BigDecimal("0.08620500"), AggressorSide.SELL, 1617566591314_000L, 1, frame)));
    }

    @Test
    void shouldReadTheBuyerAsAggressorAndCountTheBundledTrades() {
        String frame = "{\"stream\":\"ethusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":2,\"s\":\"ETHUSDT\",\"a\":10,"
                + "\"p\":\"2100.50\",\"q\":\"1.5\",\"f\":100,\"l\":103,\"T\":1617566591000,\"m\":false,\"M\":true}}";
        VenueTrade t = ((VenueFrame.Trade) parser.parse(frame)).trade();
        assertThat(t.aggressor()).isEqualTo(AggressorSide.BUY);
        assertThat(t.tradeCount()).isEqualTo(4);
        assertThat(t.id()).isEqualTo(10);
    }

    @Test
    void shouldReadARawTradeEvent() {
        String frame = "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,"
                + "\"m\":true,\"M\":true}";
        assertThat(parser.parse(frame)).isEqualTo(new VenueFrame.Trade(new VenueTrade("BNBBTC", 12345, new BigDecimal("0.001"),
                new BigDecimal("100"), AggressorSide.SELL, 1672515782136_000L, 1, frame)));
    }

    @Test
    void shouldReadABookTickerWithoutEventTypeByItsStreamName() {
        String frame = "{\"stream\":\"ftmusdt@bookTicker\",\"data\":{\"u\":800360982,\"s\":\"FTMUSDT\",\"b\":\"0.33989000\","
                + "\"B\":\"1565.60000000\",\"a\":\"0.34012000\",\"A\":\"703.00000000\"}}";
        assertThat(parser.parse(frame)).isEqualTo(new VenueFrame.Quote(new VenueQuote("FTMUSDT", new BigDecimal("0.33989000"),
                new BigDecimal("0.34012000"))));
    }

    @Test
    void shouldIgnoreKlines() {
        String frame = "{\"stream\":\"ftmusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1628952396573,\"s\":\"FTMUSDT\",\"k\":{\"t\":1}}}";
        assertThat(parser.parse(frame)).isEqualTo(new VenueFrame.Ignored("kline"));
    }

    @Test
    void shouldTellAcksErrorsAndShutdowns() {
        assertThat(parser.parse("{\"result\":null,\"id\":1}")).isEqualTo(new VenueFrame.SubscriptionAck("id 1, result null"));
        assertThat(parser.parse("{\"code\":2,\"msg\":\"Invalid request: invalid stream name 'X'\",\"id\":1}"))
                .isEqualTo(new VenueFrame.VenueError("code 2: Invalid request: invalid stream name 'X' (request id 1)"));
        assertThat(parser.parse("{\"stream\":\"x\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}"))
                .isEqualTo(new VenueFrame.Reconnect("serverShutdown at 1"));
    }

    @Test
    void shouldNameWhatIsWrongWithABadFrame() {
        assertThat(parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\""))
                .isInstanceOfSatisfying(VenueFrame.Bad.class, b -> {
                    assertThat(b.reason()).isEqualTo(ProblemReason.UNPARSABLE_ROW);
                    assertThat(b.detail()).startsWith("invalid JSON: ");
                });
        assertThat(parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"q\":\"1\","
                + "\"f\":1,\"l\":1,\"T\":1,\"m\":true}}"))
                .isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, "missing field 'p'"));
        assertThat(parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":\"1\",\"p\":\"1\","
                + "\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true}}"))
                .isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, "field 'a' is not a 64-bit integer: \"1\""));
        assertThat(parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1e\","
                + "\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true}}"))
                .isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, "field 'p' is not a decimal: 1e"));
        assertThat(parser.parse("[1,2]")).isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, "not a JSON object"));
        assertThat(parser.parse("{\"a\":1} trailing")).isInstanceOf(VenueFrame.Bad.class);
    }
}
