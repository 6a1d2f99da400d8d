package io.liquidityengine.dtc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.server.DtcOrderEntryTest.LoggedOn;
import io.liquidityengine.dtc.server.DtcOrderEntryTest.Recorder;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code matching=external}: the whole tape is printed, yet orders fill only as far as each account's
 * MatchThroughRequest clock says, and the answer comes after the updates the matching produced. A server
 * matching as its tape prints refuses the request.
 */
class DtcExternalMatchingTest {

    private static final long T0 = 1_733_409_000_000_000L; // 2024-12-05 14:30 UTC
    private static final double[] PRICES = {6000.00, 6000.25, 6000.50, 6001.00, 6002.00, 6002.25, 6002.50, 6003.00};

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private static MarketTape tape() {
        List<TapeTrade> trades = new ArrayList<>();
        for (int i = 0; i < PRICES.length; i++) {
            trades.add(new TapeTrade(T0 + i * 1_000_000L, PRICES[i], 1, 0, PRICES[i] - 0.25, PRICES[i]));
        }
        return new MarketTape("ESZ4", "CME", trades, 0.25);
    }

    private DtcClient client(DtcServer server, String account, Recorder recorder) throws InterruptedException {
        ClientSettings settings = ClientSettings.of("orders-" + account, "127.0.0.1", server.port()).withTradeAccount(account)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        DtcClient client = new DtcClient(settings, DtcCredentials.none(), recorder).start();
        closeables.add(0, client);
        recorder.next(LoggedOn.class);
        return client;
    }

    private static MatchThroughRequest through(int id, String account, long micros) {
        return MatchThroughRequest.builder().requestId(id).symbol("ESZ4").exchange("CME").tradeAccount(account)
                .throughDateTimeMicros(micros).build();
    }

    private static SubmitNewSingleOrder order(String account, String id, int type, double price) {
        return SubmitNewSingleOrder.builder().symbol("ESZ4").exchange("CME").tradeAccount(account).clientOrderId(id)
                .orderType(type).buySell(BuySell.BUY).price1(price).quantity(1).build();
    }

