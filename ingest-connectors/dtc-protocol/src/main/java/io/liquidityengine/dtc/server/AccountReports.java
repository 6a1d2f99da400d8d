package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.CurrentPositionsReject;
import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsReject;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.OpenOrdersReject;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.TradeAccountResponse;
import io.liquidityengine.dtc.message.TradeAccountsRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers to OpenOrdersRequest, CurrentPositionsRequest, HistoricalOrderFillsRequest and
 * TradeAccountsRequest from the {@link OrderBook}: RequestID echoed, TotalNumMessages/MessageNumber
 * set, the one-message "no orders / no positions / no fills" forms, rejects for an unknown account
 * or order. An empty TradeAccount means every account of the server. Runs under the book's lock.
 */
final class AccountReports {

    private static final long DAY_MICROS = Duration.ofDays(1).toNanos() / 1000;

    private final OrderBook book;

    AccountReports(OrderBook book) {
        this.book = book;
    }

    /** Working orders (pending open, pending child, open); with RequestAllOrders 0 the one order asked for, whatever its status. */
    List<DtcMessage> openOrders(OpenOrdersRequest r) {
        String unknown = unknownAccount(r.tradeAccount());
        if (unknown != null) {
            return List.of(OpenOrdersReject.builder().requestId(r.requestId()).rejectText(unknown).build());
        }
        List<ServerOrder> orders = new ArrayList<>();
        for (String account : accounts(r.tradeAccount())) {
            for (ServerOrder o : book.orders(account)) {
                boolean asked = r.requestAllOrders() == 0 ? o.serverOrderId.equals(r.serverOrderId()) : o.active();
                if (asked) {
                    orders.add(o);
                }
            }
        }
        if (orders.isEmpty() && r.requestAllOrders() == 0) {
            return List.of(OpenOrdersReject.builder().requestId(r.requestId()).rejectText("unknown order " + r.serverOrderId()).build());
        }
        if (orders.isEmpty()) {
            return List.of(OrderUpdate.builder().requestId(r.requestId()).totalNumMessages(1).messageNumber(1)
                    .orderUpdateReason(OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE).tradeAccount(r.tradeAccount()).noOrders(1).build());
        }
        List<DtcMessage> out = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            out.add(orders.get(i).update(OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE, "")
                    .requestId(r.requestId()).totalNumMessages(orders.size()).messageNumber(i + 1).build());
        }
        return out;
    }

    /** Open (non-zero) positions. */
    List<DtcMessage> positions(CurrentPositionsRequest r) {
        String unknown = unknownAccount(r.tradeAccount());
        if (unknown != null) {
            return List.of(CurrentPositionsReject.builder().requestId(r.requestId()).rejectText(unknown).build());
        }
        List<PositionUpdate.Builder> open = new ArrayList<>();
        for (String account : accounts(r.tradeAccount())) {
            for (OrderBook.Position p : book.positions(account)) {
                if (p.quantity != 0) {
                    open.add(OrderBook.positionUpdate(p, r.requestId(), 0, 0));
                }
            }
        }
        if (open.isEmpty()) {
            return List.of(PositionUpdate.builder().requestId(r.requestId()).totalNumberMessages(1).messageNumber(1)
                    .tradeAccount(r.tradeAccount()).noPositions(1).build());
        }
        List<DtcMessage> out = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            out.add(open.get(i).totalNumberMessages(open.size()).messageNumber(i + 1).build());
        }
        return out;
    }

    /**
     * Fills from StartDateTime (seconds) on, or of the last NumberOfDays UTC days counted back from
     * the day of the latest printed trade (the server runs on the tape's time), or all of them.
     */
    List<DtcMessage> fills(HistoricalOrderFillsRequest r) {
        String unknown = unknownAccount(r.tradeAccount());
        if (unknown != null) {
            return List.of(HistoricalOrderFillsReject.builder().requestId(r.requestId()).rejectText(unknown).build());
        }
        long fromMicros = Long.MIN_VALUE;
        if (r.startDateTime() != 0) {
            fromMicros = r.startDateTime() * 1_000_000L;
        } else if (r.numberOfDays() > 0) {
            long today = Math.floorDiv(book.marketClockMicros(), DAY_MICROS) * DAY_MICROS;
            fromMicros = today - (r.numberOfDays() - 1L) * DAY_MICROS;
        }
        List<OrderBook.Fill> selected = new ArrayList<>();
        for (String account : accounts(r.tradeAccount())) {
            for (OrderBook.Fill f : book.fills(account)) {
                if (f.timeMicros() >= fromMicros && (r.serverOrderId().isEmpty() || r.serverOrderId().equals(f.serverOrderId()))) {
                    selected.add(f);
                }
            }
        }
        if (selected.isEmpty()) {
            return List.of(HistoricalOrderFillResponse.builder().requestId(r.requestId()).totalNumberMessages(1).messageNumber(1)
                    .tradeAccount(r.tradeAccount()).noOrderFills(1).build());
        }
        List<DtcMessage> out = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            OrderBook.Fill f = selected.get(i);
            out.add(HistoricalOrderFillResponse.builder().requestId(r.requestId()).totalNumberMessages(selected.size())
                    .messageNumber(i + 1).symbol(f.symbol()).exchange(f.exchange()).serverOrderId(f.serverOrderId())
                    .buySell(f.buySell()).price(f.price()).dateTime(f.timeMicros() / 1_000_000L).quantity(f.quantity())
                    .uniqueExecutionId(f.executionId()).tradeAccount(f.account()).openClose(f.openClose())
                    .positionQuantity(f.positionAfter()).build());
        }
        return out;
    }

    List<DtcMessage> accounts(TradeAccountsRequest r) {
        List<String> accounts = book.accounts();
        List<DtcMessage> out = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            out.add(TradeAccountResponse.builder().requestId(r.requestId()).totalNumberMessages(accounts.size()).messageNumber(i + 1)
                    .tradeAccount(accounts.get(i)).build());
        }
        return out;
    }

    private String unknownAccount(String account) {
        return account.isEmpty() || book.knownAccount(account) ? null : "unknown trade account " + account;
    }

    private List<String> accounts(String account) {
        return account.isEmpty() ? book.accounts() : List.of(account);
    }
}
