package io.liquidityengine.dtc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.OpenClose;
import io.liquidityengine.dtc.message.OpenOrdersReject;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TradeAccountResponse;
import io.liquidityengine.dtc.message.TradeAccountsRequest;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.dtc.session.SessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Order entry over a DtcClient session on loopback: a bracket (held parent + OCO with a parent
 * trigger) filled by released trades, cancel/replace, cancel, rejects, another session of the
 * account seeing the same updates, and after a reconnect the same open orders, positions and fills.
 * Every message a client gets is asserted in order: the server sends nothing else without a
 * market-data subscription (heartbeats stay inside DtcClient).
 */
class DtcOrderEntryTest {

    private static final long T0 = 1_733_409_000_000_000L; // 2024-12-05 14:30 UTC
    private static final double[] PRICES = {6000.00, 6000.25, 6000.50, 6001.00, 6002.00, 6002.25, 6002.50, 6003.00};

    private final List<AutoCloseable> closeables = new ArrayList<>();

    record LoggedOn(long connection, LogonResponse response) { }

    record Disconnected(long connection, String reason) { }

    /** What one client heard, in order. */
    static final class Recorder implements SessionListener {
        final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void onLoggedOn(long connection, LogonResponse response) {
            events.add(new LoggedOn(connection, response));
        }

        @Override
        public void onMessage(long connection, DtcMessage message) {
            events.add(message);
        }

        @Override
        public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
            events.add("protocol error at " + offset + ": " + detail);
        }

        @Override
        public void onDisconnected(long connection, String reason) {
            events.add(new Disconnected(connection, reason));
        }

        /** The next event, which must be a {@code type}. */
        <T> T next(Class<T> type) throws InterruptedException {
            Object e = events.poll(15, TimeUnit.SECONDS);
            assertThat(e).as("the next event, a " + type.getSimpleName()).isInstanceOf(type);
            return type.cast(e);
        }