    @Test
    void ordersFillOnlyAsFarAsTheirAccountsClockWithTheAnswerAfterTheUpdates() throws Exception {
        MarketTape tape = tape();
        DtcServer server = DtcServer.start(DtcServer.Settings.defaults().withTradeAccounts(List.of("Sim1", "Sim2"))
                .withOrderRules(new OrderMatcher.Rules(1, OrderMatcher.LimitFill.THROUGH))
                .withMatching(DtcServer.Matching.EXTERNAL), 0).addTape(tape);
        closeables.add(server);
        tape.release(PRICES.length); // the whole day printed at once, as the demo's replay does
        Recorder one = new Recorder();
        DtcClient sim1 = client(server, "Sim1", one);
        Recorder two = new Recorder();
        DtcClient sim2 = client(server, "Sim2", two);

        // Sim1's clock through the second trade: nothing works yet
        sim1.send(through(1, "Sim1", T0 + 1_000_000L));
        MatchThroughResponse first = one.next(MatchThroughResponse.class);
        assertThat(List.of(first.requestId(), first.tradesMatched(), first.rejected())).containsExactly(1, 2, 0);
        assertThat(first.matchedThroughMicros()).isEqualTo(T0 + 1_000_000L);

        // a buy stop at 6002.00 placed now works from the third trade, whatever the tape has printed
        sim1.send(order("Sim1", "stop-1", OrderType.STOP, 6002.00));
        one.update("S1", "stop-1", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        // a market order of Sim2, whose clock has not moved: it works from the first trade of the tape
        sim2.send(order("Sim2", "market-2", OrderType.MARKET, Dtc.UNSET_DOUBLE));
        two.update("S2", "market-2", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);

        sim1.send(through(2, "Sim1", T0 + 3_000_000L)); // 6000.50, 6001.00: the stop is not touched
        MatchThroughResponse second = one.next(MatchThroughResponse.class);
        assertThat(List.of(second.requestId(), second.tradesMatched())).containsExactly(2, 2);
        assertThat(second.matchedThroughMicros()).isEqualTo(T0 + 3_000_000L);

        sim1.send(through(3, "Sim1", T0 + 4_500_000L)); // 6002.00 touches the stop: filled plus one tick of slippage
        OrderUpdate fill = one.update("S1", "stop-1", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED);
        assertThat(fill.lastFillPrice()).isEqualTo(6002.25);
        assertThat(fill.lastFillDateTime()).isEqualTo((T0 + 4_000_000L) / 1000);
        assertThat(one.next(PositionUpdate.class).quantity()).isEqualTo(1.0);
        MatchThroughResponse third = one.next(MatchThroughResponse.class);
        assertThat(List.of(third.requestId(), third.tradesMatched())).containsExactly(3, 1);
        assertThat(third.matchedThroughMicros()).isEqualTo(T0 + 4_000_000L);

        // Sim1's clock did not touch Sim2's order; Sim2's own clock fills it on the first trade of the tape
        sim2.send(through(4, "Sim2", T0));
        OrderUpdate market = two.update("S2", "market-2", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED);
        assertThat(market.lastFillPrice()).isEqualTo(6000.25);
        assertThat(market.lastFillDateTime()).isEqualTo(T0 / 1000);
        two.next(PositionUpdate.class);
        MatchThroughResponse fourth = two.next(MatchThroughResponse.class);
        assertThat(List.of(fourth.requestId(), fourth.tradesMatched())).containsExactly(4, 1);

        // the server's clock is at the requested time: a cancel asked for now happens then, not at the last trade
        sim1.send(order("Sim1", "limit-1", OrderType.LIMIT, 5990.00));
        one.update("S3", "limit-1", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        sim1.send(io.liquidityengine.dtc.message.CancelOrder.builder().serverOrderId("S3").tradeAccount("Sim1").build());
        OrderUpdate cancelled = one.update("S3", "limit-1", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCELED);
        assertThat(Math.round(cancelled.latestTransactionDateTime() * 1_000_000d)).isEqualTo(T0 + 4_500_000L);

        // a clock behind the account's cursor matches nothing; an unknown symbol is refused
        sim1.send(through(5, "Sim1", T0));
        MatchThroughResponse behind = one.next(MatchThroughResponse.class);
        assertThat(List.of(behind.requestId(), behind.tradesMatched(), behind.rejected())).containsExactly(5, 0, 0);
        assertThat(behind.matchedThroughMicros()).isEqualTo(T0 + 4_000_000L);
        sim1.send(through(6, "Sim1", T0).toBuilder().symbol("NQZ4").build());
        MatchThroughResponse unknown = one.next(MatchThroughResponse.class);
        assertThat(List.of(unknown.requestId(), unknown.rejected())).containsExactly(6, 1);
        assertThat(unknown.rejectText()).isEqualTo("unknown symbol NQZ4");
        assertThat(one.events).isEmpty();
        assertThat(two.events).isEmpty();
    }

    @Test
    void aServerMatchingAsItsTapePrintsRefusesTheClock() throws Exception {
        MarketTape tape = tape();
        DtcServer server = DtcServer.start(DtcServer.Settings.defaults(), 0).addTape(tape);
        closeables.add(server);
        Recorder rec = new Recorder();
        DtcClient client = client(server, "Sim1", rec);
        client.send(order("Sim1", "market-1", OrderType.MARKET, Dtc.UNSET_DOUBLE));
        rec.update("S1", "market-1", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);

        client.send(through(1, "Sim1", T0 + 7_000_000L));
        MatchThroughResponse refused = rec.next(MatchThroughResponse.class);
        assertThat(List.of(refused.requestId(), refused.rejected(), refused.tradesMatched())).containsExactly(1, 1, 0);
        assertThat(refused.rejectText()).isEqualTo("this server matches orders as its tapes print (matching=external follows a client's clock)");
        assertThat(rec.events).isEmpty(); // nothing filled: the tape has printed nothing

        tape.release(1); // the print matches, as always on this server
        assertThat(rec.update("S1", "market-1", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED).lastFillPrice()).isEqualTo(6000.00);
    }
}
