package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.server.DtcServer;
import io.liquidityengine.dtc.server.MarketTape;
import io.liquidityengine.dtc.server.OrderMatcher;
import io.liquidityengine.dtc.server.TapeTrade;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's DTC server on loopback for broker tests: frictionless fills (no slippage, limits through),
 * trade accounts {@code C1..C<n>}, and per trade account its own symbol ({@code ESC<k>} on CME) whose tape
 * the test prints trade by trade ({@link MarketTape#print}), so every broker of a test class gets an
 * independent market and account on one server. With {@link DtcServer.Matching#EXTERNAL} the server matches only
 * through the brokers' clocks, and the brokers are configured {@code matching-clock=sink}.
 */
final class DtcLoopback implements AutoCloseable {

    final DtcServer server;
    private final int accounts;
    private final DtcServer.Matching matching;
    private int next;

    DtcLoopback(int accounts) {
        this(accounts, DtcServer.Matching.TAPE);
    }

    DtcLoopback(int accounts, DtcServer.Matching matching) {
        this.accounts = accounts;
        this.matching = matching;
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= accounts; i++) {
            names.add("C" + i);
        }
        try {
            server = DtcServer.start(DtcServer.Settings.defaults().withTradeAccounts(names)
                    .withOrderRules(new OrderMatcher.Rules(0, OrderMatcher.LimitFill.THROUGH)).withMatching(matching), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh trade account with its own tape. */
    synchronized Market market() {
        if (next == accounts) {
            throw new IllegalStateException("all " + accounts + " trade accounts are used");
        }
        next++;
        MarketTape tape = new MarketTape("ESC" + next, "CME", List.of(), 0.25);
        server.addTape(tape);
        return new Market("C" + next, tape, matching == DtcServer.Matching.EXTERNAL);
    }

    /** One trade account and its tape; {@code sinkClock}: its brokers are the server's matching clock. */
    record Market(String tradeAccount, MarketTape tape, boolean sinkClock) {

        void trade(BigDecimal price, long timeMicros) {
            double p = price.doubleValue();
            tape.print(new TapeTrade(timeMicros, p, 1, 0, p - 0.25, p));
        }

        BrokerSettings settings(int port) {
            Map<String, String> s = new java.util.HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(port), "trade-account",
                    tradeAccount, "symbol.ES", tape.symbol(), "exchange.ES", "CME", "heartbeat-seconds", "5", "request-timeout-seconds", "20"));
            if (sinkClock) {
                s.put("matching-clock", "sink");
            }
            return new BrokerSettings(s, "test");
        }

        DtcBroker broker(int port, BrokerContext context) {
            return new DtcBrokerFactory().create(new BrokerContext(context.account(), settings(port), context.listener(), context.inbox()));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