        OrderUpdate update(String serverOrderId, String clientOrderId, int status, int reason) throws InterruptedException {
            OrderUpdate u = next(OrderUpdate.class);
            assertThat(List.of(u.serverOrderId(), u.clientOrderId(), OrderStatus.name(u.orderStatus()),
                    OrderUpdateReason.name(u.orderUpdateReason())))
                    .as("order update %s", u)
                    .containsExactly(serverOrderId, clientOrderId, OrderStatus.name(status), OrderUpdateReason.name(reason));
            return u;
        }
    }

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

    private DtcClient client(DtcServer server, String account, Recorder recorder) {
        ClientSettings settings = ClientSettings.of("orders-" + account, "127.0.0.1", server.port()).withTradeAccount(account)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        DtcClient client = new DtcClient(settings, DtcCredentials.none(), recorder).start();
        closeables.add(0, client);
        return client;
    }

    private static SubmitNewSingleOrder.Builder single(String clientOrderId, int type, int side, double price, double quantity) {
        return SubmitNewSingleOrder.builder().symbol("ESZ4").exchange("CME").tradeAccount("Sim1").clientOrderId(clientOrderId)
                .orderType(type).buySell(side).price1(price).quantity(quantity);
    }

    @Test
    void aBracketFillsAgainstTheTapeAndOrdersFillsAndPositionsSurviveAReconnect() throws Exception {
        MarketTape tape = tape();
        DtcServer server = DtcServer.start(DtcServer.Settings.defaults().withTradeAccounts(List.of("Sim1", "Sim2"))
                .withOrderRules(new OrderMatcher.Rules(1, OrderMatcher.LimitFill.THROUGH)), 0).addTape(tape);
        closeables.add(server);
        tape.release(1); // 6000.00 printed before any order

        Recorder rec = new Recorder();
        DtcClient client = client(server, "Sim1", rec);
        LogonResponse logon = rec.next(LoggedOn.class).response();
        assertThat(List.of(logon.tradingIsSupported(), logon.ocoOrdersSupported(), logon.orderCancelReplaceSupported(),
                logon.bracketOrdersSupported())).containsExactly(1, 1, 1, 1);
        Recorder watcher = new Recorder();
        DtcClient watching = client(server, "Sim1", watcher);
        watcher.next(LoggedOn.class);

        // the bracket: a market entry held as a parent, then its OCO target and stop
        client.send(single("entry-1", OrderType.MARKET, BuySell.BUY, Dtc.UNSET_DOUBLE, 2).isParentOrder(1).build());
        OrderUpdate held = rec.update("S1", "entry-1", OrderStatus.PENDING_OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        assertThat(held.infoText()).isEqualTo("parent order: held until its OCO order arrives");
        assertThat(held.price1()).isEqualTo(Dtc.UNSET_DOUBLE);
        assertThat(held.orderQuantity()).isEqualTo(2.0);
        assertThat(held.orderReceivedDateTime()).isEqualTo(T0 / 1000);
        tape.release(1); // 6000.25: the held parent does not fill
        client.send(SubmitNewOCOOrder.builder().symbol("ESZ4").exchange("CME").tradeAccount("Sim1")
                .clientOrderId_1("target-1").orderType_1(OrderType.LIMIT).buySell_1(BuySell.SELL).price1_1(6002.00).quantity_1(2)
                .clientOrderId_2("stop-1").orderType_2(OrderType.STOP).buySell_2(BuySell.SELL).price1_2(5998.00).quantity_2(2)
                .parentTriggerClientOrderId("entry-1").build());
        OrderUpdate target = rec.update("S2", "target-1", OrderStatus.PENDING_CHILD, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        assertThat(List.of(target.parentServerOrderId(), target.ocoLinkedOrderServerOrderId(), target.infoText()))
                .containsExactly("S1", "S3", "accepted: waits for parent S1 to fill");
        assertThat(target.price1()).isEqualTo(6002.00);
        OrderUpdate stop = rec.update("S3", "stop-1", OrderStatus.PENDING_CHILD, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        assertThat(stop.ocoLinkedOrderServerOrderId()).isEqualTo("S2");
        assertThat(rec.update("S1", "entry-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE).infoText())
                .isEqualTo("bracket complete: working");

        tape.release(1); // 6000.50: the entry fills at the next trade plus one tick; the legs start working
        OrderUpdate entryFill = rec.update("S1", "entry-1", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED);
        assertThat(List.of(entryFill.lastFillPrice(), entryFill.averageFillPrice(), entryFill.filledQuantity(),
                entryFill.remainingQuantity(), entryFill.lastFillQuantity())).containsExactly(6000.75, 6000.75, 2.0, 0.0, 2.0);
        assertThat(entryFill.lastFillExecutionId()).isEqualTo("S1-1");
        assertThat(entryFill.lastFillDateTime()).isEqualTo((T0 + 2_000_000L) / 1000);
        assertThat(entryFill.tradeAccount()).isEqualTo("Sim1");
        PositionUpdate position = rec.next(PositionUpdate.class);
        assertThat(List.of(position.quantity(), position.averagePrice())).containsExactly(2.0, 6000.75);
        assertThat(List.of(position.unsolicited(), position.totalNumberMessages(), position.messageNumber()))
                .containsExactly(1, 1, 1);
        rec.update("S2", "target-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE);
        assertThat(rec.update("S3", "stop-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE).infoText())
                .isEqualTo("parent S1 filled: working");

        // the other session of the account saw the same, in the same order
        watcher.update("S1", "entry-1", OrderStatus.PENDING_OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        watcher.update("S2", "target-1", OrderStatus.PENDING_CHILD, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        watcher.update("S3", "stop-1", OrderStatus.PENDING_CHILD, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        watcher.update("S1", "entry-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE);
        assertThat(watcher.update("S1", "entry-1", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED).lastFillPrice()).isEqualTo(6000.75);
        assertThat(watcher.next(PositionUpdate.class).quantity()).isEqualTo(2.0);
        watcher.update("S2", "target-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE);
        watcher.update("S3", "stop-1", OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE);
        watching.close();

        // raise the stop
        client.send(CancelReplaceOrder.builder().serverOrderId("S3").clientOrderId("stop-1").price1(5999.00).price2IsSet(0).build());
        OrderUpdate replaced = rec.update("S3", "stop-1", OrderStatus.OPEN, OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE);
        assertThat(replaced.price1()).isEqualTo(5999.00);
        assertThat(replaced.infoText()).isEqualTo("replaced: price 5998.0 -> 5999.0");

        // 6001.00 nothing, 6002.00 at the target (not through it), 6002.25 through: target at 6002.00, stop canceled
        tape.release(3);
        OrderUpdate targetFill = rec.update("S2", "target-1", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED);
        assertThat(targetFill.lastFillPrice()).isEqualTo(6002.00);
        assertThat(targetFill.lastFillDateTime()).isEqualTo((T0 + 5_000_000L) / 1000);
        assertThat(targetFill.lastFillExecutionId()).isEqualTo("S2-1");
        PositionUpdate flat = rec.next(PositionUpdate.class);
        assertThat(List.of(flat.quantity(), flat.averagePrice())).containsExactly(0.0, 0.0);
        assertThat(rec.update("S3", "stop-1", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCELED).infoText())
                .isEqualTo("OCO: linked order S2 filled");

        // a limit order: replaced by client order id (price and quantity), canceled, canceled again, an unknown one
        client.send(single("limit-1", OrderType.LIMIT, BuySell.BUY, 5995.00, 1).build());
        rec.update("S4", "limit-1", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        client.send(CancelReplaceOrder.builder().clientOrderId("limit-1").tradeAccount("Sim1").price1(5996.00).quantity(3).build());
        OrderUpdate modified = rec.update("S4", "limit-1", OrderStatus.OPEN, OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE);
        assertThat(List.of(modified.price1(), modified.orderQuantity(), modified.remainingQuantity())).containsExactly(5996.0, 3.0, 3.0);
        client.send(CancelOrder.builder().clientOrderId("limit-1").build());
        assertThat(rec.update("S4", "limit-1", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCELED).infoText())
                .isEqualTo("canceled by the client");
        client.send(CancelOrder.builder().serverOrderId("S4").build());
        assertThat(rec.update("S4", "limit-1", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCEL_REJECTED).infoText())
                .isEqualTo("order S4 is already CANCELED");
        client.send(CancelOrder.builder().serverOrderId("S99").clientOrderId("ghost").build());
        assertThat(rec.update("", "ghost", OrderStatus.REJECTED, OrderUpdateReason.ORDER_CANCEL_REJECTED).infoText())
                .isEqualTo("unknown order S99 in account Sim1");

        // a client order id the account already used, and an order type the server does not fill
        client.send(single("entry-1", OrderType.MARKET, BuySell.BUY, Dtc.UNSET_DOUBLE, 2).build());
        OrderUpdate duplicate = rec.update("", "entry-1", OrderStatus.REJECTED, OrderUpdateReason.NEW_ORDER_REJECTED);
        assertThat(duplicate.infoText()).isEqualTo("ClientOrderID entry-1 was already used in account Sim1 (order S1)");
        assertThat(List.of(duplicate.symbol(), duplicate.tradeAccount())).containsExactly("ESZ4", "Sim1");
        client.send(single("sl-1", OrderType.STOP_LIMIT, BuySell.BUY, 6005.00, 1).price2(6005.25).build());
        assertThat(rec.update("", "sl-1", OrderStatus.REJECTED, OrderUpdateReason.NEW_ORDER_REJECTED).infoText())
                .isEqualTo("order type STOP_LIMIT is not supported (MARKET, LIMIT and STOP are)");

        // an order left open, and a market buy filled at 6002.50 + 1 tick
        client.send(single("open-1", OrderType.LIMIT, BuySell.SELL, 6010.00, 1).build());
        rec.update("S5", "open-1", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        client.send(single("mkt-2", OrderType.MARKET, BuySell.BUY, Dtc.UNSET_DOUBLE, 1).build());
        rec.update("S6", "mkt-2", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        tape.release(1);
        assertThat(rec.update("S6", "mkt-2", OrderStatus.FILLED, OrderUpdateReason.ORDER_FILLED).lastFillPrice()).isEqualTo(6002.75);
        assertThat(rec.next(PositionUpdate.class).averagePrice()).isEqualTo(6002.75);

        // a session of the other account got none of this
        Recorder other = new Recorder();
        DtcClient sim2 = client(server, "Sim2", other);
        other.next(LoggedOn.class);
        sim2.send(OpenOrdersRequest.builder().requestId(5).tradeAccount("Sim2").build());
        OrderUpdate none = other.next(OrderUpdate.class);
        assertThat(List.of(none.noOrders(), none.requestId(), none.totalNumMessages(), none.messageNumber(), none.orderUpdateReason()))
                .containsExactly(1, 5, 1, 1, OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE);
        sim2.close();

        // reconnect: the same open orders, positions and fills by request
        server.dropConnections();
        assertThat(rec.next(Disconnected.class).connection()).isEqualTo(1);
        assertThat(rec.next(LoggedOn.class).connection()).isEqualTo(2);

        client.send(OpenOrdersRequest.builder().requestId(11).tradeAccount("Sim1").build());
        OrderUpdate open = rec.update("S5", "open-1", OrderStatus.OPEN, OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE);
        assertThat(List.of(open.requestId(), open.totalNumMessages(), open.messageNumber(), open.noOrders())).containsExactly(11, 1, 1, 0);
        assertThat(List.of(open.price1(), open.orderQuantity())).containsExactly(6010.0, 1.0);

        client.send(CurrentPositionsRequest.builder().requestId(12).tradeAccount("Sim1").build());
        PositionUpdate held1 = rec.next(PositionUpdate.class);
        assertThat(List.of(held1.requestId(), held1.totalNumberMessages(), held1.messageNumber(), held1.noPositions(), held1.unsolicited()))
                .containsExactly(12, 1, 1, 0, 0);
        assertThat(List.of(held1.symbol(), held1.exchange(), held1.tradeAccount())).containsExactly("ESZ4", "CME", "Sim1");
        assertThat(List.of(held1.quantity(), held1.averagePrice())).containsExactly(1.0, 6002.75);

        client.send(HistoricalOrderFillsRequest.builder().requestId(13).tradeAccount("Sim1").build());
        List<HistoricalOrderFillResponse> fills = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fills.add(rec.next(HistoricalOrderFillResponse.class));
        }
        assertThat(fills).extracting(f -> List.of(f.requestId(), f.totalNumberMessages(), f.messageNumber()))
                .containsExactly(List.of(13, 3, 1), List.of(13, 3, 2), List.of(13, 3, 3));
        assertThat(fills).extracting(HistoricalOrderFillResponse::serverOrderId, HistoricalOrderFillResponse::uniqueExecutionId,
                        HistoricalOrderFillResponse::buySell, HistoricalOrderFillResponse::price, HistoricalOrderFillResponse::quantity,
                        HistoricalOrderFillResponse::dateTime, HistoricalOrderFillResponse::openClose,
                        HistoricalOrderFillResponse::positionQuantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("S1", "S1-1", BuySell.BUY, 6000.75, 2.0, T0 / 1_000_000L + 2, OpenClose.OPEN, 2.0),
                        org.assertj.core.groups.Tuple.tuple("S2", "S2-1", BuySell.SELL, 6002.00, 2.0, T0 / 1_000_000L + 5, OpenClose.CLOSE, 0.0),
                        org.assertj.core.groups.Tuple.tuple("S6", "S6-1", BuySell.BUY, 6002.75, 1.0, T0 / 1_000_000L + 6, OpenClose.OPEN, 1.0));

        client.send(HistoricalOrderFillsRequest.builder().requestId(14).tradeAccount("Sim1").startDateTime(T0 / 1_000_000L + 5).build());
        assertThat(List.of(rec.next(HistoricalOrderFillResponse.class).serverOrderId(), rec.next(HistoricalOrderFillResponse.class)
                .serverOrderId())).containsExactly("S2", "S6");
        client.send(HistoricalOrderFillsRequest.builder().requestId(15).tradeAccount("Sim1").numberOfDays(1).build());
        for (int i = 1; i <= 3; i++) {
            HistoricalOrderFillResponse f = rec.next(HistoricalOrderFillResponse.class);
            assertThat(List.of(f.requestId(), f.totalNumberMessages(), f.messageNumber())).containsExactly(15, 3, i);
        }

        // the "none" forms, the accounts, an unknown account
        client.send(OpenOrdersRequest.builder().requestId(16).tradeAccount("Sim2").build());
        OrderUpdate noOrders = rec.next(OrderUpdate.class);
        assertThat(List.of(noOrders.noOrders(), noOrders.requestId(), noOrders.serverOrderId())).containsExactly(1, 16, "");
        client.send(CurrentPositionsRequest.builder().requestId(17).tradeAccount("Sim2").build());
        PositionUpdate noPositions = rec.next(PositionUpdate.class);
        assertThat(List.of(noPositions.noPositions(), noPositions.requestId(), noPositions.totalNumberMessages(),
                noPositions.messageNumber())).containsExactly(1, 17, 1, 1);
        client.send(HistoricalOrderFillsRequest.builder().requestId(18).tradeAccount("Sim2").build());
        HistoricalOrderFillResponse noFills = rec.next(HistoricalOrderFillResponse.class);
        assertThat(List.of(noFills.noOrderFills(), noFills.requestId(), noFills.totalNumberMessages(), noFills.messageNumber()))
                .containsExactly(1, 18, 1, 1);
        client.send(TradeAccountsRequest.builder().requestId(19).build());
        TradeAccountResponse a1 = rec.next(TradeAccountResponse.class);
        TradeAccountResponse a2 = rec.next(TradeAccountResponse.class);
        assertThat(List.of(a1, a2)).extracting(a -> List.of(a.tradeAccount(), a.requestId(), a.totalNumberMessages(), a.messageNumber()))
                .containsExactly(List.of("Sim1", 19, 2, 1), List.of("Sim2", 19, 2, 2));
        client.send(OpenOrdersRequest.builder().requestId(20).tradeAccount("Nope").build());
        OpenOrdersReject reject = rec.next(OpenOrdersReject.class);
        assertThat(List.of(reject.requestId(), reject.rejectText())).containsExactly(20, "unknown trade account Nope");
        assertThat(rec.events).isEmpty();
    }

    @Test
    void anOcoWhoseParentIsUnknownIsRejectedAsTwoOrdersAndAPairWithoutAParentCancelsTogether() throws Exception {
        MarketTape tape = tape();
        DtcServer server = DtcServer.start(DtcServer.Settings.defaults(), 0).addTape(tape);
        closeables.add(server);
        Recorder rec = new Recorder();
        DtcClient client = client(server, "", rec);
        rec.next(LoggedOn.class);
        SubmitNewOCOOrder.Builder oco = SubmitNewOCOOrder.builder().symbol("ESZ4")
                .clientOrderId_1("t").orderType_1(OrderType.LIMIT).buySell_1(BuySell.SELL).price1_1(6010.00).quantity_1(1)
                .clientOrderId_2("s").orderType_2(OrderType.STOP).buySell_2(BuySell.SELL).price1_2(5990.00).quantity_2(1);
        client.send(oco.parentTriggerClientOrderId("nobody").build());
        String text = "unknown parent order nobody in account Sim1";
        assertThat(rec.update("", "t", OrderStatus.REJECTED, OrderUpdateReason.NEW_ORDER_REJECTED).infoText()).isEqualTo(text);
        assertThat(rec.update("", "s", OrderStatus.REJECTED, OrderUpdateReason.NEW_ORDER_REJECTED).infoText()).isEqualTo(text);

        // rejected ids were not taken: the same pair without a parent is accepted; canceling one cancels the other
        client.send(oco.parentTriggerClientOrderId("").build());
        assertThat(rec.update("S1", "t", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED).tradeAccount()).isEqualTo("Sim1");
        rec.update("S2", "s", OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        client.send(CancelOrder.builder().serverOrderId("S2").clientOrderId("s").build());
        rec.update("S2", "s", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCELED);
        assertThat(rec.update("S1", "t", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCELED).infoText())
                .isEqualTo("OCO: linked order S2 canceled");
        client.send(CancelReplaceOrder.builder().serverOrderId("S1").clientOrderId("other").price1(6011.00).build());
        assertThat(rec.update("S1", "t", OrderStatus.CANCELED, OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED).infoText())
                .isEqualTo("ClientOrderID other does not match order S1 (t)");
        assertThat(rec.events).isEmpty();
    }
}
