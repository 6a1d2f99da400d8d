package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.dtc.message.OpenClose;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TradeAccountsRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's orders, fills and positions, per trade account, for every session: they outlive
 * connections, so a client that reconnects finds its open orders, fills and positions. Orders are
 * keyed by the server order id it assigns ({@code S1}, {@code S2}, ... in acceptance order); a
 * client order id is used once per account. Each tape's prints are matched by the
 * {@link OrderMatcher} as they are released, and before any order request is applied (so a request
 * acts on the market as printed when it arrived). Fills, cancels and activated legs go to every
 * logged-on session following the account. One lock guards everything, including the sends, so a
 * client sees each order's updates in the order they happened.
 *
 * <p>With {@link DtcServer.Matching#EXTERNAL} the prints do not match anything: a client's
 * {@link MatchThroughRequest} does, per trade account and symbol, through the event time it names (a replay
 * whose fills follow the client's clock; the market data still goes out as the tape prints). An order then
 * works from the first trade after its account's clock.
 */
final class OrderBook {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);

    /** One execution, as reported by HistoricalOrderFillResponse. */
    record Fill(String executionId, String serverOrderId, String account, String symbol, String exchange, int buySell,
                double price, double quantity, long timeMicros, int openClose, double positionAfter) { }

    /** A net position of an account in a symbol: signed quantity and average entry price (0 when flat). */
    static final class Position {
        final String account;
        final String symbol;
        final String exchange;
        double quantity;
        double averagePrice;
        long entryMicros;

        Position(String account, String symbol, String exchange) {
            this.account = account;
            this.symbol = symbol;
            this.exchange = exchange;
        }
    }

    private final Supplier<List<ServerSession>> sessions;
    private final List<String> accounts;
    private final OrderMatcher matcher;
    private final OrderEntry entry;
    private final AccountReports reports;
    private final Map<String, MarketTape> tapes = new LinkedHashMap<>();
    private final Map<String, Integer> matched = new HashMap<>();
    private final Map<String, List<ServerOrder>> working = new HashMap<>();
    private final Map<String, Map<String, ServerOrder>> ordersByAccount = new LinkedHashMap<>();
    private final Map<String, Map<String, ServerOrder>> byClientId = new HashMap<>();
    private final Map<String, List<Fill>> fills = new HashMap<>();
    private final Map<String, Map<String, Position>> positions = new HashMap<>();
    /** With external matching: per account and symbol ({@code account \n symbol}), the trades matched so far. */
    private final Map<String, Integer> clocks = new HashMap<>();
    private final boolean external;
    private long nextOrderNumber = 1;
    private long marketClockMicros;

    OrderBook(List<String> accounts, OrderMatcher.Rules rules, DtcServer.Matching matching, Supplier<List<ServerSession>> sessions) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the DTC server needs at least one trade account");
        }
        this.accounts = List.copyOf(accounts);
        this.matcher = new OrderMatcher(rules);
        this.external = matching == DtcServer.Matching.EXTERNAL;
        this.sessions = sessions;
        this.entry = new OrderEntry(this);
        this.reports = new AccountReports(this);
    }

    /** Matches the tape's prints from now on (trades printed before cannot fill orders placed later). */
    synchronized void addTape(MarketTape tape) {
        if (matcher.rules().slippageTicks() > 0 && tape.tickSize() <= 0) {
            throw new IllegalArgumentException("tape " + tape.symbol() + " has no tick size: slippage of "
                    + matcher.rules().slippageTicks() + " ticks cannot be applied");
        }
        tapes.put(tape.symbol(), tape);
        int printed = tape.released();
        matched.put(tape.symbol(), printed);
        if (printed > 0) {
            marketClockMicros = Math.max(marketClockMicros, tape.trade(printed - 1).timeMicros());
        }
        tape.onPrint(() -> catchUp(tape));
    }

    /** Handles an order-entry or account message; false when {@code m} is not one. */
    synchronized boolean handle(ServerSession session, DtcMessage m) {
        if (m instanceof SubmitNewSingleOrder o) {
            catchUpAll();
            entry.submit(session, o);
        } else if (m instanceof SubmitNewOCOOrder o) {
            catchUpAll();
            entry.submitOco(session, o);
        } else if (m instanceof CancelOrder c) {
            catchUpAll();
            entry.cancel(session, c);
        } else if (m instanceof CancelReplaceOrder r) {
            catchUpAll();
            entry.replace(session, r);
        } else if (m instanceof OpenOrdersRequest r) {
            catchUpAll();
            session.sendAll(reports.openOrders(r));
        } else if (m instanceof CurrentPositionsRequest r) {
            catchUpAll();
            session.sendAll(reports.positions(r));
        } else if (m instanceof HistoricalOrderFillsRequest r) {
            catchUpAll();
            session.sendAll(reports.fills(r));
        } else if (m instanceof TradeAccountsRequest r) {
            session.sendAll(reports.accounts(r));
        } else if (m instanceof MatchThroughRequest r) {
            matchThrough(session, r);
        } else {
            return false;
        }
        return true;
    }

    /** Runs {@code action} under the book's lock (a session logging on, between two publishes). */
    synchronized void atomically(Runnable action) {
        action.run();
    }

    // ---- matching ----

    private void catchUpAll() {
        tapes.values().forEach(this::catchUp);
    }

    /** Runs every trade the tape printed since the last call against the symbol's working orders (not with external matching). */
    synchronized void catchUp(MarketTape tape) {
        if (external) {
            return;
        }
        int from = matched.getOrDefault(tape.symbol(), 0);
        int to = tape.released();
        List<ServerOrder> orders = working.getOrDefault(tape.symbol(), List.of());
        for (int i = from; i < to; i++) {
            TapeTrade trade = tape.trade(i);
            marketClockMicros = Math.max(marketClockMicros, trade.timeMicros());
            if (orders.isEmpty()) {
                continue;
            }
            for (OrderMatcher.Event event : matcher.onTrade(orders, trade, i, tape.tickSize())) {
                report(event);
            }
            orders.removeIf(o -> !o.active());
        }
        matched.put(tape.symbol(), to);
    }

    /**
     * External matching: runs the trades of the symbol after the account's clock, printed and not later than the
     * request's time, against the account's working orders; then answers (after the updates the matching sent).
     */
    private void matchThrough(ServerSession session, MatchThroughRequest r) {
        String account = account(r.tradeAccount(), session);
        MarketTape tape = tapes.get(r.symbol());
        String problem = !external ? "this server matches orders as its tapes print (matching=external follows a client's clock)"
                : !knownAccount(account) ? "unknown trade account " + account
                : tape == null ? "unknown symbol " + r.symbol() : null;
        MatchThroughResponse.Builder answer = MatchThroughResponse.builder().requestId(r.requestId());
        if (problem != null) {
            session.send(answer.rejected(1).rejectText(problem).build());
            return;
        }
        String key = account + "\n" + tape.symbol();
        int from = clocks.getOrDefault(key, 0);
        int printed = tape.released();
        int to = from;
        while (to < printed && tape.trade(to).timeMicros() <= r.throughDateTimeMicros()) {
            to++;
        }
        List<ServerOrder> orders = working.getOrDefault(tape.symbol(), List.of());
        for (int i = from; i < to; i++) {
            TapeTrade trade = tape.trade(i);
            marketClockMicros = Math.max(marketClockMicros, trade.timeMicros());
            if (orders.isEmpty()) {
                continue;
            }
            List<ServerOrder> mine = new ArrayList<>();
            for (ServerOrder o : orders) {
                if (o.account.equals(account)) {
                    mine.add(o);
                }
            }
            for (OrderMatcher.Event event : matcher.onTrade(mine, trade, i, tape.tickSize())) {
                report(event);
            }
            orders.removeIf(o -> !o.active());
        }
        clocks.put(key, to);
        if (to < printed || printed == tape.size()) {
            // the client's clock is at the requested time (the next trade is later): what the client now asks for
            // (a cancel, a replace) happens then, as on paper, not at the last trade's time
            marketClockMicros = Math.max(marketClockMicros, r.throughDateTimeMicros());
        }
        session.send(answer.matchedThroughMicros(to == 0 ? 0 : tape.trade(to - 1).timeMicros()).tradesMatched(to - from).build());
    }

    private void report(OrderMatcher.Event event) {
        if (event instanceof OrderMatcher.Filled f) {
            ServerOrder o = f.order();
            o.executionId = o.serverOrderId + "-1";
            Position p = applyFill(o);
            publish(o.account, null, o.update(OrderUpdateReason.ORDER_FILLED, "filled").build());
            publish(o.account, null, positionUpdate(p, 0, 1, 1).unsolicited(1).build());
            LOG.info("DTC server: {} {} {} {} filled at {} ({})", o.account, o.serverOrderId, BuySell.name(o.buySell), o.symbol,
                    o.fillPrice, o.executionId);
        } else if (event instanceof OrderMatcher.Cancelled c) {
            publish(c.order().account, null, c.order().update(OrderUpdateReason.ORDER_CANCELED, c.reason()).build());
        } else if (event instanceof OrderMatcher.Activated a) {
            publish(a.order().account, null, a.order().update(OrderUpdateReason.GENERAL_ORDER_UPDATE,
                    "parent " + a.order().parent.serverOrderId + " filled: working").build());
        }
    }

    private Position applyFill(ServerOrder o) {
        Position p = positions.computeIfAbsent(o.account, a -> new LinkedHashMap<>())
                .computeIfAbsent(o.symbol, s -> new Position(o.account, o.symbol, o.exchange));
        double signed = o.buySell == BuySell.BUY ? o.quantity : -o.quantity;
        boolean opening = p.quantity == 0 || Math.signum(p.quantity) == Math.signum(signed);
        if (opening) {
            if (p.quantity == 0) {
                p.entryMicros = o.fillMicros;
            }
            p.averagePrice = (Math.abs(p.quantity) * p.averagePrice + o.quantity * o.fillPrice) / (Math.abs(p.quantity) + o.quantity);
            p.quantity += signed;
        } else if (Math.abs(signed) < Math.abs(p.quantity)) {
            p.quantity += signed;
        } else if (Math.abs(signed) == Math.abs(p.quantity)) {
            p.quantity = 0;
            p.averagePrice = 0;
            p.entryMicros = 0;
        } else {
            p.quantity += signed; // reversed: the rest opens at the fill price
            p.averagePrice = o.fillPrice;
            p.entryMicros = o.fillMicros;
        }
        fills.computeIfAbsent(o.account, a -> new ArrayList<>()).add(new Fill(o.executionId, o.serverOrderId, o.account, o.symbol,
                o.exchange, o.buySell, o.fillPrice, o.quantity, o.fillMicros, opening ? OpenClose.OPEN : OpenClose.CLOSE, p.quantity));
        return p;
    }

    static PositionUpdate.Builder positionUpdate(Position p, int requestId, int total, int number) {
        return PositionUpdate.builder().requestId(requestId).totalNumberMessages(total).messageNumber(number).symbol(p.symbol)
                .exchange(p.exchange).tradeAccount(p.account).quantity(p.quantity).averagePrice(p.averagePrice).entryDateTime(p.entryMicros / 1_000_000L);
    }

    // ---- fan-out ----

    /** Sends {@code m} to every logged-on session following {@code account}, and to {@code requester} (may be null). */
    void publish(String account, ServerSession requester, DtcMessage m) {
        boolean requesterServed = requester == null;
        for (ServerSession s : sessions.get()) {
            if (s == requester || s.follows(account)) {
                s.send(m);
                requesterServed |= s == requester;
            }
        }
        if (!requesterServed) {
            requester.send(m);
        }
    }

    // ---- state, for OrderEntry and AccountReports (called under this book's lock) ----

    List<String> accounts() {
        return accounts;
    }

    /** The account an order or request names, or the session's logon account, or the first account. */
    String account(String named, ServerSession session) {
        if (!named.isEmpty()) {
            return named;
        }
        return session.tradeAccount().isEmpty() ? accounts.get(0) : session.tradeAccount();
    }

    boolean knownAccount(String account) {
        return accounts.contains(account);
    }

    MarketTape tape(String symbol) {
        return tapes.get(symbol);
    }

    /**
     * The index of the first trade of {@code symbol} a new order of {@code account} may fill on: after those printed
     * (and matched) so far, or with external matching after the account's clock.
     */
    int workingFrom(String account, String symbol) {
        return external ? clocks.getOrDefault(account + "\n" + symbol, 0) : matched.getOrDefault(symbol, 0);
    }

    long marketClockMicros() {
        return marketClockMicros;
    }

    String nextServerOrderId() {
        return "S" + nextOrderNumber++;
    }

    void add(ServerOrder o) {
        ordersByAccount.computeIfAbsent(o.account, a -> new LinkedHashMap<>()).put(o.serverOrderId, o);
        byClientId.computeIfAbsent(o.account, a -> new HashMap<>()).put(o.clientOrderId, o);
        working.computeIfAbsent(o.symbol, s -> new ArrayList<>()).add(o);
    }

    ServerOrder byServerId(String account, String serverOrderId) {
        return ordersByAccount.getOrDefault(account, Map.of()).get(serverOrderId);
    }

    ServerOrder byClientId(String account, String clientOrderId) {
        return byClientId.getOrDefault(account, Map.of()).get(clientOrderId);
    }

    /** Every order of the account, in acceptance order. */
    List<ServerOrder> orders(String account) {
        return List.copyOf(ordersByAccount.getOrDefault(account, Map.of()).values());
    }

    List<Fill> fills(String account) {
        return fills.getOrDefault(account, List.of());
    }

    List<Position> positions(String account) {
        return List.copyOf(positions.getOrDefault(account, Map.of()).values());
    }
}
