package io.liquidityengine.execution.binance;

import static io.liquidityengine.execution.binance.ContractLines.at;
import static io.liquidityengine.execution.binance.ContractLines.place;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.Side;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The API key and secret never reach the log: every record logged (all levels, every logger) while a broker
 * starts, is rate limited, trades, reconciles after a restart and fails, and the texts it shows an operator
 * (describe, toString, errors), are searched for either.
 */
class BinanceSecretsLogTest {

    @Test
    void shouldNeverLogTheApiKeyOrTheSecret() {
        StringBuilder captured = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (captured) {
                    captured.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(' ').append(r.getMessage()).append(' ')
                            .append(Arrays.toString(r.getParameters())).append('\n');
                    if (r.getThrown() != null) {
                        StringWriter trace = new StringWriter();
                        r.getThrown().printStackTrace(new PrintWriter(trace));
                        captured.append(trace).append('\n');
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("io.liquidityengine");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        try (BinanceLoopback loopback = new BinanceLoopback()) {
            BinanceLoopback.Market market = loopback.market();
            loopback.sim.banIfRetryAfterIgnored();
            Optional<io.liquidityengine.execution.broker.BrokerState> saved;
            try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true)) {
                loopback.sim.rateLimit(2);
                h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));
                h.call(b -> b.place(place("B2", Side.BUY, null, "6004.00", "5990.00", 0)));
                h.trade("5999.75", at(1));
                saved = h.broker.saveState();
                captured.append(h.broker).append('\n');
            }
            market.trade(new BigDecimal("6004.25"), at(2));
            try (BinanceHarness h = new BinanceHarness(market, saved, true)) {
                h.call(b -> b.flatten(new FlattenBracket("B1-X", "B1", at(3))));
                h.trade("6001.00", at(4));
                captured.append(String.join("\n", h.take())).append('\n');
            }
            BrokerSettings settings = new BrokerSettings(market.settings(), "test");
            captured.append(new BinanceBrokerFactory().describe(settings)).append('\n').append(settings).append('\n');
            captured.append(BinanceBrokerConfig.from(settings)).append('\n');

            String log = captured.toString();
            assertThat(log).contains("Binance answered 429", "B1-X", "user data stream open");
            assertThat(log).doesNotContain(market.apiKey()).doesNotContain(market.secret());
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
    }
}
