package io.liquidityengine.ingest.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.crypto.JsonFields;
import io.liquidityengine.ingest.crypto.VenueFrame;
import io.liquidityengine.ingest.crypto.VenueQuote;
import io.liquidityengine.ingest.crypto.VenueTrade;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Coinbase Exchange frames as recorded (coinbase_2021-04-17) and as documented, read by the pure parser. */
class CoinbaseParserTest {

    private final CoinbaseParser parser = new CoinbaseParser();

    @Test
    void shouldReadALastMatchWhoseMakerSoldAsABuyAggressor() {
        String frame = "{\"type\":\"last_match\",\"trade_id\":881613,\"maker_order_id\":\"27fff20b-af29-4f45-8744-56dd1ef57dc0\","
                + "\"taker_order_id\":\"1da6ce16-c8da-4732-9f71-6049f4c6aaf8\",\"side\":\"sell\",\"size\":\"0.04\",\"price\":\"14.7775\","
                + "\"product_id\":\"BAND-GBP\",\"sequence\":333938798,\"time\":\"2021-04-17T16:43:30.244075Z\"}";
        assertThat(parser.parse(frame)).isEqualTo(new VenueFrame.Trade(new VenueTrade("BAND-GBP", 881613, new BigDecimal("14.7775"),
                new BigDecimal("0.04"), AggressorSide.BUY, 1618677810_244075L, 1, frame)));
    }

    @Test
    void shouldReadAMatchWhoseMakerBoughtAsASellAggressor() {
        String frame = "{\"type\":\"match\",\"trade_id\":7,\"side\":\"buy\",\"size\":\"1\",\"price\":\"2\",\"product_id\":\"BTC-USD\","
                + "\"sequence\":5,\"time\":\"2021-04-17T16:43:30Z\"}";
        assertThat(((VenueFrame.Trade) parser.parse(frame)).trade().aggressor()).isEqualTo(AggressorSide.SELL);
    }

    @Test
    void shouldReadTheTickerAsAQuoteOnly() {
        String frame = "{\"type\":\"ticker\",\"sequence\":333938798,\"product_id\":\"BAND-GBP\",\"price\":\"14.7775\",\"open_24h\":\"14.6647\","
                + "\"best_bid\":\"14.7550\",\"best_ask\":\"14.8060\",\"side\":\"buy\",\"time\":\"2021-04-17T16:43:30.244075Z\","
                + "\"trade_id\":881613,\"last_size\":\"0.04\"}";
        assertThat(parser.parse(frame)).isEqualTo(new VenueFrame.Quote(new VenueQuote("BAND-GBP", new BigDecimal("14.7550"),
                new BigDecimal("14.8060"))));
    }

    @Test
    void shouldTellAcksErrorsHeartbeatsAndIgnoreOtherTypes() {
        assertThat(parser.parse("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\"BTC-USD\"]}]}"))
                .isEqualTo(new VenueFrame.SubscriptionAck("[{\"name\":\"matches\",\"product_ids\":[\"BTC-USD\"]}]"));
        assertThat(parser.parse("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"XYZ is not a valid product\"}"))
                .isEqualTo(new VenueFrame.VenueError("Failed to subscribe: XYZ is not a valid product"));
        assertThat(parser.parse("{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,\"product_id\":\"BTC-USD\","
                + "\"time\":\"2014-11-07T08:19:28.464459Z\"}")).isEqualTo(new VenueFrame.LastTrade("BTC-USD", 20));
        assertThat(parser.parse("{\"type\":\"status\",\"products\":[]}")).isEqualTo(new VenueFrame.Ignored("status"));
    }

    @Test
    void shouldNameWhatIsWrongWithABadFrame() {
        assertThat(parser.parse("not json")).isInstanceOfSatisfying(VenueFrame.Bad.class,
                b -> assertThat(b.detail()).startsWith("invalid JSON: "));
        assertThat(parser.parse("{\"product_id\":\"BTC-USD\"}")).isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW,
                "missing field 'type'"));
        assertThat(parser.parse("{\"type\":\"match\",\"trade_id\":7,\"side\":\"up\",\"size\":\"1\",\"price\":\"2\",\"product_id\":\"B\","
                + "\"time\":\"2021-04-17T16:43:30Z\"}")).isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW,
                "field 'side' is neither buy nor sell: up"));
        assertThat(parser.parse("{\"type\":\"match\",\"trade_id\":7,\"side\":\"buy\",\"size\":\"1\",\"price\":\"2\",\"product_id\":\"B\","
                + "\"time\":\"yesterday\"}")).isEqualTo(new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW,
                "field 'time' is not an ISO-8601 instant: yesterday"));
    }

    @Test
    void shouldReadARestTradeOfTheProduct() throws Exception {
        String element = "{\"time\":\"2021-04-17T16:43:50.673426Z\",\"trade_id\":1568282,\"price\":\"0.7914\",\"size\":\"310.5\",\"side\":\"sell\"}";
        assertThat(CoinbaseParser.restTrade("SKL-USD", JsonFields.JSON.readTree(element))).isEqualTo(new VenueTrade("SKL-USD", 1568282,
                new BigDecimal("0.7914"), new BigDecimal("310.5"), AggressorSide.BUY, 1618677830_673426L, 1, element));
    }
}
