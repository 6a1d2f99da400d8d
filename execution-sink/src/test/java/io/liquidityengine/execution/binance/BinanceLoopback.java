package io.liquidityengine.execution.binance;

import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange simulator's Binance spot on loopback for broker tests: per market an account (API key and
 * secret in files, as an operator would give them) and its own symbol {@code ES<n>USDT} (tick 0.25, step 1),
 * so every broker of a test class trades an independent market on one simulator.
 */
final class BinanceLoopback implements AutoCloseable {

    final BinanceSimulator sim;
    private final Path dir;
    private int next;

    BinanceLoopback() {
        this(SimulatorSettings.defaults());
    }

    BinanceLoopback(SimulatorSettings settings) {
        sim = BinanceSimulator.start(RecordedFrames.of(List.of(), List.of()), settings, 0);
        try {
            dir = Files.createTempDirectory("binance-loopback");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh account and symbol. */
    synchronized Market market() {
        next++;
        Market m = new Market(this, next, "loopbackApiKey" + next + "x9QpL2", "loopbackSecret" + next + "Zr7Wm4", "ES" + next + "USDT");
        sim.addAccount(m.apiKey, m.secret);
        sim.listSymbol(m.symbol, new BigDecimal("0.25"), BigDecimal.ONE);
        try {
            Files.writeString(dir.resolve("api-key-" + next), m.apiKey + "\n");
            Files.writeString(dir.resolve("secret-" + next), m.secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** One account at the simulator and its symbol. */
    record Market(BinanceLoopback loopback, int n, String apiKey, String secret, String symbol) {

        void trade(BigDecimal price, long timeMicros) {
            loopback.sim.printTrade(symbol, price, timeMicros / 1000);
        }

        Map<String, String> settings() {
            Map<String, String> s = new HashMap<>();
            s.put("rest-url", loopback.sim.restUrl());
            s.put("ws-url", "ws://127.0.0.1:" + loopback.sim.port());
            s.put("api-key-file", loopback.dir.resolve("api-key-" + n).toString());
            s.put("secret-file", loopback.dir.resolve("secret-" + n).toString());
            s.put("symbol.ES", symbol);
            return s;
        }

        BinanceBroker broker(BrokerContext context, BinanceRest.Pause pause) {
            return broker(context, pause, Map.of());
        }

        /** ... with {@code extra} settings. */
        BinanceBroker broker(BrokerContext context, BinanceRest.Pause pause, Map<String, String> extra) {
            Map<String, String> settings = settings();
            settings.putAll(extra);
            return new BinanceBrokerFactory(Map.of(), pause).create(new BrokerContext(context.account(), new BrokerSettings(settings, "test"),
                    context.listener(), context.inbox()));
        }

        /** Returns once the broker has received every user data event the simulator sent it. */
        void settle(BinanceBroker broker) {
            long sent = loopback.sim.userEventsSent(broker.listenKey());
            try {
                if (!broker.awaitUserEvents(sent, Duration.ofSeconds(30))) {
                    throw new AssertionError("the broker received " + broker.userEventsReceived() + " of " + sent + " user data events in 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
